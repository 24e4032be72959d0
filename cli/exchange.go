package cli

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"scoplan/data"
	"scoplan/storage"
	"scoplan/storage/statusfile"
)

func init() {
	register(&command{name: "export", args: "--out FILE", summary: "write a signed status file for colleagues",
		help: `Writes every change this data file knows (your own and every change imported
from others) to a signed status file, for a colleague to import. The file is
written to a temporary file, synced and renamed, so it is complete or absent.
docs/FORMAT.md describes the format.`,
		flags: exportFlags})
	register(&command{name: "import", args: "[--dry-run] FILE...", summary: "merge colleagues' status files",
		help: `Checks and merges status files. Several files are merged in one transaction:
all of them apply, or none does. A bad file (damaged, truncated, tampered
with, from a newer scoplan or for another plan ...) is refused with one line
naming it, exit code 1, and the data file is left as it was. Within a good
file, a change its author's key did not sign (format 2), or whose ID is
reused for other content, is refused by name with what depends on it, and
the rest is imported. Importing the same file again changes nothing.
--dry-run shows what would change and writes nothing.`,
		flags: importFlags})
}

func exportFlags(fs *flag.FlagSet) func(*env, []string) error {
	out := fs.String("out", "", "the status file to write (e.g. anna"+statusfile.Extension+")")
	return func(e *env, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q (give the file with --out)", args[0])
		}
		if strings.TrimSpace(*out) == "" {
			return usagef("give the file to write with --out FILE")
		}
		if err := e.checkOutput("--out", *out); err != nil {
			return err
		}
		s, err := e.openStore()
		if err != nil {
			return err
		}
		defer s.Close()
		n, err := s.Export(*out)
		if err != nil {
			return err
		}
		id := s.Identity()
		fmt.Fprintf(e.stdout, "exported %s to %s, signed by %s, key %s\n", plural(n, "change", "changes"), *out, label(id.Name, id.Delegation), id.Key)
		if id.Name == "" {
			fmt.Fprintln(e.stdout, `note: you have no name yet; set it with "scoplan whoami --name NAME --delegation DELEGATION"`)
		}
		return nil
	}
}

// delegationLabel names a delegation key: "Kazakhstan (KZ)", a free text
// as it is, "no delegation" for "".
func delegationLabel(key string) string {
	if key == "" {
		return "no delegation"
	}
	if d, ok := data.DelegationByCode(key); ok {
		return d.EN + " (" + d.Code + ")"
	}
	return oneLine(key)
}

func label(name, delegation string) string {
	if name == "" {
		name = "(no name)"
	}
	if delegation != "" {
		return oneLine(name) + " (" + oneLine(data.DelegationLabel(data.DelegationKey(delegation), "en")) + ")"
	}
	return oneLine(name)
}

func importFlags(fs *flag.FlagSet) func(*env, []string) error {
	dry := fs.Bool("dry-run", false, "show what the import would change, and write nothing")
	return func(e *env, args []string) error {
		if len(args) == 0 {
			return usagef("give one or more status files")
		}
		s, err := e.openStore()
		if err != nil {
			return err
		}
		defer s.Close()
		r, err := s.Import(args, *dry)
		if err != nil {
			return err
		}
		printImport(e.stdout, s, r)
		return nil
	}
}

