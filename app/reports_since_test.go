package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/data/report"
)

// reportDialogWidgets returns the report dialog's since select and its
// format radio group, from the dialog on top.
func reportDialogWidgets(t *testing.T, h *harness) (*widget.Select, *widget.RadioGroup, *widget.Entry, *widget.Button) {
	t.Helper()
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var sel *widget.Select
	var radio *widget.RadioGroup
	var entry *widget.Entry
	var save *widget.Button
	for _, o := range test.LaidOutObjects(top) {
		switch v := o.(type) {
		case *widget.Select:
			if len(v.Options) > 0 && v.Options[0] == noSince() {
				sel = v
			}
		case *widget.RadioGroup:
			radio = v
		case *widget.Entry:
			entry = v
		case *widget.Button:
			if v.Text == "Save…" {
				save = v
			}
		}
	}
	if sel == nil || radio == nil || entry == nil || save == nil {
		t.Fatalf("the dialog lacks a control: %v %v %v %v", sel, radio, entry, save)
	}
	return sel, radio, entry, save
}

// TestReportDialogSince: File → Save a report offers "since" for the PDF
// and the printable page (none, a recorded meeting, a day typed); a day
// typed wrong is refused with a message that says how to write it.
func TestReportDialogSince(t *testing.T) {
	h := newHarness(t)
	h.ui.exch.inline = true
	s := h.ui.se.store
	if err := s.SetIdentity("Aigerim", "KZ"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMeeting("Tashkent", data.Date{Year: 2020, Month: 6, Day: 12}); err != nil {
		t.Fatal(err)
	}
	h.ui.setStatus("1.1.1", data.StatusDone)

	h.ui.reports.onReport()
	sel, radio, entry, save := reportDialogWidgets(t, h)
	meeting := "Since the meeting “Tashkent” (2020-06-12)"
	if strings.Join(sel.Options, "|") != "No section of changes|"+meeting+"|Since a date…" {
		t.Errorf("since offers %q", sel.Options)
	}
	if !sel.Disabled() {
		t.Error("since is offered for the workbook")
	}
	radio.SetSelected("PDF for printing (.pdf)")
	if sel.Disabled() {
		t.Error("since is not offered for the PDF")
	}
	if entry.Visible() {
		t.Error("the day shows before a day is chosen")
	}
	sel.SetSelected("Since a date…")
	if !entry.Visible() {
		t.Error("no field for the day")
	}
	entry.SetText("2026-13-01")
	if entry.Validate() == nil {
		t.Error("2026-13-01 taken for a day")
	}
	test.Tap(save)
	msg := overlayTexts(h.win)
	if !strings.Contains(msg, "“2026-13-01” is not a date. Write the day as YYYY-MM-DD, for example 2026-06-12.") {
		t.Errorf("a wrong day: %q", msg)
	}

	// The choices give the section asked for.
	r := newReportSince(h.ui.se)
	if b, err := r.since(); b != nil || err != nil {
		t.Errorf("none: %v, %v", b, err)
	}
	r.choice.SetSelected(meeting)
	b, err := r.since()
	// The status set and the meeting's record, both made today.
	if err != nil || b == nil || b.From != "2020-06-12 (Tashkent)" || len(b.Changes) != 2 || b.Changes[0].Change.Measure != "1.1.1" {
		t.Fatalf("since the meeting: %+v, %v", b, err)
	}
	r.choice.SetSelected("Since a date…")
	r.date.SetText(" 2020-06-11 ")
	if b, err = r.since(); err != nil || b.From != "2020-06-11" || len(b.Changes) != 2 {
		t.Fatalf("since a day: %+v, %v", b, err)
	}
	r.date.SetText(b.AsOf) // since today: nothing changed after it
	if b, err = r.since(); err != nil || len(b.Changes) != 0 {
		t.Fatalf("since today: %+v, %v", b, err)
	}

	// A colleague's status file imported now is among the files the
	// section includes.
	if _, err := s.Import([]string{colleague(t, t.TempDir(), "Bolat", data.StatusBlocked, "from a file")}, false); err != nil {
		t.Fatal(err)
	}
	r.choice.SetSelected(meeting)
	b, _ = r.since()
	if len(b.Files) != 1 || b.Files[0].Name != "Bolat.scoplan-status" || b.Files[0].Signer != "Bolat" || b.Files[0].Delegation != "Kazakhstan" {
		t.Fatalf("files of the section: %+v", b.Files)
	}

	// The report written has the section.
	p := filepath.Join(t.TempDir(), "brief.html")
	h.ui.reports.writeReportSince(p, report.HTML, data.English, b)
	waitFor(t, "the report", func() bool { return strings.Contains(overlayTexts(h.win), "Saved as brief.html") })
	out, err := os.ReadFile(p)
	if err != nil || !strings.Contains(string(out), "2020-06-12 (Tashkent)") || !strings.Contains(string(out), "What changed") ||
		!strings.Contains(string(out), "Status files included: Bolat.scoplan-status (Bolat (Kazakhstan), imported ") {
		t.Fatalf("brief.html lacks the section: %v", err)
	}
}
