package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	bolt "go.etcd.io/bbolt"

	"scoplan/data"
	"scoplan/data/search"
	"scoplan/storage"
	"scoplan/widgets"
)

var testToday = data.Date{Year: 2026, Month: time.November, Day: 23}

// harness is the main window on a real data file in t.TempDir.
type harness struct {
	t    testing.TB
	app  fyne.App
	win  fyne.Window
	ui   *ui
	path string
}

func newHarness(t testing.TB) *harness {
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
	h.ui.afterFirstFrame()
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

// highlighted returns the highlighted runs of a label's text.
func highlighted(l *widgets.HighlightLabel) []string {
	var out []string
	runes := []rune(l.Text)
	for _, s := range l.Spans {
		out = append(out, string(runes[s.Start:s.End]))
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
	if h.measureList().Length() != 77 {
		t.Errorf("list length %d", h.measureList().Length())
	}
	if h.ui.se.Shown() != "1.1.1" {
		t.Errorf("detail shows %q, want the first measure", h.ui.se.Shown())
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
	if got, want := h.ui.list.summary.String(), "Showing 3 of 77 measures"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

func TestStatusAndNoteSurviveReopening(t *testing.T) {
	h := newHarness(t)
	h.ui.se.Show("1.2.3")
	h.statusSelect().SetSelected(statusLabel(data.StatusDone))
	h.addNote()
	test.Type(h.noteEditor(), "Roadmap agreed in Tashkent")
	h.tap("Save note")

	h.reopen()
	st := h.ui.se.state("1.2.3")
	if st.Status != data.StatusDone {
		t.Errorf("status after reopening = %s", st.Status)
	}
	if len(st.Notes) != 1 || st.Notes[0].Text != "Roadmap agreed in Tashkent" {
		t.Fatalf("notes after reopening = %+v", st.Notes)
	}
	h.ui.se.Show("1.2.3")
	if h.statusSelect().Selected != statusLabel(data.StatusDone) {
		t.Errorf("selector shows %q", h.statusSelect().Selected)
	}
}

// foreignChange writes a change by another delegate into a closed data
// file, as an import would: the author is another installation's key.
func foreignChange(t testing.TB, path string, c *data.Change) {
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
	h.ui.se.Show("1.3.1")

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

// labelCount reads the count a filter's label shows.
func labelCount(t *testing.T, c *widgets.Check) int {
	t.Helper()
	var n int
	i := strings.LastIndex(c.Text, "(")
	if i < 0 {
		t.Fatalf("label %q has no count", c.Text)
	}
	if _, err := fmt.Sscanf(c.Text[i:], "(%d)", &n); err != nil {
		t.Fatalf("label %q: %v", c.Text, err)
	}
	return n
}

func TestEachFilterGivesTheCountItShows(t *testing.T) {
	h := newHarness(t)
	plan := h.ui.se.plan
	if _, err := h.ui.se.store.SetStatus("1.1.2", data.StatusDone); err != nil { // no longer overdue
		t.Fatal(err)
	}
	if _, err := h.ui.se.store.SetStatus("1.3.1", data.StatusBlocked); err != nil {
		t.Fatal(err)
	}
	if _, err := h.ui.se.store.AddNote("1.3.1", "waiting for the customs data"); err != nil {
		t.Fatal(err)
	}
	h.ui.se.Reload()
	f := h.ui.filters

	kindCount := func(k data.DeadlineKind) int {
		n := 0
		for _, m := range plan.Measures {
			if m.Deadline.Kind == k {
				n++
			}
		}
		return n
	}
	bodyCount := func(b string) int {
		n := 0
		for _, m := range plan.Measures {
			if has(m.Bodies, b) {
				n++
			}
		}
		return n
	}
	customs := "上合组织海关合作专门工作组"
	cases := []struct {
		name  string
		check *widgets.Check
		want  int
	}{
		{"not started", f.statuses[data.StatusNotStarted], 75},
		{"done", f.statuses[data.StatusDone], 1},
		{"blocked", f.statuses[data.StatusBlocked], 1},
		{"in progress", f.statuses[data.StatusInProgress], 0},
		// Overdue on 2026-11-23: 1.1.7, 1.3.8, 1.5.9, 1.5.10, 2.1.5, 2.1.7
		// (1.1.2 is done); due within 90 days: 1.5.4.
		{"overdue", f.overdue, 6},
		{"due soon", f.dueSoon, 1},
		{"has notes", f.hasNotes, 1},
		{"conflict", f.conflict, 0},
		{"by a date", f.kinds[data.KindBy], kindCount(data.KindBy)},
		{"range", f.kinds[data.KindRange], 1},
		{"annual", f.kinds[data.KindAnnual], kindCount(data.KindAnnual)},
		{"regular", f.kinds[data.KindRegular], kindCount(data.KindRegular)},
		{"as agreed", f.kinds[data.KindAsAgreed], kindCount(data.KindAsAgreed)},
		{"customs body", f.bodies[customs], bodyCount(customs)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := labelCount(t, c.check); got != c.want {
				t.Errorf("label %q shows %d, want %d", c.check.Text, got, c.want)
			}
			test.Tap(c.check)
			if got := len(h.ui.se.rows); got != c.want {
				t.Errorf("ticked: %d rows, want %d", got, c.want)
			}
			if c.want > 0 && h.measureList().Length() != c.want {
				t.Errorf("list shows %d rows", h.measureList().Length())
			}
			if h.ui.filters.clear.Disabled() {
				t.Error("Clear all is disabled while a filter is on")
			}
			test.Tap(c.check)
			if got := len(h.ui.se.rows); got != 77 {
				t.Errorf("unticked: %d rows, want 77", got)
			}
		})
	}

	// Filters combine with each other and with the search; counts follow.
	test.Tap(f.statuses[data.StatusNotStarted])
	test.Tap(f.overdue)
	if got := len(h.ui.se.rows); got != 6 {
		t.Errorf("not started + overdue: %d rows, want 6", got)
	}
	if got := labelCount(t, f.statuses[data.StatusDone]); got != 0 {
		t.Errorf("with overdue on, Done shows %d, want 0 (a measure done is never overdue)", got)
	}
	if got := labelCount(t, f.statuses[data.StatusBlocked]); got != 0 {
		t.Errorf("with overdue on, Blocked shows %d, want 0 (1.3.1 is annual)", got)
	}
	test.Type(h.ui.search, "贸易")
	for _, r := range h.ui.se.rows {
		if r.State.Status != data.StatusNotStarted || !r.Measure.Deadline.Overdue(testToday) {
			t.Errorf("%s passes the filters wrongly", r.Measure.ID)
		}
	}
	// One action clears every filter but keeps the search.
	h.ui.clearFilters()
	if !h.ui.se.query.Filter.IsZero() || h.ui.se.query.Text != "贸易" {
		t.Errorf("after Clear all: %+v", h.ui.se.query)
	}
	if f.overdue.Checked || f.statuses[data.StatusNotStarted].Checked {
		t.Error("checks still ticked after Clear all")
	}
	if !f.clear.Disabled() {
		t.Error("Clear all still enabled with no filter")
	}
}

func TestSearchAndFiltersComeBackAfterRestart(t *testing.T) {
	h := newHarness(t)
	test.Type(h.ui.search, "粮食")
	test.Tap(h.filterCheck(kindLabel(data.KindAnnual)))
	h.ui.setSection("1.3")
	want := h.ids(100)
	if len(want) == 0 {
		t.Fatal("no rows to compare")
	}
	h.ui.se.Show(want[len(want)-1])
	h.reopen()
	if h.ui.search.Text != "粮食" {
		t.Errorf("search field after restart: %q", h.ui.search.Text)
	}
	if !h.filterCheck(kindLabel(data.KindAnnual)).Checked {
		t.Error("the Every year filter is not ticked after restart")
	}
	if got := h.ids(100); !reflect.DeepEqual(got, want) {
		t.Errorf("rows after restart %v, want %v", got, want)
	}
	if h.ui.se.Shown() != want[len(want)-1] {
		t.Errorf("detail after restart shows %q, want %q", h.ui.se.Shown(), want[len(want)-1])
	}
	if sel := h.measureList().Selected(); sel != len(want)-1 {
		t.Errorf("selected row %d, want %d", sel, len(want)-1)
	}
}

func TestAStoredQueryIsCheckedBeforeUse(t *testing.T) {
	h := newHarness(t)
	for _, raw := range []string{
		`{not json`,
		`{"text":"海关","filter":{"statuses":["done","exploded"],"bodies":["上合组织秘书处","No Such Body"],"section":"9.9","kinds":["by","weekly"]}}`,
	} {
		if err := h.ui.se.store.SetSetting(settingQuery, []byte(raw)); err != nil {
			t.Fatal(err)
		}
		q := loadQuery(h.ui.se.store)
		for _, s := range q.Filter.Statuses {
			if s != data.StatusDone {
				t.Errorf("%s: kept status %q", raw, s)
			}
		}
		if len(q.Filter.Bodies) > 1 || q.Filter.Section != "" || len(q.Filter.Kinds) > 1 {
			t.Errorf("%s: kept %+v", raw, q.Filter)
		}
	}
}

func TestKeyboardMovesOpensAndReturns(t *testing.T) {
	h := newHarness(t)
	c := h.win.Canvas()
	h.ui.focusList()
	if c.Focused() != h.measureList() {
		t.Fatalf("focus on %T, want the list", c.Focused())
	}
	down := &fyne.KeyEvent{Name: fyne.KeyDown}
	h.measureList().TypedKey(down)
	h.measureList().TypedKey(down)
	if h.ui.se.Shown() != "1.1.3" {
		t.Errorf("two Downs from 1.1.1 show %q, want 1.1.3", h.ui.se.Shown())
	}
	h.measureList().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	if h.ui.se.Shown() != "3.2.7" {
		t.Errorf("End shows %q, want the last measure 3.2.7", h.ui.se.Shown())
	}
	h.measureList().TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	h.measureList().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Focused() != h.statusSelect() {
		t.Fatalf("Enter put the focus on %T, want the status selector", c.Focused())
	}
	h.statusSelect().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Focused() != h.measureList() {
		t.Errorf("Escape put the focus on %T, want the list", c.Focused())
	}
	// Ctrl+N opens the note editor on the measure shown; Escape cancels.
	h.ui.startNote()
	if c.Focused() != h.noteEditor() || h.ui.detail.editing != newNoteID {
		t.Fatalf("Ctrl+N: focus %T, editing %q", c.Focused(), h.ui.detail.editing)
	}
	h.noteEditor().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.ui.se.writing {
		t.Error("Escape did not cancel the note")
	}
	// The search field: Ctrl+F focuses it, Down goes to the list.
	h.ui.focusSearch()
	if c.Focused() != h.ui.search {
		t.Errorf("Ctrl+F: focus on %T", c.Focused())
	}
	h.ui.search.TypedKey(down)
	if c.Focused() != h.measureList() {
		t.Errorf("Down in the search: focus on %T", c.Focused())
	}
	// Every menu shortcut is also on the canvas.
	n := 0
	for _, m := range h.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				n++
			}
		}
	}
	if n < 8 {
		t.Errorf("only %d shortcuts in the menu", n)
	}
}

func TestAConflictShowsWhoAndIsResolvedBySettingAStatus(t *testing.T) {
	h := conflictWithinOwnDelegation(t)
	st := h.ui.se.state("1.5.4")
	if !st.Conflict {
		t.Fatal("no conflict derived")
	}
	i := h.ui.se.rowIndex("1.5.4")
	if r := h.renderRow(i); r.clash.Hidden {
		t.Error("the list row shows no conflict")
	}
	if got := labelCount(t, h.filterCheck("Status in conflict")); got != 1 {
		t.Errorf("conflict filter shows %d", got)
	}
	h.ui.se.Show("1.5.4")
	var texts []string
	var keep []*widgets.Button
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		switch w := o.(type) {
		case *widget.RichText:
			texts = append(texts, w.String())
		case *widgets.Button:
			if strings.HasPrefix(w.Text, "Keep ") {
				keep = append(keep, w)
			}
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Li Wei (Russia)", "Anna Petrova (Russia)", "Done: set by", "Blocked: set by"} {
		if !strings.Contains(all, want) {
			t.Errorf("detail does not say %q:\n%s", want, all)
		}
	}
	if len(keep) != 2 {
		t.Fatalf("%d Keep buttons, want 2", len(keep))
	}
	test.Tap(keep[1]) // Keep Done (the value not in force)
	st = h.ui.se.state("1.5.4")
	if st.Conflict || st.Status != data.StatusDone {
		t.Errorf("after Keep Done: conflict %v, status %s", st.Conflict, st.Status)
	}
	if h.renderRow(h.ui.se.rowIndex("1.5.4")).clash.Visible() {
		t.Error("the row still shows a conflict")
	}
}

func TestErrorsAreSaidInPlainWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "held.db")
	s, err := storage.Open(storage.Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = storage.Open(storage.Options{Path: path, Timeout: 100 * time.Millisecond})
	if !errors.Is(err, storage.ErrLocked) {
		t.Fatalf("second open: %v", err)
	}
	if msg := userMessage(err); !strings.Contains(msg, "Another scoplan window already has this data file open") {
		t.Errorf("locked: %q", msg)
	}
	if msg := userMessage(errors.New("disk full")); msg != "Disk full." {
		t.Errorf("plain error: %q", msg)
	}

	// A failed write is shown once, in a dialog, and changes nothing.
	h := newHarness(t)
	h.ui.se.store.Close()
	h.ui.setStatus("1.1.1", data.StatusDone)
	h.ui.setStatus("1.1.2", data.StatusDone)
	overlays := h.win.Canvas().Overlays().List()
	if len(overlays) != 1 {
		t.Fatalf("%d dialogs for two failed writes, want 1", len(overlays))
	}
	if !strings.Contains(test.RenderObjectToMarkup(overlays[0]), "The data file is closed.") {
		t.Errorf("dialog does not say why:\n%s", test.RenderObjectToMarkup(overlays[0]))
	}
}

