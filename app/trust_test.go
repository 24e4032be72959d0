package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/storage"
	"scoplan/storage/statusfile"
)

// oldFormatFile writes a status file of format 1 signed by a colleague's
// real key (a data file of their own), holding changes as given.
func oldFormatFile(t *testing.T, changes []*data.Change) string {
	t.Helper()
	dir := t.TempDir()
	s, err := storage.Open(storage.Options{Path: filepath.Join(dir, "old.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.SetIdentity("Old Friend", "KZ")
	for _, c := range changes {
		if c.Author == "" {
			c.Author = s.Identity().Key
		}
	}
	h := statusfile.Header{Plan: data.PlanID, PlanVersion: s.Plan().Version(), Exported: time.Now().UTC(),
		Exporter: statusfile.Exporter{Name: "Old Friend", Delegation: "KZ"}}
	content, err := statusfile.EncodeFormat(1, h, s.PublicKey(), changes, s.Sign)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "old"+statusfile.Extension)
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// aigerimSigning is a window in English, importing inline, whose data
// file is Aigerim's (Kazakhstan) with one note of hers on 2.1.1, so that
// her key signs a feed the data file knows; it returns her key.
func aigerimSigning(t *testing.T) (*harness, string) {
	t.Helper()
	inLanguage(t, "en")
	h := newHarness(t)
	h.ui.exch.inline = true
	se := h.ui.se
	if err := se.store.SetIdentity("Aigerim", "KZ"); err != nil {
		t.Fatal(err)
	}
	if err := se.AddNote("2.1.1", "my own, signed"); err != nil {
		t.Fatal(err)
	}
	return h, se.store.Identity().Key
}

// Issue 15 in the window: a format 1 file that relays a note nothing
// proves the author of, and carries an unsigned note in the user's own
// name (whose key signs every change): the preview names the refused
// change and why and says the rest is imported; after the import the
// relayed note and its history line are marked unverified, with the
// legend, and the colleague's own note is not.
func TestPreviewNamesRefusedAndDetailMarksUnverified(t *testing.T) {
	h, me := aigerimSigning(t)
	se := h.ui.se
	now := time.Now().UTC().Truncate(data.TimePrecision).Add(-time.Hour)
	own := &data.Change{ID: storage.NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "1.1.1", Name: "Old Friend", Delegation: "KZ",
		Time: now, Clock: 1, Text: "written by its author"}
	relayed := &data.Change{ID: storage.NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: "0123456789abcdef", Name: "Zed",
		Time: now, Clock: 2, Text: "relayed by Old Friend"}
	forged := &data.Change{ID: storage.NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "1.1.3", Author: me, Name: "Aigerim",
		Time: now, Clock: 3, Text: "in Aigerim's name"}
	file := oldFormatFile(t, []*data.Change{own, relayed, forged})

	h.ui.exch.onDropped(fyne.NewPos(1, 1), []fyne.URI{fynestorage.NewFileURI(file)})
	got := overlayTexts(h.win)
	for _, want := range []string{
		"Refused: a new note on 1.1.3, said to be by Aigerim · key:" + data.ShortKey(me) + ": it is not signed by its author's key",
		"1 change refused (listed above); every other change is imported.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the preview does not say %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "in Aigerim's name") {
		t.Errorf("the preview offers the forged note:\n%s", got)
	}
	tapButton(t, h.win, "Apply")
	if n := len(se.state("1.1.3").Notes); n != 0 {
		t.Errorf("the forged note was imported: %d notes on 1.1.3", n)
	}

	se.Show("1.1.1")
	marked := map[string]bool{}
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		r, ok := o.(*widget.RichText)
		if !ok {
			continue
		}
		text := strings.ReplaceAll(r.String(), "\u200b", "")
		for _, name := range []string{"Zed", "Old Friend"} {
			if strings.HasPrefix(text, name) || strings.Contains(text, "  "+name) {
				marked[name] = marked[name] || strings.Contains(text, " unverified")
			}
		}
	}
	if !marked["Zed"] || marked["Old Friend"] {
		t.Errorf("unverified marks: Zed %v (want true), Old Friend %v (want false)", marked["Zed"], marked["Old Friend"])
	}
	if !strings.Contains(h.detailTexts(), unverifiedLegend()) {
		t.Errorf("no legend of the mark under the history:\n%s", h.detailTexts())
	}
}

// A colleague's data file copied to a second computer writes two
// histories with one key: the preview says so by the key and keeps both.
func TestPreviewNamesAFork(t *testing.T) {
	inLanguage(t, "en")
	h := newHarness(t)
	h.ui.exch.inline = true
	dir := t.TempDir()
	path := filepath.Join(dir, "anna.db")
	anna, err := storage.Open(storage.Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	anna.SetIdentity("Anna", "KZ")
	key := anna.Identity().Key
	if _, err := anna.AddNote("1.1.1", "before the copy"); err != nil {
		t.Fatal(err)
	}
	anna.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, "copy.db")
	if err := os.WriteFile(copyPath, b, 0o600); err != nil {
		t.Fatal(err)
	}
	var files []fyne.URI
	for i, p := range []string{path, copyPath} {
		s, err := storage.Open(storage.Options{Path: p})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddNote("1.1.2", []string{"on the laptop", "on the office computer"}[i]); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, []string{"laptop", "office"}[i]+statusfile.Extension)
		if _, err := s.Export(f); err != nil {
			t.Fatal(err)
		}
		s.Close()
		files = append(files, fynestorage.NewFileURI(f))
	}

	h.ui.exch.onDropped(fyne.NewPos(1, 1), files)
	got := overlayTexts(h.win)
	want := "Anna · key:" + data.ShortKey(key) + " wrote two different changes as their change number 2: one data file was used on two computers. Both are kept."
	if !strings.Contains(got, want) {
		t.Errorf("the preview does not say %q:\n%s", want, got)
	}
	tapButton(t, h.win, "Apply")
	if got := overlayTexts(h.win); !strings.Contains(got, "1 fork, as the preview listed: a key wrote two histories; both are kept.") {
		t.Errorf("the summary after the import does not count the fork:\n%s", got)
	}
	if n := len(h.ui.se.state("1.1.2").Notes); n != 2 {
		t.Errorf("both histories kept: %d notes on 1.1.2, want 2", n)
	}
}

// Statuses relayed in a format 1 file are marked unverified in the "Set
// by" line and in the lines by delegation; the relaying colleague's own
// status is not.
func TestDetailMarksUnverifiedStatuses(t *testing.T) {
	inLanguage(t, "en")
	h := newHarness(t)
	h.ui.exch.inline = true
	se := h.ui.se
	if err := se.store.SetIdentity("Aigerim", "KZ"); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Truncate(data.TimePrecision).Add(-time.Hour)
	own := &data.Change{ID: storage.NewChangeID(), Kind: data.ChangeStatus, Measure: "1.1.1", Name: "Old Friend", Delegation: "KZ",
		Time: now, Clock: 1, Status: data.StatusInProgress}
	relayedRU := &data.Change{ID: storage.NewChangeID(), Kind: data.ChangeStatus, Measure: "1.1.1", Author: "0123456789abcdef", Name: "Zed",
		Delegation: "RU", Time: now, Clock: 2, Status: data.StatusDone}
	relayedKZ := &data.Change{ID: storage.NewChangeID(), Kind: data.ChangeStatus, Measure: "1.1.2", Author: "0123456789abcdef", Name: "Zed",
		Delegation: "KZ", Time: now, Clock: 3, Status: data.StatusDone}
	file := oldFormatFile(t, []*data.Change{own, relayedRU, relayedKZ})
	h.ui.exch.onDropped(fyne.NewPos(1, 1), []fyne.URI{fynestorage.NewFileURI(file)})
	tapButton(t, h.win, "Apply")

	lines := func() []string {
		var out []string
		for _, l := range strings.Split(h.detailTexts(), "\n") {
			if strings.Contains(l, "Set by ") {
				out = append(out, l)
			}
		}
		return out
	}
	se.Show("1.1.1")
	var sawOwn, sawZed bool
	for _, l := range lines() {
		switch {
		case strings.Contains(l, "Old Friend"):
			sawOwn = true
			if strings.Contains(l, "unverified") {
				t.Errorf("the colleague's own status is marked: %q", l)
			}
		case strings.Contains(l, "Zed"):
			sawZed = true
			if !strings.Contains(l, " unverified") {
				t.Errorf("the relayed status by delegation is not marked: %q", l)
			}
		}
	}
	if !sawOwn || !sawZed {
		t.Errorf("set-by lines of 1.1.1 (own %v, Zed %v):\n%s", sawOwn, sawZed, h.detailTexts())
	}
	if !strings.Contains(h.detailTexts(), unverifiedLegend()) {
		t.Errorf("no legend of the mark:\n%s", h.detailTexts())
	}

	se.Show("1.1.2")
	ls := lines()
	if len(ls) == 0 || !strings.Contains(ls[0], "Zed") || !strings.Contains(ls[0], " unverified") {
		t.Errorf("the relayed status's Set by line is not marked: %q\n%s", ls, h.detailTexts())
	}
}

// A file that brings nothing but a refused change says so, and names it,
// rather than saying only "nothing new".
func TestNothingButRefusals(t *testing.T) {
	h, me := aigerimSigning(t)
	se := h.ui.se
	forged := &data.Change{ID: storage.NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "1.1.3", Author: me, Name: "Aigerim",
		Time: time.Now().UTC().Truncate(data.TimePrecision).Add(-time.Hour), Clock: 1, Text: "in Aigerim's name"}
	file := oldFormatFile(t, []*data.Change{forged})
	h.ui.exch.onDropped(fyne.NewPos(1, 1), []fyne.URI{fynestorage.NewFileURI(file)})
	got := overlayTexts(h.win)
	for _, want := range []string{
		"Refused: a new note on 1.1.3, said to be by Aigerim · key:" + data.ShortKey(me) + ": it is not signed by its author's key",
		"Nothing new: your data file already has every change of these files that could be verified. The refused ones are listed above; they were not imported.",
		"Changes refused", // the dialog's title
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the dialog does not say %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "already has everything in these files") {
		t.Errorf("the dialog says the file brought nothing refused:\n%s", got)
	}
	if n := len(se.state("1.1.3").Notes); n != 0 {
		t.Errorf("the forged note was imported: %d notes on 1.1.3", n)
	}
}

// The squatter race in the window: a format 1 line that copied the ID of
// Anna's signed note, with other words, reaches the user first and is kept
// as unverified; Anna's own file then replaces it, and the preview and the
// summary after the import say so.
func TestPreviewSaysASquatterIsReplaced(t *testing.T) {
	inLanguage(t, "en")
	h := newHarness(t)
	h.ui.exch.inline = true
	dir := t.TempDir()
	anna, err := storage.Open(storage.Options{Path: filepath.Join(dir, "anna.db")})
	if err != nil {
		t.Fatal(err)
	}
	anna.SetIdentity("Anna", "KZ")
	note, err := anna.AddNote("1.1.1", "customs agreement signed")
	if err != nil {
		t.Fatal(err)
	}
	status, err := anna.SetStatus("1.1.1", data.StatusInProgress)
	if err != nil {
		t.Fatal(err)
	}
	annaFile := filepath.Join(dir, "anna"+statusfile.Extension)
	if _, err := anna.Export(annaFile); err != nil {
		t.Fatal(err)
	}
	key := anna.Identity().Key
	anna.Close()
	squatter := &data.Change{ID: note.ID, Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: key, Name: "Anna", Delegation: "KZ",
		Time: time.Now().UTC().Truncate(data.TimePrecision), Clock: 1, Text: "Anna says: drop the customs plan"}
	// A note squatting the ID of Anna's status: no note takes its place.
	onStatus := &data.Change{ID: status.ID, Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: key, Name: "Anna", Delegation: "KZ",
		Time: squatter.Time, Clock: 2, Text: "Anna says: we stopped"}
	planted := oldFormatFile(t, []*data.Change{squatter, onStatus})

	h.ui.exch.onDropped(fyne.NewPos(1, 1), []fyne.URI{fynestorage.NewFileURI(planted)})
	tapButton(t, h.win, "Apply")
	if n := h.ui.se.state("1.1.1").Notes; len(n) != 2 {
		t.Fatalf("the squatters were not kept as the test needs: %+v", n)
	}

	h.ui.exch.onDropped(fyne.NewPos(1, 1), []fyne.URI{fynestorage.NewFileURI(annaFile)})
	got := overlayTexts(h.win)
	for _, want := range []string{
		displacedLine(2),
		"Replaced: the unverified note “Anna says: drop the customs plan”, said to be by Anna (Kazakhstan) · key:" + data.ShortKey(key) +
			", had copied the ID of a signed note of this import, which takes its place.",
		"Removed: the unverified note “Anna says: we stopped”, said to be by Anna (Kazakhstan) · key:" + data.ShortKey(key) +
			", had copied the ID of a signed change of this import.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the preview does not say %q:\n%s", want, got)
		}
	}
	tapButton(t, h.win, "Apply")
	if got := overlayTexts(h.win); !strings.Contains(got, "2 unsigned changes were replaced by their authors' signed changes, as the preview listed.") {
		t.Errorf("the summary after the import does not count the replaced change:\n%s", got)
	}
	n := h.ui.se.state("1.1.1").Notes
	if len(n) != 1 || n[0].Text != note.Text || n[0].Unverified {
		t.Errorf("notes on 1.1.1 after Anna's file: %+v", n)
	}
}
