package app

import (
	"bytes"
	"os"
	"path/filepath"
	"scoplan/storage/storagetest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"scoplan/data"
	"scoplan/data/report"
	"scoplan/data/search"
	scoplanstorage "scoplan/storage"
	"scoplan/storage/shared"
	"scoplan/storage/statusfile"
)

// colleague makes another data file with a status and a note on 1.2.3 and
// exports it.
func colleague(t *testing.T, dir, name string, st data.Status, note string) string {
	t.Helper()
	s, err := scoplanstorage.Open(scoplanstorage.Options{Path: filepath.Join(dir, name+".db")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.SetIdentity(name, "Kazakhstan")
	if _, err := s.SetStatus("1.2.3", st); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote("1.2.3", note); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name+statusfile.Extension)
	if _, err := s.Export(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// waitFor waits for work done off the GUI goroutine; the bound only stops
// a hang, it is no speed check.
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var done bool
		fyne.DoAndWait(func() { done = ok() }) // read the window's state on its own goroutine
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited in vain for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// overlayTexts returns every text shown in the top overlay (a dialog).
func overlayTexts(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			b.WriteString(v.String() + "\n")
		case *widget.Button:
			b.WriteString("[" + v.Text + "]\n")
		}
	}
	return b.String()
}

// tapButton taps the button with this text in the top overlay.
func tapButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q in:\n%s", text, overlayTexts(w))
}

// TestDroppedFileIsPreviewedThenApplied: a colleague's file dropped onto the
// window shows, per measure, the new note, the status change and the
// conflict, from whose file; Cancel changes nothing, Apply merges it and the
// list marks the conflict.
func TestDroppedFileIsPreviewedThenApplied(t *testing.T) {
	h := newHarness(t)
	h.ui.exch.inline = true
	h.ui.se.store.SetIdentity("Anna", "Kazakhstan") // Bolat's delegation: their statuses conflict
	h.ui.setStatus("1.2.3", data.StatusDone)
	dir := t.TempDir()
	fb := colleague(t, dir, "Bolat", data.StatusBlocked, "Waiting for the customs group")
	before := storagetest.FileSum(t, h.path)

	h.ui.exch.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(fb)})
	waitFor(t, "the preview", func() bool { return strings.Contains(overlayTexts(h.win), "[Apply]") })
	got := overlayTexts(h.win)
	for _, want := range []string{"Bolat.scoplan-status", "Signed by Bolat (Kazakhstan)", "a key not seen before",
		"1 new note · 1 status change · 1 new status conflict", "1.2.3", "Becomes a status conflict",
		"New note by Bolat (Kazakhstan) · key:", ": “Waiting for the customs group” (from Bolat.scoplan-status)",
		"Status set to Blocked by Bolat (Kazakhstan)", "[Apply]", "[Cancel]"} {
		if !strings.Contains(got, want) {
			t.Errorf("preview lacks %q:\n%s", want, got)
		}
	}
	tapButton(t, h.win, "Cancel")
	if storagetest.FileSum(t, h.path) != before || h.ui.se.store.ChangeCount() != 1 {
		t.Fatalf("Cancel changed the data file")
	}

	h.ui.exch.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(fb)})
	waitFor(t, "the preview", func() bool { return strings.Contains(overlayTexts(h.win), "[Apply]") })
	tapButton(t, h.win, "Apply")
	waitFor(t, "the import", func() bool { return h.ui.se.store.ChangeCount() == 3 && h.ui.exch.pending == nil })
	m := h.ui.se.store.Measure("1.2.3")
	if !m.Conflict || len(m.Notes) != 1 {
		t.Fatalf("after apply: %+v", m)
	}
	waitFor(t, "the confirmation", func() bool { return strings.Contains(overlayTexts(h.win), "Imported:") })
	// The list marks the conflict; the detail offers both values.
	h.ui.se.Show("1.2.3")
	row := h.renderRow(h.ui.se.rowIndex("1.2.3"))
	if row.clash.Hidden {
		t.Errorf("the list does not mark the conflict")
	}

	// Dropped again: nothing new, and nothing changes.
	after := storagetest.FileSum(t, h.path)
	h.ui.exch.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(fb)})
	waitFor(t, "nothing new", func() bool {
		return strings.Contains(overlayTexts(h.win), "Nothing new: your data file already has everything")
	})
	if storagetest.FileSum(t, h.path) != after {
		t.Errorf("a repeated import changed the data file")
	}
}