// The window as it renders, as markup goldens under testdata/: the search
// for 海关 with its highlights, and the overview.
func TestWindowRendersToMarkup(t *testing.T) {
	h := newHarness(t)
	test.Type(h.ui.search, "海关")
	test.AssertRendersToMarkup(t, "search_haiguan.xml", h.win.Canvas())
	h.ui.onShowOverview()
	test.AssertRendersToMarkup(t, "overview.xml", h.win.Canvas())
}

func TestWindowRemembersSizeAndSplits(t *testing.T) {
	h := newHarness(t)
	h.win.Resize(fyne.NewSize(1100, 700))
	h.ui.splitLeft.SetOffset(0.31)
	h.ui.splitList.SetOffset(0.4)
	h.ui.splitNav.SetOffset(0.6)
	h.ui.onShowOverview()
	h.ui.saveGeometry()
	h.reopen()
	if s := h.win.Canvas().Size(); s.Width != 1100 || s.Height != 700 {
		t.Errorf("size after reopening %v, want 1100x700", s)
	}
	for name, got := range map[string][2]float64{
		"left": {h.ui.splitLeft.Offset, 0.31}, "list": {h.ui.splitList.Offset, 0.4}, "nav": {h.ui.splitNav.Offset, 0.6},
	} {
		if got[0] != got[1] {
			t.Errorf("split %s = %v, want %v", name, got[0], got[1])
		}
	}
	if !h.ui.overviewShowing() {
		t.Error("the overview was showing and is not after reopening")
	}
}

