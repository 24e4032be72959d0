package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/storage"
	"scoplan/storage/shared"
	"scoplan/storage/statusfile"
)

// exchange is how status files come and go: File → Export and Import, files
// dropped onto the window with a preview before anything is applied, the
// shared folder, and reports. The work itself is done by storage (export,
// import, merge), storage/shared (the folder) and data/report; this screen
// only asks, shows and reports back.
type exchange struct {
	se *session
	*dialogs

	folder     *shared.Folder
	folderNews string           // what the shared folder did last, for its dialog
	newsLabel  *widget.RichText // shows folderNews while the dialog is open
	pending    *storage.PendingImport
	preview    dialog.Dialog
	// inline runs work on the calling goroutine (tests: Fyne's test driver
	// runs fyne.Do at once on whatever goroutine calls it).
	inline bool
}

func newExchange(se *session, dlg *dialogs) *exchange {
	return &exchange{se: se, dialogs: dlg}
}

// busyDelay is how long work may take before a progress dialog shows.
const busyDelay = 400 * time.Millisecond

// run runs work off the GUI goroutine and then done on it. If the work
// takes more than a moment (a thousand files), a dialog says what is going
// on until it ends.
func (x *exchange) run(what string, work func(), done func()) {
	if x.inline {
		work()
		done()
		return
	}
	finished := make(chan struct{})
	go func() {
		work()
		close(finished)
		fyne.Do(done)
	}()
	go func() {
		select {
		case <-finished:
			return
		case <-time.After(busyDelay):
		}
		var d dialog.Dialog
		fyne.DoAndWait(func() {
			bar := widget.NewProgressBarInfinite()
			d = dialog.NewCustomWithoutButtons(what, container.NewVBox(bar), x.win)
			d.Resize(fyne.NewSize(420, 0))
			d.Show()
		})
		<-finished
		fyne.Do(d.Hide)
	}()
}

// ---- export ----

