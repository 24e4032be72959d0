package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scoplan/storage"
)

// The first frame is the window open draws, before afterFirstFrame: the
// search, navigation, filters and the list of all 77 measures with the
// measure to show selected; the detail pane is empty (not the "select a
// measure" placeholder) and the overview is not built. afterFirstFrame
// then shows the measure's detail.
func TestFirstFrameIsTheListAndTheDetailFollows(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "scoplan.db")
	s, err := storage.Open(storage.Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetSetting(settingMeasure, []byte("1.2.3")); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	u := open(a, w, s, storage.Location{Path: path, How: "flag"}, testToday)

	if n := u.list.list.Length(); n != 77 {
		t.Fatalf("list length %d before the first frame, want 77", n)
	}
	if u.se.Shown() != "1.2.3" || u.list.list.Selected() != u.se.rowIndex("1.2.3") {
		t.Errorf("current %q, selected row %d: want 1.2.3 selected", u.se.Shown(), u.list.list.Selected())
	}
	if u.detail.scroll.Visible() || u.detail.placeholder.Visible() {
		t.Errorf("detail pane before the first frame: content %v, placeholder %v; want it empty",
			u.detail.scroll.Visible(), u.detail.placeholder.Visible())
	}
	if u.overviewView != nil || u.overview.scroll != nil {
		t.Error("the overview was built for the first frame")
	}
	if !strings.Contains(test.RenderObjectToMarkup(u.list.list), ">1.2.3</text>") {
		t.Error("the list does not draw the row of 1.2.3")
	}

	u.afterFirstFrame()
	if u.detail.id != "1.2.3" || !u.detail.scroll.Visible() || u.detail.placeholder.Visible() {
		t.Fatalf("detail after the first frame: %q, content %v", u.detail.id, u.detail.scroll.Visible())
	}
	if !strings.Contains(test.RenderObjectToMarkup(u.detail.scroll), "1.2.3") {
		t.Error("the detail does not show measure 1.2.3")
	}
}

// A data file without measures to show (a search that matches nothing)
// gets the detail's placeholder after the first frame.
func TestAfterFirstFrameWithoutMeasureShowsThePlaceholder(t *testing.T) {
	h := newHarness(t)
	test.Type(h.ui.search, "zzzzqqqq")
	h.reopen()
	if len(h.ui.se.rows) != 0 || h.ui.se.Shown() != "" {
		t.Fatalf("rows %d, current %q", len(h.ui.se.rows), h.ui.se.Shown())
	}
	if !h.ui.detail.placeholder.Visible() || h.ui.detail.scroll.Visible() {
		t.Error("no placeholder in the detail pane")
	}
}

// The overview is built on first use, and built again in the new language
// when it is shown after the language changed (the window is rebuilt on
// the measures, as before).
func TestOverviewBuiltWhenShownAndAfterALanguageChange(t *testing.T) {
	h := newHarness(t)
	h.ui.onShowOverview()
	if !h.ui.overviewShowing() || h.ui.overview.scroll == nil {
		t.Fatal("the overview does not show")
	}
	if !strings.Contains(overviewText(h), "Where the plan stands") {
		t.Fatalf("English overview: %s", overviewText(h))
	}
	inLanguage(t, "zh")
	h.ui.relabel("zh")
	h.ui.onShowOverview()
	if got := overviewText(h); !strings.Contains(got, lang.L("Where the plan stands")) || strings.Contains(got, "Where the plan stands") {
		t.Errorf("overview after switching to Chinese: %s", got)
	}
}

func overviewText(h *harness) string {
	var texts []string
	for _, o := range test.LaidOutObjects(h.ui.overview.scroll.Content) {
		if rt, ok := o.(*widget.RichText); ok {
			texts = append(texts, rt.String())
		}
	}
	return strings.Join(texts, "\n")
}
