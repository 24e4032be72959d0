package app

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	bolt "go.etcd.io/bbolt"

	"scoplan/data"
	"scoplan/storage"
	"scoplan/widgets"
)

var testToday = data.Date{Year: 2026, Month: time.November, Day: 23}

// harness is the main window on a real data file in t.TempDir.
type harness struct {
	t    *testing.T
	app  fyne.App
	win  fyne.Window
	ui   *ui
	path string
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	h := &harness{t: t, app: test.NewTempApp(t), path: filepath.Join(t.TempDir(), "scoplan.db")}
	h.open()
	return h
}

// open opens the data file and builds the window on it.
func (h *harness) open() {
	h.t.Helper()
	s, err := storage.Open(storage.Options{Path: h.path})
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { s.Close() })
	h.win = test.NewTempWindow(h.t, nil)
	h.ui = open(h.app, h.win, s, storage.Location{Path: h.path, How: "flag"}, testToday)
	h.win.Resize(fyne.NewSize(1280, 800))
}

// reopen closes the window and the data file, then opens both again.
func (h *harness) reopen() {
	h.t.Helper()
	h.ui.saveQuery()
	if err := h.ui.se.store.Close(); err != nil {
		h.t.Fatal(err)
	}
	h.open()
}

func (h *harness) ids(n int) []string {
	var out []string
	for i, r := range h.ui.se.rows {
		if i == n {
			break
		}
		out = append(out, r.Measure.ID)
	}
	return out
}

// renderRow renders row i of the list as the list does.
func (h *harness) renderRow(i int) *rowView {
	r := h.ui.list.createRow().(*rowView)
	h.ui.list.updateRow(i, r)
	return r
}

func highlighted(rt *widget.RichText) []string {
	var out []string
	for _, s := range rt.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style.ColorName == widgets.HighlightStyle.ColorName && ts.Style.TextStyle.Bold {
			out = append(out, ts.Text)
		}
	}
	return out
}

func TestStartsWithThePlanInOrder(t *testing.T) {
	h := newHarness(t)
	if n := len(h.ui.se.rows); n != 77 {
		t.Fatalf("rows = %d, want 77", n)
	}
	if got := h.ids(3); !reflect.DeepEqual(got, []string{"1.1.1", "1.1.2", "1.1.3"}) {
		t.Errorf("first rows %v", got)
	}
	if h.ui.list.list.Length() != 77 {
		t.Errorf("list length %d", h.ui.list.list.Length())
	}
	if h.ui.current != "1.1.1" {
		t.Errorf("detail shows %q, want the first measure", h.ui.current)
	}
}

func TestTypingAQueryShowsTheMeasuresHighlighted(t *testing.T) {
	h := newHarness(t)
	test.Type(h.ui.search, "海")
	one := len(h.ui.se.rows)
	test.Type(h.ui.search, "关")
	if two := len(h.ui.se.rows); two >= one || two == 0 {
		t.Errorf("海 gives %d rows, 海关 %d: each keystroke must narrow the list", one, two)
	}
	if got := h.ids(3); !reflect.DeepEqual(got, []string{"1.2.8", "1.1.5", "1.2.2"}) {
		t.Fatalf("top three for 海关 = %v, want [1.2.8 1.1.5 1.2.2]", got)
	}
	// 1.2.8: 开展“智慧海关”合作，加强海关智能网络建设。 — two marked runs.
	r := h.renderRow(0)
	if got := highlighted(r.text); !reflect.DeepEqual(got, []string{"海关", "海关"}) {
		t.Errorf("1.2.8 highlights %v", got)
	}
	// 1.2.2 matches through its body: the text has no mark, the second line
	// names the body with the mark.
	r = h.renderRow(2)
	if got := highlighted(r.text); len(got) != 0 {
		t.Errorf("1.2.2 text highlights %v, want none", got)
	}
	if got := highlighted(r.detail); !reflect.DeepEqual(got, []string{"海关"}) {
		t.Errorf("1.2.2 context highlights %v", got)
	}
	if want := "Showing"; h.ui.list.summary.Text[:len(want)] != want {
		t.Errorf("summary %q", h.ui.list.summary.Text)
	}
}

func TestStatusAndNoteSurviveReopening(t *testing.T) {
	h := newHarness(t)
	h.ui.showMeasure("1.2.3")
	h.ui.detail.status.SetSelected(statusLabel(data.StatusDone))
	h.ui.detail.startAdd()
	test.Type(h.ui.detail.editor, "Roadmap agreed in Tashkent")
	h.ui.detail.onSaveNote()

	h.reopen()
	st := h.ui.se.state("1.2.3")
	if st.Status != data.StatusDone {
		t.Errorf("status after reopening = %s", st.Status)
	}
	if len(st.Notes) != 1 || st.Notes[0].Text != "Roadmap agreed in Tashkent" {
		t.Fatalf("notes after reopening = %+v", st.Notes)
	}
	h.ui.showMeasure("1.2.3")
	if h.ui.detail.status.Selected != statusLabel(data.StatusDone) {
		t.Errorf("selector shows %q", h.ui.detail.status.Selected)
	}
}

// foreignChange writes a change by another delegate into a closed data
// file, as an import would: the author is another installation's key.
func foreignChange(t *testing.T, path string, c *data.Change) {
	t.Helper()
	other := filepath.Join(t.TempDir(), "other.db")
	s, err := storage.Open(storage.Options{Path: other})
	if err != nil {
		t.Fatal(err)
	}
	key := s.Identity().Key
	s.Close()
	c.Author = key
	if c.ID == "" {
		c.ID = storage.NewChangeID()
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	buf, _ := json.Marshal(c)
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("changes")).Put([]byte(c.ID), buf) }); err != nil {
		t.Fatal(err)
	}
}

func TestOthersNotesCannotBeEdited(t *testing.T) {
	h := newHarness(t)
	if _, err := h.ui.se.store.AddNote("1.3.1", "my own note"); err != nil {
		t.Fatal(err)
	}
	h.ui.se.store.Close()
	foreignChange(t, h.path, &data.Change{Kind: data.ChangeNoteAdd, Measure: "1.3.1", Name: "Li Wei", Delegation: "China",
		Time: time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC), Clock: 1, Text: "their note"})
	h.open()
	h.ui.showMeasure("1.3.1")

	buttons := map[string][]string{} // note text → button labels in its card
	for _, n := range h.ui.se.state("1.3.1").Notes {
		card := h.ui.detail.noteCard(n, n.Author == h.ui.se.store.Identity().Key)
		for _, o := range test.LaidOutObjects(card) {
			if b, ok := o.(*widgets.Button); ok {
				buttons[n.Text] = append(buttons[n.Text], b.Text)
			}
		}
	}
	if got := buttons["my own note"]; !reflect.DeepEqual(got, []string{"Edit", "Delete"}) {
		t.Errorf("own note offers %v, want Edit and Delete", got)
	}
	if got, ok := buttons["their note"]; ok {
		t.Errorf("another delegate's note offers %v, want nothing", got)
	}
	if len(buttons) != 1 {
		t.Errorf("notes with buttons: %v", buttons)
	}
}