func TestSettingsSaveIdentityAndAppearance(t *testing.T) {
	h := newHarness(t)
	if h.ui.hint.Hidden {
		t.Fatal("no identity hint on a fresh data file without a delegation")
	}
	h.ui.showSettings()
	if h.ui.dialog == nil || h.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no settings dialog")
	}
	screen := h.ui.settings
	screen.name.SetText("Aigerim Nurlanovna")
	screen.delegation.SetText("Kazakhstan")
	screen.appearance.SetSelected("Dark")
	screen.dialog.Confirm()
	id := h.ui.se.store.Identity()
	if id.Name != "Aigerim Nurlanovna" || id.Delegation != "KZ" {
		t.Errorf("identity %+v", id)
	}
	if got := string(h.ui.se.store.Setting(settingTheme)); got != appearanceDark {
		t.Errorf("theme setting %q", got)
	}
	if !h.ui.hint.Hidden {
		t.Error("the identity hint is still shown")
	}
	// Cancel puts the appearance back.
	h.ui.showSettings()
	h.ui.settings.appearance.SetSelected("Light")
	h.ui.dialog.Hide()
	if got := string(h.ui.se.store.Setting(settingTheme)); got != appearanceDark {
		t.Errorf("theme after Cancel %q", got)
	}
	if _, ok := h.app.Settings().Theme().(*variantTheme); !ok {
		t.Errorf("theme after Cancel is %T, want the dark variant", h.app.Settings().Theme())
	}
	// A name's note carries it.
	if _, err := h.ui.se.store.AddNote("2.2.1", "x"); err != nil {
		t.Fatal(err)
	}
	if n := h.ui.se.store.Measure("2.2.1").Notes[0]; n.Name != "Aigerim Nurlanovna" || n.Delegation != "KZ" {
		t.Errorf("note by %q (%q)", n.Name, n.Delegation)
	}
}