// refusal says which change was refused and why, in one line.
func refusal(x storage.Refusal) string {
	what := string(x.Kind)
	if x.Measure != "" {
		what += " on " + x.Measure
	}
	who := fmt.Sprintf("%s, said to be by %s, key %s", what, label(x.Name, ""), x.Author)
	var why string
	switch x.Why {
	case storage.WhyAlteredID:
		why = "its ID is not the hash of its content (a reused or altered ID)"
	case storage.WhyReusedID:
		why = "your data file, or an earlier file, holds other content under its ID (a reused ID)"
	case storage.WhyUnknownKey:
		why = "the file does not give its author's public key, and your data file does not know it"
	case storage.WhySignature:
		why = "its signature is not its author's key's: someone else wrote it in that name"
	case storage.WhyBrokenFeed:
		why = "the author's change before it is missing or not theirs"
	case storage.WhyUnsigned:
		why = "it is not signed, but its author's key signs every change: someone else wrote it in that name"
	case storage.WhyDepends:
		why = "it depends on refused change " + x.On
	default:
		why = "it could not be verified"
	}
	return who + " (change " + x.ID + "): " + why
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// describe puts a summary in words: "3 new changes: 1 new note, 2 status changes".
func describe(s storage.Summary) string {
	if s.NothingNew() {
		return "nothing new"
	}
	var parts []string
	for _, p := range []struct {
		n         int
		one, many string
	}{
		{s.NewNotes, "new note", "new notes"},
		{s.NoteEdits, "note edit", "note edits"},
		{s.NoteDeletions, "note deletion", "note deletions"},
		{s.StatusChanges, "status change", "status changes"},
	} {
		if p.n > 0 {
			parts = append(parts, plural(p.n, p.one, p.many))
		}
	}
	out := plural(s.NewChanges, "new change", "new changes") + " (" + strings.Join(parts, ", ") + ")"
	if s.Conflicts > 0 {
		out += ", " + plural(s.Conflicts, "new status conflict", "new status conflicts")
	}
	if s.Resolved > 0 {
		out += ", " + plural(s.Resolved, "conflict resolved", "conflicts resolved")
	}
	return out
}

// displacedText says that n signed changes of a file took the place of
// unsigned ones that had copied their IDs (importplan.Displaces).
func displacedText(n int) string {
	if n == 1 {
		return "1 unsigned change that held the ID of a signed change of this file was replaced by it (verified as its author's)"
	}
	return fmt.Sprintf("%d unsigned changes that held the IDs of signed changes of this file were replaced by them (verified as their authors')", n)
}

// droppedText says that n changes of the data file were removed because
// they depended on a replaced unsigned change (importplan.Plan.Dropped):
// they cannot follow the signed one, or edit the note it replaced.
func droppedText(n int) string {
	if n == 1 {
		return "1 change of your data file that depended on a replaced unsigned change was removed: it was written about what that change said"
	}
	return fmt.Sprintf("%d changes of your data file that depended on replaced unsigned changes were removed: they were written about what those changes said", n)
}

// goneNotes names the notes of a measure an import takes away without a
// deletion (MeasurePreview.GoneNotes; the window's preview says the same).
func goneNotes(w io.Writer, m storage.MeasurePreview) {
	for _, g := range m.GoneNotes() {
		b := g.Note
		who := fmt.Sprintf("%s [key %s]", label(b.Name, b.Delegation), b.Author)
		if g.Replaced {
			fmt.Fprintf(w, "replaced on %s: the unverified note “%s”, said to be by %s, had copied the ID of a signed note, which takes its place\n", m.Measure, oneLine(b.Text), who)
		} else {
			fmt.Fprintf(w, "removed from %s: the unverified note “%s”, said to be by %s, had copied the ID of a signed change\n", m.Measure, oneLine(b.Text), who)
		}
	}
}

func printImport(w io.Writer, s *storage.Store, r *storage.ImportResult) {
	for _, f := range r.Files {
		sg := f.Signer
		fmt.Fprintf(w, "%s: signed by %s, key %s", oneLine(f.Name), label(sg.Name, sg.Delegation), sg.Key)
		switch {
		case sg.Yours:
			fmt.Fprint(w, " (your own key)")
		case !sg.Known:
			fmt.Fprint(w, " (a key not seen before)")
		default:
			fmt.Fprint(w, " (a key seen before)")
		}
		fmt.Fprintf(w, "\n  exported %s, %s: %s\n", stamp(f.Exported), plural(f.Changes, "change", "changes"), describe(f.Summary))
		if len(sg.OtherNames) > 0 {
			fmt.Fprintf(w, "  warning: this key signed before as %s\n", oneLine(strings.Join(sg.OtherNames, ", ")))
		}
		for _, l := range sg.LookAlikes {
			fmt.Fprintf(w, "  warning: %s looks like %s, but is written with other characters\n", label(sg.Name, sg.Delegation), oneLine(l))
		}
		if len(sg.OtherKeys) > 0 {
			fmt.Fprintf(w, "  warning: %s signed before with another key (%s)\n", label(sg.Name, sg.Delegation), strings.Join(sg.OtherKeys, ", "))
		}
		for _, m := range f.Moves {
			var from []string
			for _, k := range m.From {
				from = append(from, delegationLabel(k))
			}
			fmt.Fprintf(w, "  warning: key %s (%s), known as %s, now writes for %s\n", m.Key, oneLine(m.Name), strings.Join(from, ", "), delegationLabel(m.To))
		}
		for _, x := range f.Refused {
			fmt.Fprintf(w, "  refused: %s\n", refusal(x))
		}
		if n := f.Displaced; n > 0 {
			fmt.Fprintf(w, "  note: %s\n", displacedText(n))
		}
		if n := f.Dropped; n > 0 {
			fmt.Fprintf(w, "  note: %s\n", droppedText(n))
		}
		for _, k := range f.Forks {
			fmt.Fprintf(w, "  warning: key %s (%s) wrote two different changes as its change %d: one data file was used on two computers; both are kept\n", k.Key, oneLine(k.Name), k.Seq)
		}
		if f.OtherPlanText {
			fmt.Fprintf(w, "  note: exported with a different text of the plan (version %s; yours is %s)\n", f.PlanVersion, s.Plan().Version())
		}
	}
	for _, m := range r.Measures {
		goneNotes(w, m)
		if !m.NewConflict {
			continue
		}
		before := m.Before.Conflicts()
		for _, k := range m.After.Conflicts() {
			if slices.Contains(before, k) {
				continue
			}
			var vals []string
			for _, c := range m.After.StatusOf(k).Competing {
				vals = append(vals, fmt.Sprintf("%s by %s at %s", c.Status, label(c.Name, c.Delegation), stamp(c.Time)))
			}
			fmt.Fprintf(w, "status conflict on %s within %s: %s\n", m.Measure, delegationLabel(k), strings.Join(vals, "; "))
		}
	}
	if len(r.Files) > 1 || r.Total.NothingNew() {
		fmt.Fprintf(w, "total: %s\n", describe(r.Total))
	}
	if n := r.Total.RefusedChanges; n > 0 {
		fmt.Fprintf(w, "%s refused (listed above); every other change was %s\n", plural(n, "change", "changes"), map[bool]string{true: "checked", false: "imported"}[r.DryRun])
	}
	if r.DryRun {
		fmt.Fprintln(w, "dry run: nothing was written")
	}
}
