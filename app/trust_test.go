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

// Issue 15 in the window: a format 1 file that relays a note nothing
// proves the author of, and carries an unsigned note in the user's own
// name (whose key signs every change): the preview names the refused
// change and why and says the rest is imported; after the import the
// relayed note and its history line are marked unverified, with the
// legend, and the colleague's own note is not.
func TestPreviewNamesRefusedAndDetailMarksUnverified(t *testing.T) {
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
	me := se.store.Identity().Key
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
