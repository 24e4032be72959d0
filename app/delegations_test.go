package app

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/widgets"
)

// severalDelegations opens a window whose user is Kazakh, on a data file
// where the user set 1.1.1 done, a Russian delegate set it blocked and two
// Chinese delegates set it in progress and done without seeing each
// other's change: China's status is in conflict, the user's is not.
func severalDelegations(t testing.TB) *harness {
	t.Helper()
	h := newHarness(t)
	if err := h.ui.se.store.SetIdentity("Aigerim Nurlanovna", "KZ"); err != nil {
		t.Fatal(err)
	}
	if _, err := h.ui.se.store.SetStatus("1.1.1", data.StatusDone); err != nil {
		t.Fatal(err)
	}
	h.ui.se.store.Close()
	t1 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	foreignChange(t, h.path, &data.Change{Kind: data.ChangeStatus, Measure: "1.1.1", Name: "Anna Petrova", Delegation: "RU", Time: t1, Clock: 1, Status: data.StatusBlocked})
	foreignChange(t, h.path, &data.Change{Kind: data.ChangeStatus, Measure: "1.1.1", Name: "Li Wei", Delegation: "CN", Time: t1, Clock: 1, Status: data.StatusInProgress})
	foreignChange(t, h.path, &data.Change{Kind: data.ChangeStatus, Measure: "1.1.1", Name: "Wang Fang", Delegation: "China", Time: t1.Add(time.Hour), Clock: 1, Status: data.StatusDone})
	foreignChange(t, h.path, &data.Change{Kind: data.ChangeStatus, Measure: "1.1.2", Name: "Old Friend", Delegation: "Narnia Mission", Time: t1, Clock: 1, Status: data.StatusInProgress})
	h.open()
	return h
}

// detailSequence returns the detail's labels and chips, chips as "[text]".
func (h *harness) detailSequence() string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		switch w := o.(type) {
		case *widgets.Chip:
			b.WriteString("[" + w.Text + "] ")
		case *widget.Label:
			b.WriteString(w.Text + " | ")
		case *widget.RichText:
			b.WriteString(w.String() + " | ")
		}
	}
	return b.String()
}

// anyKey is a key's fingerprint as the window shows it.
var anyKey = regexp.MustCompile(`key:[0-9a-f]{16}`)

// delegationLines returns the lines of the detail's list of delegations'
// statuses, each as "[chip] name | caption [marks]", a fingerprint as
// "key:K".
func (h *harness) delegationLines() []string {
	var box *fyne.Container
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) > 1 {
			if l, ok := c.Objects[0].(*widget.Label); ok && l.Text == "Status by delegation" {
				box = c
			}
		}
	}
	if box == nil {
		return nil
	}
	var out []string
	for _, line := range box.Objects[1:] {
		var chip, name, by, marks string
		for _, o := range test.LaidOutObjects(line) {
			switch w := o.(type) {
			case *widgets.Chip:
				if chip == "" {
					chip = "[" + w.Text + "]"
				} else {
					marks += " [" + w.Text + "]"
				}
			case *widget.RichText:
				if len(w.Segments) >= 2 {
					name = w.Segments[0].Textual()
					for _, s := range w.Segments[1:] {
						by += s.Textual()
					}
					by = anyKey.ReplaceAllString(strings.TrimSpace(strings.ReplaceAll(by, "\u200b", "")), "key:K")
				}
			}
		}
		out = append(out, chip+" "+name+" | "+by+marks)
	}
	return out
}

// The detail lists each delegation's status with who and when, the user's
// own first, then the others in pick-list order; China's disagreement is
// marked on China's line, and the conflict card, which sets a status, is
// not shown: the user's own delegation is not in conflict.
func TestDetailShowsEveryDelegationsStatus(t *testing.T) {
	h := severalDelegations(t)
	h.ui.se.Show("1.1.1")
	lines := h.delegationLines()
	want := []string{
		"[Done] Kazakhstan (yours) | Set by Aigerim Nurlanovna key:K on ",
		"[Done] China | Set by Wang Fang key:K on 2026-11-20 11:00 [Conflict]",
		"[Blocked] Russia | Set by Anna Petrova key:K on 2026-11-20 10:00",
	}
	if len(lines) != len(want) {
		t.Fatalf("delegation lines %q, want %d", lines, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) || (i != 1 && strings.Contains(lines[i], "Conflict")) {
			t.Errorf("line %d is %q, want %q", i, lines[i], w)
		}
	}
	seq := h.detailSequence()
	if strings.Contains(seq, "Status conflict") || strings.Contains(seq, "Keep ") {
		t.Errorf("the conflict card is shown for another delegation's conflict: %s", seq)
	}
	// The one status control sets the own delegation's status.
	h.statusSelect().SetSelected(statusLabel(data.StatusInProgress))
	st := h.ui.se.state("1.1.1")
	if st.StatusOf("KZ").Status != data.StatusInProgress || st.StatusOf("RU").Status != data.StatusBlocked || st.StatusOf("CN").Status != data.StatusDone {
		t.Errorf("after setting in progress: KZ %s, RU %s, CN %s", st.StatusOf("KZ").Status, st.StatusOf("RU").Status, st.StatusOf("CN").Status)
	}
}

