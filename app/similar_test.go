package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Issue 13: when nothing matches a search, loose matches are shown as
// similar, not counted as found: the summary line says so and the
// navigation counts nothing as matching.
func TestSimilarRowsAreNotCountedAsFound(t *testing.T) {
	h := newHarness(t)
	test.Type(h.ui.search, "zqx")
	matching, similar := 0, 0
	for _, r := range h.ui.se.rows {
		if r.Similar() {
			similar++
		} else {
			matching++
		}
	}
	got := richTextString(h.ui.list.summary)
	if similar == 0 || matching != 0 {
		t.Fatalf("%d matching, %d similar rows for zqx: want only similar ones", matching, similar)
	}
	if !strings.Contains(got, "No measure matches · similar:") {
		t.Errorf("summary %q with %d similar rows", got, similar)
	}
	if m, _, _ := h.ui.se.progress(""); m != 0 {
		t.Errorf("the navigation counts %d measures as matching zqx", m)
	}
	// A word that matches: counted.
	h.ui.search.SetText("customs")
	if got := richTextString(h.ui.list.summary); !strings.HasPrefix(got, "Showing ") {
		t.Errorf("summary for customs: %q", got)
	}
}

func richTextString(r interface{ String() string }) string { return r.String() }
