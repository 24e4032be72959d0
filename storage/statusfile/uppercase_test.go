package statusfile

import (
	"errors"
	"strings"
	"testing"

	"scoplan/data"
)

// Upper-case IDs were accepted although docs/FORMAT.md says lower-case hex
// (issue 15): "ABC…" and "abc…" are one ID to a person and two to a map. A
// correctly signed file holding one, in any ID field, is refused.
func TestUpperCaseIDsAreRefused(t *testing.T) {
	withLetters := func() []*data.Change {
		cs := sample()
		cs[0].ID = "abcdef" + cs[0].ID[6:]
		cs[3].Parents = []string{cs[0].ID}
		cs[1].ID = "fedcba" + cs[1].ID[6:]
		cs[2].Note = cs[1].ID
		return cs
	}
	if _, err := Parse("lower.scoplan-status", encode(t, header(), withLetters()), Options{Now: now}); err != nil {
		t.Fatalf("the lower-case file: %v", err)
	}
	for field, upper := range map[string]func(cs []*data.Change){
		"id":     func(cs []*data.Change) { cs[0].ID = strings.ToUpper(cs[0].ID); cs[3].Parents = []string{cs[0].ID} },
		"author": func(cs []*data.Change) { cs[1].Author = strings.ToUpper(cs[1].Author) },
		"parent": func(cs []*data.Change) { cs[3].Parents = []string{strings.ToUpper(cs[0].ID)} },
		"note":   func(cs []*data.Change) { cs[2].Note = strings.ToUpper(cs[1].ID) },
	} {
		cs := withLetters()
		upper(cs)
		_, err := Parse("upper.scoplan-status", encode(t, header(), cs), Options{Now: now})
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "not in lower case") {
			t.Errorf("%s in upper case: %v", field, err)
		}
	}
}
