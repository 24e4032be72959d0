package report

import (
	"strings"
	"testing"
	"time"

	"scoplan/data"
)

// A note and a status under Mallory's key with Anna's name: every format
// gives Mallory's fingerprint beside that name, and Anna's beside hers.
func TestReportsGiveKeyBesideNames(t *testing.T) {
	const anna, mallory = "a1a1a1a1a1a1a1a1", "ee11ee11ee11ee11"
	log := []*data.Change{
		{ID: id(1), Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: anna, Name: "Anna Petrova", Delegation: "RU", Time: t0, Clock: 1, Text: "Anna's note"},
		{ID: id(2), Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: mallory, Name: "Anna Petrova", Delegation: "RU", Time: t0.Add(time.Hour), Clock: 2, Text: "Mallory's note"},
		{ID: id(3), Kind: data.ChangeStatus, Measure: "1.1.1", Author: mallory, Name: "Anna Petrova", Delegation: "RU", Time: t0.Add(2 * time.Hour), Clock: 3, Status: data.StatusBlocked},
	}
	for _, c := range log {
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
	}
	plan := data.Load()
	items := []Item{{Measure: plan.Measure("1.1.1"), State: data.DeriveFor(log, "RU")}}
	entries := data.ChangeList(log, data.ChangeFilter{})
	r := Build(items, Options{Texts: data.In(data.English), Today: today, Generated: t0,
		Since: &Since{From: "2026-01-01", AsOf: "2026-12-01", Changes: entries}})

	b, err := r.HTML()
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, want := range []string{
		// the notes, oldest first
		`Anna Petrova (Russia) <span class="key">[key ` + anna + `]</span>, `,
		`Anna Petrova (Russia) <span class="key">[key ` + mallory + `]</span>, `,
		// who set the status
		`Anna Petrova (Russia) [key ` + mallory + `], `,
		// the changes section
		`<td>Anna Petrova <span class="key">[key ` + mallory + `]</span></td>`,
		`<td>Anna Petrova <span class="key">[key ` + anna + `]</span></td>`,
		`.key { color: #777; font-family: ui-monospace`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML lacks %s", want)
		}
	}
	annaAt := strings.Index(html, "[key "+anna+"]</span>, ")
	malloryAt := strings.Index(html, "[key "+mallory+"]</span>, ")
	if annaAt < 0 || malloryAt < 0 || !strings.Contains(html[annaAt:], "Anna&#39;s note") || !strings.Contains(html[malloryAt:], "Mallory&#39;s note") {
		t.Errorf("the fingerprints do not go with their notes")
	}

	csv, err := r.Encode(CSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Anna Petrova (Russia) [key " + anna + "], ", "Anna Petrova (Russia) [key " + mallory + "], "} {
		if !strings.Contains(string(csv), want) {
			t.Errorf("the CSV lacks %q", want)
		}
	}
	pdf, err := r.Encode(PDF)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := pdfText(t, pdf)
	for _, want := range []string{"AnnaPetrova(Russia)[key" + anna + "],", "AnnaPetrova(Russia)[key" + mallory + "],", "[key" + mallory + "]"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	// In Russian, the word is Russian.
	ru := Build(items, Options{Texts: data.In(data.Russian), Label: Labels(data.Russian), Today: today, Generated: t0})
	if !strings.Contains(ru.Rows[0].SetBy, "[ключ "+mallory+"]") {
		t.Errorf("Russian set by: %q", ru.Rows[0].SetBy)
	}
}