func TestBodiesAndOverviewLinksLead(t *testing.T) {
	h := newHarness(t)
	h.ui.se.Show("1.2.8")
	var body *widget.Hyperlink
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		if b, ok := o.(*widget.Hyperlink); ok && strings.Contains(b.Text, "海关") || ok && strings.Contains(b.Text, "Customs") {
			body = b
		}
	}
	if body == nil {
		t.Fatal("no body link for the customs working group")
	}
	test.TapAt(body, fyne.NewPos(20, body.Size().Height/2)) // on the text
	customs := "上合组织海关合作专门工作组"
	if got := h.ui.se.query.Filter.Bodies; !reflect.DeepEqual(got, []string{customs}) {
		t.Fatalf("body filter %v", got)
	}
	if len(h.ui.se.rows) == 0 {
		t.Fatal("no rows for the body")
	}
	for _, r := range h.ui.se.rows {
		if !has(r.Measure.Bodies, customs) {
			t.Errorf("%s is not the customs group's", r.Measure.ID)
		}
	}
	if !h.ui.filters.bodies[customs].Checked {
		t.Error("the body's filter is not ticked")
	}

	// The overview's overdue list opens a measure's detail in one click,
	// even one the filters hide.
	h.ui.onShowOverview()
	var link *widget.Hyperlink
	for _, o := range test.LaidOutObjects(h.ui.overview.scroll.Content) {
		if l, ok := o.(*widget.Hyperlink); ok && link == nil {
			link = l
		}
	}
	if link == nil {
		t.Fatal("no link in the overview")
	}
	test.TapAt(link, fyne.NewPos(link.Size().Width/2, link.Size().Height/2))
	if h.ui.se.Shown() != "1.3.8" || !h.ui.measuresView.Visible() {
		t.Errorf("after the first overdue link: detail %q, measures visible %v", h.ui.se.Shown(), h.ui.measuresView.Visible())
	}
}