// exportName suggests a file name: the user's name, delegation and today.
func exportName(id storage.Identity, today data.Date) string {
	parts := []string{"scoplan"}
	for _, p := range []string{id.Delegation, id.Name} {
		if p = safeName(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(append(parts, today.String()), "-") + statusfile.Extension
}

// safeName keeps letters (of any script) and digits, turning the rest into
// single dashes, so the name is valid on every file system.
func safeName(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if r := []rune(out); len(r) > 40 {
		out = string(r[:40])
	}
	return out
}

func (x *exchange) onExport() {
	chooseSave(x.win, fileChoice{title: lang.L("Export your status file"),
		name: exportName(x.se.store.Identity(), x.se.today), exts: []string{statusfile.Extension}},
		x.exportTo, x.showError)
}

// exportTo writes the status file and tells the user.
func (x *exchange) exportTo(path string) {
	store := x.se.store
	var n int
	var err error
	x.run(lang.L("Writing the status file…"), func() { n, err = store.Export(path) }, func() {
		if err != nil {
			x.showError(err)
			return
		}
		id := store.Identity()
		msg := lang.L("Written to {{.File}}: {{.Changes}}, signed by {{.Who}}.", map[string]any{
			"File": filepath.Base(path), "Who": who(id.Name, id.Delegation, id.Key),
			"Changes": plural("export.changes", "{{.Count}} change", "{{.Count}} changes", n)})
		body := container.NewVBox(wrapped(msg),
			wrapped(lang.L("Hand the file to colleagues (USB stick, e-mail); they import it with File → Import status files. It holds every change your data file knows, including those you imported from others.")))
		if id.Name == "" {
			body.Add(warning(lang.L("You have not given your name yet: colleagues will see your changes as by an unknown delegate. Set it in File → Settings.")))
		}
		d := dialog.NewCustom(lang.L("Status file exported"), lang.L("Close"), body, x.win)
		d.Resize(fyne.NewSize(560, 0))
		x.showDialog(d, nil)
	})
}

// ---- import ----

func (x *exchange) onImport() {
	chooseOpen(x.win, fileChoice{title: lang.L("Import status files"), exts: []string{statusfile.Extension}},
		func(path string) { x.prepare([]string{path}) }, x.showError)
}

// onDropped imports the files dropped onto the window, after a preview.
func (x *exchange) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 {
		return
	}
	x.prepare(paths)
}

// prepare reads and checks the files, then shows what importing them
// would do. Nothing is written until the user applies it.
func (x *exchange) prepare(paths []string) {
	if x.se.readOnly() {
		x.showError(storage.ErrReadOnly)
		return
	}
	var p *storage.PendingImport
	var err error
	x.run(lang.L("Reading the status files…"), func() { p, err = x.se.store.PrepareImport(paths) }, func() {
		if err != nil {
			x.showRefusal(err)
			return
		}
		x.showPreview(p)
	})
}

// refusalMessage says in plain, translated words why a file was refused.
func refusalMessage(err error) string {
	var fe *statusfile.Error
	if !errors.As(err, &fe) {
		return userMessage(err)
	}
	file := map[string]any{"File": filepath.Base(fe.File)}
	switch {
	case errors.Is(err, statusfile.ErrUnreadable):
		return lang.L("{{.File}} cannot be read.", file)
	case errors.Is(err, statusfile.ErrEmpty):
		return lang.L("{{.File}} is empty.", file)
	case errors.Is(err, statusfile.ErrTooBig):
		return lang.L("{{.File}} is larger than 100 MB; a status file is never that big.", file)
	case errors.Is(err, statusfile.ErrNotStatusFile):
		return lang.L("{{.File}} is not a scoplan status file.", file)
	case errors.Is(err, statusfile.ErrNewerFormat):
		return lang.L("{{.File}} was written by a newer version of scoplan. Update scoplan to import it.", file)
	case errors.Is(err, statusfile.ErrTruncated):
		return lang.L("{{.File}} is incomplete: its end is missing (it was cut off while being copied or sent).", file)
	case errors.Is(err, statusfile.ErrChecksum), errors.Is(err, statusfile.ErrDamaged):
		return lang.L("{{.File}} was changed or damaged after it was exported.", file)
	case errors.Is(err, statusfile.ErrSignature):
		return lang.L("{{.File}} has no valid signature: it was not signed by the key it names.", file)
	case errors.Is(err, statusfile.ErrInvalidUTF8):
		return lang.L("{{.File}} contains text that is not valid UTF-8.", file)
	case errors.Is(err, statusfile.ErrOtherPlan):
		return lang.L("{{.File}} is for another plan.", file)
	case errors.Is(err, statusfile.ErrUnknownMeasure):
		return lang.L("{{.File}} names a measure that is not in this plan.", file)
	case errors.Is(err, statusfile.ErrReusedID):
		return lang.L("{{.File}} holds a change that contradicts a change you already have (the same ID with different content).", file)
	case errors.Is(err, statusfile.ErrFuture):
		return lang.L("{{.File}} is dated in the future: check the date and time of the computer it comes from, and of this one.", file)
	}
	return fe.Error()
}

// showRefusal tells the user that an import was refused and that nothing
// changed; the exact problem follows in small print.
func (x *exchange) showRefusal(err error) {
	body := container.NewVBox(wrapped(refusalMessage(err)),
		wrapped(lang.L("Nothing was imported; your data file is unchanged.")))
	var fe *statusfile.Error
	if errors.As(err, &fe) {
		body.Add(caption(lang.L("Details: {{.Problem}}", map[string]any{"Problem": fe.Problem})))
	}
	d := dialog.NewCustom(lang.L("The file cannot be imported"), lang.L("Close"), body, x.win)
	d.Resize(fyne.NewSize(560, 0))
	x.showDialog(d, nil)
}

// summaryText puts what an import brings in words.
func summaryText(s storage.Summary) string {
	if s.NothingNew() {
		return lang.L("nothing new")
	}
	var parts []string
	add := func(n int, text func() string) {
		if n > 0 {
			parts = append(parts, text())
		}
	}
	add(s.NewNotes, func() string {
		return plural("import.notes", "{{.Count}} new note", "{{.Count}} new notes", s.NewNotes)
	})
	add(s.NoteEdits, func() string {
		return plural("import.edits", "{{.Count}} note edited", "{{.Count}} notes edited", s.NoteEdits)
	})
	add(s.NoteDeletions, func() string {
		return plural("import.deletions", "{{.Count}} note deleted", "{{.Count}} notes deleted", s.NoteDeletions)
	})
	add(s.StatusChanges, func() string {
		return plural("import.statuses", "{{.Count}} status change", "{{.Count}} status changes", s.StatusChanges)
	})
	add(s.Conflicts, func() string {
		return plural("import.conflicts", "{{.Count}} new status conflict", "{{.Count}} new status conflicts", s.Conflicts)
	})
	add(s.Resolved, func() string {
		return plural("import.resolved", "{{.Count}} conflict resolved", "{{.Count}} conflicts resolved", s.Resolved)
	})
	return strings.Join(parts, " · ")
}

// signerLines describe who signed a file and what is known of the key.
func signerLines(f storage.FileSummary, plan *data.Plan) (info string, warnings []string) {
	sg := f.Signer
	var known string
	switch {
	case sg.Yours:
		known = lang.L("your own key")
	case sg.Known:
		known = lang.L("a key seen before")
	default:
		known = lang.L("a key not seen before")
	}
	info = lang.L("Signed by {{.Who}} · key {{.Key}} ({{.Known}}) · exported {{.When}}", map[string]any{
		"Who": who(sg.Name, sg.Delegation, sg.Key), "Key": sg.Key, "Known": known, "When": timeLabel(f.Exported)})
	if len(sg.OtherNames) > 0 {
		warnings = append(warnings, lang.L("This key signed before under another name: {{.Names}}", map[string]any{"Names": visible(strings.Join(sg.OtherNames, ", "))}))
	}
	for _, l := range sg.LookAlikes {
		warnings = append(warnings, lang.L("{{.Who}} looks like {{.Other}}, but is written with other characters: make sure who wrote this file.",
			map[string]any{"Who": who(sg.Name, sg.Delegation, sg.Key), "Other": visible(l)}))
	}
	if len(sg.OtherKeys) > 0 {
		warnings = append(warnings, lang.L("{{.Who}} signed before with another key ({{.Keys}}): make sure the file really comes from them.",
			map[string]any{"Who": who(sg.Name, sg.Delegation, sg.Key), "Keys": strings.Join(sg.OtherKeys, ", ")}))
	}
	for _, m := range f.Moves {
		var from []string
		for _, k := range m.From {
			from = append(from, visible(delegationName(k)))
		}
		warnings = append(warnings, lang.L("{{.Who}} (key {{.Key}}) wrote until now for {{.From}}; in this file for {{.To}}.",
			map[string]any{"Who": visible(m.Name), "Key": m.Key, "From": strings.Join(from, ", "), "To": visible(delegationName(m.To))}))
	}
	for _, x := range f.Refused {
		warnings = append(warnings, refusalLine(x))
	}
	if f.Displaced > 0 {
		warnings = append(warnings, displacedLine(f.Displaced))
	}
	if f.Dropped > 0 {
		warnings = append(warnings, droppedLine(f.Dropped))
	}
	for _, k := range f.Forks {
		warnings = append(warnings, forkLine(k))
	}
	if f.OtherPlanText {
		warnings = append(warnings, lang.L("Exported with a different text of the plan (version {{.Theirs}}; yours is {{.Yours}}).",
			map[string]any{"Theirs": f.PlanVersion, "Yours": plan.Version()}))
	}
	return info, warnings
}

// changeLine describes one new change of the preview.
func changeLine(c *data.Change, file string) string {
	args := map[string]any{"Who": whoWithKey(c.Name, c.Delegation, c.Author), "File": file}
	switch c.Kind {
	case data.ChangeNoteAdd:
		args["Text"] = clipText(firstLine(c.Text), 80)
		return lang.L("New note by {{.Who}}: “{{.Text}}” (from {{.File}})", args)
	case data.ChangeNoteEdit:
		args["Text"] = clipText(firstLine(c.Text), 80)
		return lang.L("Note edited by {{.Who}}: “{{.Text}}” (from {{.File}})", args)
	case data.ChangeNoteDelete:
		return lang.L("Note deleted by {{.Who}} (from {{.File}})", args)
	case data.ChangeStatus:
		args["Status"] = statusLabel(c.Status)
		return lang.L("Status set to {{.Status}} by {{.Who}} on {{.When}} (from {{.File}})", map[string]any{
			"Status": statusLabel(c.Status), "Who": args["Who"], "When": timeLabel(c.Time), "File": file})
	}
	return string(c.Kind)
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// measureLines describe what an import does to one measure: the status
// before and after, a conflict it creates or resolves, every new change.
func measureLines(m storage.MeasurePreview, files []storage.FileSummary) (lines []string, alert string) {
	if m.StatusChanged() {
		lines = append(lines, lang.L("Status: {{.Before}} → {{.After}}", map[string]any{"Before": statusLabel(m.Before.Status), "After": statusLabel(m.After.Status)}))
	}
	if m.NewConflict {
		var vals []string
		for _, c := range m.After.Competing {
			vals = append(vals, lang.L("{{.Status}} by {{.Who}} on {{.When}}", map[string]any{
				"Status": statusLabel(c.Status), "Who": whoWithKey(c.Name, c.Delegation, c.Author), "When": timeLabel(c.Time)}))
		}
		alert = lang.L("Becomes a status conflict: {{.Values}}. You can resolve it afterwards in the measure's detail.", map[string]any{"Values": strings.Join(vals, "; ")})
	} else if m.Resolved {
		lines = append(lines, lang.L("The status conflict on this measure is resolved."))
	}
	for _, n := range m.New {
		lines = append(lines, changeLine(n.Change, filepath.Base(files[n.File].Name)))
	}
	return append(lines, goneNoteLines(m)...), alert
}

// goneNoteLines name the notes an import takes away without a deletion
// (MeasurePreview.GoneNotes).
func goneNoteLines(m storage.MeasurePreview) []string {
	var lines []string
	for _, g := range m.GoneNotes() {
		b := g.Note
		args := map[string]any{"Text": clipText(firstLine(b.Text), 80), "Who": whoWithKey(b.Name, b.Delegation, b.Author)}
		if g.Replaced {
			lines = append(lines, lang.L("Replaced: the unverified note “{{.Text}}”, said to be by {{.Who}}, had copied the ID of a signed note of this import, which takes its place.", args))
		} else {
			lines = append(lines, lang.L("Removed: the unverified note “{{.Text}}”, said to be by {{.Who}}, had copied the ID of a signed change of this import.", args))
		}
	}
	return lines
}

func warning(text string) *widget.Label {
	l := wrapped(text)
	l.Importance = widget.WarningImportance
	return l
}

// previewContent is the body of the preview dialog.
func (x *exchange) previewContent(r *storage.ImportResult) fyne.CanvasObject {
	plan := x.se.plan
	top := container.NewVBox()
	for _, f := range r.Files {
		title := widget.NewLabelWithStyle(filepath.Base(f.Name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		info, warnings := signerLines(f, plan)
		top.Add(title)
		top.Add(caption(info))
		for _, w := range warnings {
			top.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, warning(w)))
		}
		top.Add(caption(plural("import.file.changes", "{{.Count}} change in the file", "{{.Count}} changes in the file", f.Changes) + " · " + summaryText(f.Summary)))
	}
	total := widget.NewLabelWithStyle(lang.L("In all: {{.Summary}}", map[string]any{"Summary": summaryText(r.Total)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top.Add(widget.NewSeparator())
	top.Add(total)
	if t := refusedText(r.Total); t != "" {
		top.Add(warning(t))
	}

	measures := container.NewVBox()
	for _, m := range r.Measures {
		ms := plan.Measure(m.Measure)
		head := widget.NewLabelWithStyle(m.Measure+"  "+clipText(firstLine(planText.Measure(ms)), 60), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Truncation = fyne.TextTruncateEllipsis
		measures.Add(head)
		lines, alert := measureLines(m, r.Files)
		if alert != "" {
			measures.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, warning(alert)))
		}
		for _, l := range lines {
			measures.Add(wrapped(l))
		}
		measures.Add(widget.NewSeparator())
	}
	scroll := container.NewVScroll(measures)
	scroll.SetMinSize(fyne.NewSize(0, 260))
	return container.NewBorder(top, nil, nil, nil, scroll)
}

// showPreview shows what an import would do, per file and per measure,
// and applies it only when the user says so.
func (x *exchange) showPreview(p *storage.PendingImport) {
	r := p.Result()
	if r.Total.NothingNew() {
		// Still apply: a file of known changes may come from a signer not
		// seen before, whom the data file then remembers.
		var err error
		x.run(lang.L("Importing…"), func() { _, err = p.Apply() }, func() {
			if err != nil {
				x.showRefusal(err)
				return
			}
			body := container.NewVBox()
			for _, f := range r.Files {
				info, warnings := signerLines(f, x.se.plan)
				body.Add(widget.NewLabelWithStyle(filepath.Base(f.Name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
				body.Add(caption(info))
				for _, w := range warnings {
					body.Add(warning(w))
				}
			}
			if r.Total.RefusedChanges > 0 {
				body.Add(warning(lang.L("Nothing new: your data file already has every change of these files that could be verified. The refused ones are listed above; they were not imported.")))
			} else {
				body.Add(wrapped(lang.L("Nothing new: your data file already has everything in these files. Nothing was changed.")))
			}
			title := lang.L("Nothing new")
			if r.Total.RefusedChanges > 0 {
				title = lang.L("Changes refused")
			}
			d := dialog.NewCustom(title, lang.L("Close"), body, x.win)
			d.Resize(fyne.NewSize(620, 0))
			x.showDialog(d, nil)
		})
		return
	}
	x.pending = p
	var apply bool
	x.preview = dialog.NewCustomConfirm(lang.L("Import status files"), lang.L("Apply"), lang.L("Cancel"), x.previewContent(r), func(ok bool) {
		apply = ok
	}, x.win)
	x.preview.Resize(fyne.NewSize(820, 620))
	// Escape cancels; the choice is acted on once the dialog is closed.
	x.showDialog(x.preview, func() {
		x.preview = nil
		if apply {
			x.apply(p)
		} else {
			x.pending = nil
		}
	})
}

// apply writes the import; the window redraws itself when the store
// reports the write.
func (x *exchange) apply(p *storage.PendingImport) {
	var r *storage.ImportResult
	var err error
	x.run(lang.L("Importing…"), func() { r, err = p.Apply() }, func() {
		x.pending = nil
		if err != nil {
			x.showRefusal(err)
			return
		}
		x.se.Reload()
		msg := lang.L("Imported: {{.Summary}}.", map[string]any{"Summary": summaryText(r.Total)})
		if r.Total.Conflicts > 0 {
			msg += " " + lang.L("Measures in conflict are marked; open one to choose the status that holds.")
		}
		if r.Total.RefusedChanges > 0 {
			msg += " " + plural("import.refused.done", "{{.Count}} change was refused, as the preview listed.",
				"{{.Count}} changes were refused, as the preview listed.", r.Total.RefusedChanges)
		}
		if r.Total.Displaced > 0 {
			msg += " " + plural("import.displaced.done", "{{.Count}} unsigned change was replaced by its author's signed change, as the preview listed.",
				"{{.Count}} unsigned changes were replaced by their authors' signed changes, as the preview listed.", r.Total.Displaced)
		}
		if r.Total.ForkCount > 0 {
			msg += " " + plural("import.forks.done", "{{.Count}} fork, as the preview listed: a key wrote two histories; both are kept.",
				"{{.Count}} forks, as the preview listed: keys wrote two histories; both are kept.", r.Total.ForkCount)
		}
		x.showDialog(dialog.NewInformation(lang.L("Import done"), msg, x.win), nil)
	})
}

// ---- lifetime ----

// start begins what runs in the background: the shared folder, if one is set.
func (x *exchange) start() {
	if x.se.readOnly() {
		return // the shared folder would import into the file
	}
	if dir := string(x.se.store.Setting(settingSharedFolder)); dir != "" {
		if err := x.startFolder(dir); err != nil {
			x.showError(fmt.Errorf("%s", lang.L("The shared folder {{.Folder}} cannot be used now ({{.Problem}}). Choose it again in File → Shared folder once it is back.",
				map[string]any{"Folder": dir, "Problem": err.Error()})))
		}
	}
}

// stop ends the background work before the data file closes.
func (x *exchange) stop() {
	if x.folder != nil {
		x.folder.Stop()
		x.folder = nil
	}
}

// now is when a report or a file is made; a variable for tests.
var now = time.Now
