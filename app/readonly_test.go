package app

import (
	"fyne.io/fyne/v2/canvas"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/data/search"
	"scoplan/storage"
	"scoplan/storage/storagetest"
	"scoplan/widgets"
)

// openReadOnly opens the harness's data file read-only and builds the
// window on it, as Run does for a file the user may not write.
func (h *harness) openReadOnly() {
	h.t.Helper()
	s, err := storage.Open(storage.Options{Path: h.path, ReadOnly: true})
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { s.Close() })
	h.win = test.NewTempWindow(h.t, nil)
	h.ui = open(h.app, h.win, s, storage.Location{Path: h.path, How: "flag"}, testToday)
	h.ui.afterFirstFrame()
}

// A read-only data file opens with a banner that says so; everything reads
// as usual, nothing offers to write, what tries to is told plainly, and the
// file is left byte for byte as it was, closing included.
func TestReadOnlyWindow(t *testing.T) {
	h := newHarness(t)
	if err := h.ui.se.store.SetIdentity("Aigerim", "KZ"); err != nil {
		t.Fatal(err)
	}
	h.ui.setStatus("1.3.1", data.StatusBlocked)
	if err := h.ui.se.AddNote("1.3.1", "my own note"); err != nil {
		t.Fatal(err)
	}
	h.ui.saveQuery()
	if err := h.ui.se.store.Close(); err != nil {
		t.Fatal(err)
	}
	before := storagetest.FileSum(t, h.path)
	h.openReadOnly()

	banner := false
	for _, o := range test.LaidOutObjects(h.win.Content()) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "This data file is read-only") && l.Visible() {
			banner = true
		}
	}
	if !banner {
		t.Error("no read-only banner")
	}
	h.ui.se.SetText("")
	h.ui.se.ChangeFilter(func(f *search.Filter) { f.Statuses = []data.Status{data.StatusBlocked} })
	if len(h.ui.se.rows) != 1 || h.ui.se.rows[0].Measure.ID != "1.3.1" {
		t.Fatalf("blocked measures of the read-only file: %v", h.ids(5))
	}
	h.ui.se.Show("1.3.1")
	if s := h.statusSelect(); !s.Disabled() || s.Selected != "Blocked" {
		t.Errorf("status control: disabled %v, shows %q", s.Disabled(), s.Selected)
	}
	seq := h.detailSequence()
	if !strings.Contains(seq, "my own note") || h.ui.detail.addNote.Visible() || strings.Contains(seq, "Edit") {
		t.Errorf("the detail offers to write: add note shown %v, %s", h.ui.detail.addNote.Visible(), seq)
	}
	// A write that gets through says so in plain words.
	h.ui.setStatus("1.3.1", data.StatusDone)
	if got := overlayTexts(h.win); !strings.Contains(got, "This data file is read-only: you may not write it. Nothing was changed.") {
		t.Errorf("setting a status said %q", got)
	}
	// What closing the window saves (onClose, but for the window itself).
	h.ui.detail.flushDraft()
	h.ui.exch.stop()
	h.ui.saveQuery()
	h.ui.se.store.Close()
	if storagetest.FileSum(t, h.path) != before {
		t.Error("the read-only window changed the data file")
	}
}

// Run opens a data file the user may not write read-only (openDataFile);
// as root (CI) the open runs as the user nobody, so that the kernel
// refuses the write as it would for a delegate.
func TestUnwritableDataFileOpensReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scoplan.db")
	s, err := storage.Open(storage.Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	asReader(t, filepath.Dir(path), nil, func() {
		s, err := openDataFile(storage.Location{Path: path})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if !s.ReadOnly() {
			t.Error("an unwritable data file opened for writing")
		}
	})
}

// A conflict in a read-only data file is shown, but its Keep buttons are
// greyed out: the file cannot take the choice.
func TestReadOnlyConflictOffersNoKeep(t *testing.T) {
	h := conflictWithinOwnDelegation(t)
	if err := h.ui.se.store.Close(); err != nil {
		t.Fatal(err)
	}
	h.openReadOnly()
	h.ui.se.Show("1.5.4")
	var keep []*widgets.Button
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		if b, ok := o.(*widgets.Button); ok && strings.HasPrefix(b.Text, "Keep ") {
			keep = append(keep, b)
		}
	}
	if len(keep) != 2 {
		t.Fatalf("%d Keep buttons, want 2", len(keep))
	}
	for _, b := range keep {
		if !b.Disabled() {
			t.Errorf("%q is enabled in a read-only data file", b.Text)
		}
	}
}

// Settings on a read-only data file: the name and delegation cannot be
// edited, and say why where they are; Save applies the appearance to the
// window and reports no error, and the file is left as it was.
func TestReadOnlySettings(t *testing.T) {
	h := newHarness(t)
	if err := h.ui.se.store.SetIdentity("Aigerim", "KZ"); err != nil {
		t.Fatal(err)
	}
	h.ui.se.store.Close()
	before := storagetest.FileSum(t, h.path)
	h.openReadOnly()

	h.ui.showSettings()
	screen := h.ui.settings
	if !screen.name.Disabled() || !screen.delegation.Disabled() || screen.picker.box.Visible() {
		t.Errorf("identity editable: name disabled %v, delegation disabled %v, pick list shown %v",
			screen.name.Disabled(), screen.delegation.Disabled(), screen.picker.box.Visible())
	}
	hint := "The data file is read-only: your name and delegation cannot be changed in it."
	shown := false // form hints are canvas texts
	for _, o := range test.LaidOutObjects(h.win.Canvas().Overlays().Top()) {
		if c, ok := o.(*canvas.Text); ok && c.Text == hint && c.Visible() {
			shown = true
		}
	}
	if !shown {
		t.Errorf("the settings do not say %q", hint)
	}
	if screen.name.Text != "Aigerim" {
		t.Errorf("name shown %q", screen.name.Text)
	}
	screen.appearance.SetSelected("Dark")
	screen.dialog.Confirm()
	if got := overlayTexts(h.win); strings.Contains(got, "read-only") {
		t.Errorf("Save reported an error:\n%s", got)
	}
	if _, ok := h.app.Settings().Theme().(*variantTheme); !ok {
		t.Errorf("theme after Save is %T, want the dark variant", h.app.Settings().Theme())
	}
	h.ui.exch.stop()
	h.ui.se.store.Close()
	if storagetest.FileSum(t, h.path) != before {
		t.Error("Settings changed the read-only data file")
	}
}