func TestAPanicWhileRedrawingBecomesADialog(t *testing.T) {
	h := newHarness(t)
	h.ui.safely(func() { panic("index out of range") })
	if h.win.Canvas().Overlays().Top() == nil {
		t.Error("no dialog after a panic")
	}
}

// BenchmarkKeystroke measures what one keystroke in the search field costs
// the window (search, facet counts, list, navigation, filters and detail
// redrawn) against the engine's own Run+Counts for the same text, measured
// in the same run. The metric window/engine is the ratio of the two.
func BenchmarkKeystroke(b *testing.B) {
	h := newHarness(b)
	queries := []string{"海", "海关", "海关合", "海关合作", "粮", "粮食", "粮食安全", "数", "数字", "数字经济", "本币", "绿色金融", "customs", "trade", ""}
	var engine, window time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := queries[i%len(queries)]
		t0 := time.Now()
		eq := search.Query{Text: q}
		h.ui.se.engine.Run(eq)
		h.ui.se.engine.Counts(eq)
		t1 := time.Now()
		h.ui.onSearch(q)
		window += time.Since(t1)
		engine += t1.Sub(t0)
	}
	b.ReportMetric(float64(window)/float64(engine), "window/engine")
	b.ReportMetric(float64(window.Microseconds())/float64(b.N), "µs-window/op")
}