// TestBadDroppedFileIsRefused: a tampered or truncated file gives one plain
// dialog and the data file stays as it was.
func TestBadDroppedFileIsRefused(t *testing.T) {
	h := newHarness(t)
	h.ui.exch.inline = true
	if err := h.ui.se.AddNote("1.1.1", "mine"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	fb := colleague(t, dir, "Bolat", data.StatusBlocked, "original text")
	content, _ := os.ReadFile(fb)
	bad := map[string][]byte{
		"tampered":  bytes.Replace(content, []byte("original text"), []byte("forged! text"), 1),
		"truncated": content[:len(content)/2],
	}
	want := map[string]string{"tampered": "was changed or damaged after it was exported", "truncated": "is incomplete: its end is missing"}
	before := storagetest.FileSum(t, h.path)
	for name, c := range bad {
		p := filepath.Join(dir, name+statusfile.Extension)
		os.WriteFile(p, c, 0o600)
		h.ui.exch.onDropped(fyne.NewPos(1, 1), []fyne.URI{storage.NewFileURI(fb), storage.NewFileURI(p)})
		waitFor(t, "the refusal", func() bool { return strings.Contains(overlayTexts(h.win), "cannot be imported") })
		got := overlayTexts(h.win)
		if !strings.Contains(got, name+".scoplan-status "+want[name]) || !strings.Contains(got, "Nothing was imported; your data file is unchanged.") {
			t.Errorf("%s: dialog says:\n%s", name, got)
		}
		tapButton(t, h.win, "Close")
		if storagetest.FileSum(t, h.path) != before {
			t.Fatalf("%s: the data file changed", name)
		}
	}
}

func TestExportFromTheWindow(t *testing.T) {
	h := newHarness(t)
	h.ui.exch.inline = true
	h.ui.se.store.SetIdentity("Anna Petrova", "Россия")
	if err := h.ui.se.AddNote("2.1.1", "exported note"); err != nil {
		t.Fatal(err)
	}
	if got := exportName(h.ui.se.store.Identity(), testToday); got != "scoplan-Россия-Anna-Petrova-2026-11-23.scoplan-status" {
		t.Errorf("file name %q", got)
	}
	p := filepath.Join(t.TempDir(), "out.scoplan-status")
	h.ui.exch.exportTo(p)
	waitFor(t, "the export", func() bool {
		return strings.Contains(overlayTexts(h.win), "Written to out.scoplan-status: 1 change, signed by Anna Petrova (Russia).")
	})
	f, err := statusfile.ReadFile(p, statusfile.Options{})
	if err != nil || len(f.Lines) != 1 || f.Header.Exporter.Name != "Anna Petrova" {
		t.Fatalf("exported file: %v", err)
	}
}

// TestReportOfTheCurrentQuery: the report holds what the window shows.
func TestReportOfTheCurrentQuery(t *testing.T) {
	h := newHarness(t)
	h.ui.exch.inline = true
	if err := h.ui.se.AddNote("1.1.1", "=cmd note"); err != nil {
		t.Fatal(err)
	}
	h.ui.se.ChangeFilter(func(f *search.Filter) { f.HasNotes = true })
	rep := h.ui.reports.buildReport(data.English)
	if len(rep.Rows) != 1 || rep.Rows[0].ID != "1.1.1" || !rep.Source || !strings.Contains(rep.Scope, "with notes") {
		t.Fatalf("report rows %d, scope %q", len(rep.Rows), rep.Scope)
	}
	p := filepath.Join(t.TempDir(), "r.xlsx")
	h.ui.reports.writeReport(p, report.XLSX, data.English)
	waitFor(t, "the report", func() bool { return strings.Contains(overlayTexts(h.win), "Saved as r.xlsx: 1 measure.") })
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	notes, _ := f.GetRows("Notes")
	// The note as written (a string cell is never a formula; the quote
	// prefix style keeps it so when edited: data/report's tests check it).
	if len(notes) != 2 || notes[1][6] != "=cmd note" {
		t.Errorf("notes sheet %v", notes)
	}
	if formula, _ := f.GetCellFormula("Notes", "G2"); formula != "" {
		t.Errorf("the note became the formula %q", formula)
	}
}

// TestSharedFolderFromTheWindow: with a shared folder set, a colleague's
// file there is merged and the window's own file appears beside it; the
// folder comes back after a restart.
func TestSharedFolderFromTheWindow(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	colleague(t, dir, "Bolat", data.StatusBlocked, "from the shared folder")
	if err := h.ui.exch.startFolder(dir); err != nil {
		t.Fatal(err)
	}
	h.ui.se.store.SetSetting(settingSharedFolder, []byte(dir))
	waitFor(t, "the merge", func() bool { return len(h.ui.se.store.Measure("1.2.3").Notes) == 1 })
	own := filepath.Join(dir, shared.FileName(h.ui.se.store.Identity().Key))
	waitFor(t, "the own file", func() bool { _, err := os.Stat(own); return err == nil })
	h.ui.exch.stop() // waits for the folder's goroutine: its news is written
	if news := h.ui.exch.folderNews; !strings.Contains(news, "merged: 1 new note") {
		t.Errorf("news %q", news)
	}
	h.reopen()
	defer h.ui.exch.stop()
	if h.ui.exch.folder == nil || h.ui.exch.folder.Dir() != dir {
		t.Errorf("the shared folder did not come back after a restart")
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{"Anna Petrova": "Anna-Petrova", "../../etc": "etc", "上海合作组织 秘书处": "上海合作组织-秘书处", "  ": "", "a/b\\c:d": "a-b-c-d"} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// File → Save a report writes the PDF too.
func TestReportAsPDF(t *testing.T) {
	h := newHarness(t)
	h.ui.exch.inline = true
	p := filepath.Join(t.TempDir(), "brief.pdf")
	h.ui.reports.writeReport(p, report.PDF, data.Chinese)
	waitFor(t, "the report", func() bool { return strings.Contains(overlayTexts(h.win), "Saved as brief.pdf") })
	b, err := os.ReadFile(p)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("brief.pdf: %v, %.8q", err, b)
	}
}