// An older free-text delegation that names none is listed under its text,
// and the user's own line says when their delegation set nothing.
func TestDetailListsUnknownDelegationAndOwnWithoutStatus(t *testing.T) {
	h := severalDelegations(t)
	h.ui.se.Show("1.1.2")
	lines := h.delegationLines()
	want := []string{"[Not started] Kazakhstan (yours) | Your delegation has not set a status.", "[In progress] Narnia Mission | Set by Old Friend key:K on 2026-11-20 10:00"}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("delegation lines %q, want %q", lines, want)
	}
	// A measure only the own delegation reported on has no such list.
	h.ui.se.Show("1.2.1")
	if _, err := h.ui.se.store.SetStatus("1.2.1", data.StatusDone); err != nil {
		t.Fatal(err)
	}
	h.ui.detail.refresh()
	if lines := h.delegationLines(); lines != nil {
		t.Errorf("a measure reported by the own delegation alone lists delegations: %q", lines)
	}
}

// The conflict card is for the own delegation's conflict, in Russian too.
func TestDetailConflictCardIsTheOwnDelegations(t *testing.T) {
	h := conflictWithinOwnDelegation(t)
	h.ui.se.Show("1.5.4")
	seq := h.detailSequence()
	if !strings.Contains(seq, "People of your delegation set different statuses") || !strings.Contains(seq, "Keep ") {
		t.Errorf("no conflict card for the own delegation: %s", seq)
	}
}

// stripOf returns what a row's strip shows: "KZ:done CN:done! RU:blocked",
// "!" marking a conflict.
func stripOf(r *rowView) string {
	if !r.strip.Visible() {
		return "(hidden)"
	}
	var parts []string
	for _, c := range r.strip.cells {
		p := c.code + ":" + string(c.status)
		if c.conflict {
			p += "!"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

// The list row keeps the own status chip and draws a strip of every
// reporting delegation's status, own first; a row only the own delegation
// reported on has none.
func TestRowStripShowsEveryDelegationsStatus(t *testing.T) {
	h := severalDelegations(t)
	want := map[string]string{
		"1.1.1": "KZ:done CN:done! RU:blocked",
		"1.1.2": "Narnia Mission:in-progress",
		"1.1.3": "(hidden)",
	}
	for i, r := range h.ui.se.rows {
		w, ok := want[r.Measure.ID]
		if !ok {
			continue
		}
		row := h.renderRow(i)
		if got := stripOf(row); got != w {
			t.Errorf("%s: strip %q, want %q", r.Measure.ID, got, w)
		}
		if r.Measure.ID == "1.1.1" && row.chip.Text != "Done" {
			t.Errorf("1.1.1's own chip says %q", row.chip.Text)
		}
		if r.Measure.ID == "1.1.1" && row.strip.MinSize().Width <= 0 {
			t.Error("1.1.1's strip has no width")
		}
	}
	// The strip's labels name the cells.
	if got := stripLabel("Narnia Mission"); got != "Nar" {
		t.Errorf("a free text's cell says %q", got)
	}
}

// Drawing a row again with the same state allocates nothing in the strip
// and does not redraw it.
func TestRowStripRedrawsNothingUnchanged(t *testing.T) {
	h := severalDelegations(t)
	st := h.ui.se.state("1.1.1")
	s := newStatusStrip()
	s.set(st, "KZ")
	if allocs := testing.AllocsPerRun(100, func() { s.set(st, "KZ") }); allocs != 0 {
		t.Errorf("setting the same state allocates %v times", allocs)
	}
	if s.set(st, "KZ") {
		t.Error("the same state resizes the strip")
	}
	if !s.set(h.ui.se.state("1.1.2"), "KZ") {
		t.Error("other delegations do not resize the strip")
	}
}

// BenchmarkRowUpdate measures drawing a list row again, as a keystroke
// does for each visible row: 1.1.1 has three delegations in its strip,
// 1.1.4 none.
func BenchmarkRowUpdate(b *testing.B) {
	h := severalDelegations(b)
	for _, id := range []string{"1.1.1", "1.1.4"} {
		i := h.ui.se.rowIndex(id)
		r := h.renderRow(i)
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				h.ui.list.updateRow(i, r)
			}
		})
	}
}