func TestOwnNoteIsEditedAndDeleted(t *testing.T) {
	h := newHarness(t)
	if _, err := h.ui.se.store.AddNote("1.4.1", "first draft"); err != nil {
		t.Fatal(err)
	}
	h.ui.se.Reload()
	h.ui.se.Show("1.4.1")
	n := h.ui.se.state("1.4.1").Notes[0]
	h.tap("Edit")
	if h.win.Canvas().Focused() != h.noteEditor() || h.noteEditor().Text != "first draft" {
		t.Fatalf("editor: focus %T, text %q", h.win.Canvas().Focused(), h.noteEditor().Text)
	}
	h.noteEditor().SetText("agreed text")
	h.noteEditor().TypedShortcut(&desktopCtrlEnter)
	if got := h.ui.se.state("1.4.1").Notes; len(got) != 1 || got[0].Text != "agreed text" || got[0].Edited.IsZero() {
		t.Fatalf("after editing: %+v", got[0])
	}
	h.ui.confirmDeleteNote("1.4.1", n.ID)
	d, ok := h.ui.dialog.(*dialog.ConfirmDialog)
	if !ok {
		t.Fatalf("no confirmation, dialog %T", h.ui.dialog)
	}
	d.Confirm()
	if got := h.ui.se.state("1.4.1").Notes; len(got) != 0 {
		t.Errorf("notes after deleting: %d", len(got))
	}
	if h.ui.se.state("1.4.1").History[2].Kind != data.ChangeNoteDelete {
		t.Error("the deletion is not in the history")
	}
}

func TestNoResultSaysSoAndShowAllRestores(t *testing.T) {
	h := newHarness(t)
	test.Tap(h.filterCheck(statusLabel(data.StatusDone)))
	h.ui.setSection("2.2")
	test.Type(h.ui.search, "zqxj")
	if len(h.ui.se.rows) != 0 || h.ui.list.empty.Hidden {
		t.Fatalf("%d rows, empty state hidden %v", len(h.ui.se.rows), h.ui.list.empty.Hidden)
	}
	if h.ui.se.Shown() != "" || !h.ui.detail.placeholder.Visible() {
		t.Errorf("detail shows %q with no results", h.ui.se.Shown())
	}
	h.ui.showAll()
	if len(h.ui.se.rows) != 77 || !h.ui.list.empty.Hidden || h.ui.search.Text != "" {
		t.Errorf("after Show all: %d rows, search %q", len(h.ui.se.rows), h.ui.search.Text)
	}
	if h.filterCheck(statusLabel(data.StatusDone)).Checked {
		t.Error("the Done filter is still ticked")
	}
}

var desktopCtrlEnter = desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl}

// conflictWithinOwnDelegation opens a window whose user is Russian, on a
// data file where two other Russian delegates set 1.5.4 done and blocked
// without seeing each other's change: a conflict within the user's own
// delegation.
func conflictWithinOwnDelegation(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t)
	h.ui.se.store.SetIdentity("Dmitry Sokolov", "RU")
	h.ui.se.store.Close()
	t1 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	foreignChange(t, h.path, &data.Change{Kind: data.ChangeStatus, Measure: "1.5.4", Name: "Li Wei", Delegation: "Russia", Time: t1, Clock: 1, Status: data.StatusDone})
	foreignChange(t, h.path, &data.Change{Kind: data.ChangeStatus, Measure: "1.5.4", Name: "Anna Petrova", Delegation: "Russia", Time: t1.Add(time.Hour), Clock: 1, Status: data.StatusBlocked})
	h.open()
	return h
}
