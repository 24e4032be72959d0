package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scoplan/data"
)

// Typing in any of the three languages filters the list; picking one
// stores its code, and the list and the window name it in the UI's
// language.
func TestSettingsDelegationPickList(t *testing.T) {
	h := newHarness(t)
	for _, typed := range []string{"Kazakh", "Казах", "哈萨克", "kz"} {
		h.ui.showSettings()
		p := h.ui.settings.picker
		test.Type(p.entry, typed)
		if len(p.matches) != 1 || p.matches[0].Code != "KZ" {
			var codes []string
			for _, d := range p.matches {
				codes = append(codes, d.Code)
			}
			t.Fatalf("typing %q lists %v, want only KZ", typed, codes)
		}
		if (typed == "Kazakh" || typed == "Казах") && p.value() != typed {
			t.Errorf("typing %q: value %q before picking", typed, p.value())
		}
		p.list.Select(0)
		if p.entry.Text != "Kazakhstan (KZ)" {
			t.Errorf("picking after %q shows %q", typed, p.entry.Text)
		}
		if p.note.Visible() {
			t.Errorf("a picked delegation has the unknown note %q", p.note.Text)
		}
		h.ui.settings.dialog.Confirm()
		if got := h.ui.se.store.Identity().Delegation; got != "KZ" {
			t.Errorf("after picking from %q the store has %q", typed, got)
		}
		if err := h.ui.se.store.SetIdentity("A", ""); err != nil {
			t.Fatal(err)
		}
	}
	// An empty entry lists every delegation; a code opens as its label.
	if err := h.ui.se.store.SetIdentity("A", "RU"); err != nil {
		t.Fatal(err)
	}
	h.ui.showSettings()
	p := h.ui.settings.picker
	if p.entry.Text != "Russia (RU)" || len(p.matches) != len(data.Delegations()) {
		t.Errorf("RU opens as %q with %d of %d delegations listed", p.entry.Text, len(p.matches), len(data.Delegations()))
	}
	if sel := p.matches; len(sel) == 0 {
		t.Fatal("nothing listed")
	}
	h.ui.settings.dialog.Hide()
}

// An older free-text delegation that names a known one opens as that
// delegation and saves as its code; one that names none is kept as it is,
// with a note saying so.
func TestSettingsOlderFreeTextDelegation(t *testing.T) {
	h := newHarness(t)
	if err := h.ui.se.store.SetIdentity("A", "Казахстан"); err != nil {
		t.Fatal(err)
	}
	h.ui.showSettings()
	p := h.ui.settings.picker
	if p.entry.Text != "Kazakhstan (KZ)" || p.note.Visible() {
		t.Errorf("Казахстан opens as %q (note shown %v)", p.entry.Text, p.note.Visible())
	}
	h.ui.settings.dialog.Confirm()
	if got := h.ui.se.store.Identity().Delegation; got != "KZ" {
		t.Errorf("Казахстан saved as %q", got)
	}

	if err := h.ui.se.store.SetIdentity("A", "Narnia Mission"); err != nil {
		t.Fatal(err)
	}
	h.ui.showSettings()
	p = h.ui.settings.picker
	if p.entry.Text != "Narnia Mission" || !p.note.Visible() || !strings.Contains(p.note.Text, "not a known delegation") {
		t.Errorf("Narnia Mission opens as %q, note %q (shown %v)", p.entry.Text, p.note.Text, p.note.Visible())
	}
	h.ui.settings.dialog.Confirm()
	if got := h.ui.se.store.Identity().Delegation; got != "Narnia Mission" {
		t.Errorf("Narnia Mission saved as %q", got)
	}
}

// In Russian the list names the delegations in Russian.
func TestSettingsDelegationPickListInRussian(t *testing.T) {
	h := newHarness(t)
	setLanguage("ru")
	t.Cleanup(func() { setLanguage("en") })
	h.ui.showSettings()
	p := h.ui.settings.picker
	test.Type(p.entry, "Kazakhstan")
	p.list.Select(0)
	if p.entry.Text != "Казахстан (KZ)" {
		t.Errorf("in Russian the pick shows %q", p.entry.Text)
	}
	h.ui.settings.dialog.Confirm()
	if got := h.ui.se.store.Identity().Delegation; got != "KZ" {
		t.Errorf("saved %q", got)
	}
}

// Return in the delegation picks the one delegation listed and saves;
// with several listed, what is typed is kept as it is.
func TestSettingsDelegationReturnPicksTheOnlyMatch(t *testing.T) {
	h := newHarness(t)
	h.ui.showSettings()
	p := h.ui.settings.picker
	test.Type(p.entry, "zakh")
	if !p.note.Visible() {
		t.Errorf("no note while \"zakh\" names no delegation, matches %d", len(p.matches))
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := h.ui.se.store.Identity().Delegation; got != "KZ" {
		t.Errorf("Return after \"zakh\" saved %q", got)
	}
	h.ui.showSettings()
	p = h.ui.settings.picker
	p.entry.SetText("")
	test.Type(p.entry, "stan")
	if len(p.matches) < 2 {
		t.Fatalf("\"stan\" lists %d delegations", len(p.matches))
	}
	p.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := h.ui.se.store.Identity().Delegation; got != "stan" {
		t.Errorf("Return after \"stan\" saved %q", got)
	}
}
