package report

import (
	"strings"
	"testing"
	"time"

	"scoplan/data"
)

func TestChangesSection(t *testing.T) {
	plan := data.Load()
	at := func(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }
	log := []*data.Change{
		{ID: id(1), Kind: data.ChangeStatus, Measure: "1.1.1", Author: "aaaaaaaaaaaaaaaa", Name: "Anna", Delegation: "RU", Time: at(1), Clock: 1, Status: data.StatusInProgress},
		{ID: id(2), Kind: data.ChangeStatus, Measure: "1.1.1", Author: "aaaaaaaaaaaaaaaa", Name: "Anna", Delegation: "RU", Time: at(30), Clock: 2, Status: data.StatusDone, Parents: []string{id(1)}},
		{ID: id(3), Kind: data.ChangeNoteAdd, Measure: "2.1.1", Author: "cccccccccccccccc", Name: "Aigerim", Delegation: "KZ", Time: at(31), Clock: 1, Text: "<script>x</script> agreed"},
		{ID: id(4), Kind: data.ChangeStatus, Measure: "1.2.1", Author: "cccccccccccccccc", Name: "Aigerim", Delegation: "KZ", Time: at(32), Clock: 2, Status: data.StatusBlocked},
		{ID: id(5), Kind: data.ChangeStatus, Measure: "3.1.1", Author: "cccccccccccccccc", Name: "Aigerim", Delegation: "KZ", Time: at(33), Clock: 3, Status: data.StatusBlocked},
		{ID: id(6), Kind: data.ChangeMeeting, Author: "cccccccccccccccc", Name: "Aigerim", Delegation: "KZ", Time: at(34), Clock: 4, Text: "Tashkent", Date: "2026-11-02"},
	}
	entries := data.ChangeList(log, data.ChangeFilter{After: data.EndOfDay(data.Date{Year: 2026, Month: 11, Day: 2})})
	var items []Item
	for _, m := range plan.Measures {
		if m.Chapter().Num != 3 { // the report leaves out chapter 3
			items = append(items, Item{Measure: m, State: &data.MeasureState{}})
		}
	}
	for _, lang := range []data.Lang{data.English, data.Chinese} {
		r := Build(items, Options{Texts: data.In(lang), Label: Labels(lang), Today: today, Generated: t0,
			Since: &Since{From: "2026-11-02 (Tashkent)", AsOf: "2026-11-23", Changes: entries}})
		if r.Changes == nil || r.Changes.Count != 3 || len(r.Changes.Chapters) != 2 {
			t.Fatalf("%s: %+v", lang, r.Changes)
		}
		ch1 := r.Changes.Chapters[0]
		if len(ch1.Delegations) != 2 || ch1.Delegations[0].Name != data.DelegationLabel("KZ", string(lang)) || ch1.Delegations[1].Rows[0].Previous != data.StatusInProgress {
			t.Errorf("%s: chapter 1: %+v", lang, ch1)
		}
		b, err := r.HTML()
		if err != nil {
			t.Fatal(err)
		}
		html := string(b)
		l := Labels(lang)
		for _, want := range []string{l("What changed"), "2026-11-02 (Tashkent)", l("As of") + ": 2026-11-23",
			l("In progress") + " → ", "&lt;script&gt;x&lt;/script&gt; agreed", "@page { size: A4", l("Note added")} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: the HTML lacks %q", lang, want)
			}
		}
		if strings.Contains(html, "<script>") || strings.Contains(html, ">3.1.1<") || strings.Contains(html, ">Tashkent<") {
			t.Errorf("%s: the HTML holds what it must not", lang)
		}
	}
	r := Build(items, Options{Since: &Since{From: "2030-01-01", AsOf: "2030-01-02"}})
	if b, _ := r.HTML(); !strings.Contains(string(b), "No changes") {
		t.Error("an empty window does not say so")
	}
}
