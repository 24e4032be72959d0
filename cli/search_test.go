package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestListQueryFindsWhatIsMeant holds list --query to issue 13's table: at
// most the wanted measures plus two, the wanted ones first.
func TestListQueryFindsWhatIsMeant(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"customs", []string{"1.1.5", "1.2.2", "1.2.8"}},
		{"ESG", []string{"1.6.5", "2.2.1", "3.2.7"}},
		{"Astana", []string{"2.1.8"}},
		{"haiguan", []string{"1.1.5", "1.2.2", "1.2.8"}}, // what 海关 gives
		{"transport", []string{"1.2.3", "1.2.4", "1.2.7"}},
		{"ecoturism", []string{"1.6.2", "1.6.3"}},
	} {
		out, errs, code := runIn(t, "list", "--json", "--lang", "en", "--query", c.query, "--db", db)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.query, code, errs)
		}
		got := listIDs(t, out)
		if len(got) > len(c.want)+2 {
			t.Errorf("%s: %d measures %v, want at most %d", c.query, len(got), got, len(c.want)+2)
		}
		first := slices.Clone(got[:min(len(got), len(c.want))])
		slices.Sort(first)
		if !slices.Equal(first, c.want) {
			t.Errorf("%s: first %v, want %v", c.query, got, c.want)
		}
	}
	// haiguan gives exactly what 海关 gives.
	out, _, _ := runIn(t, "list", "--json", "--query", "海关", "--db", db)
	han := listIDs(t, out)
	out, _, _ = runIn(t, "list", "--json", "--query", "haiguan", "--db", db)
	if py := listIDs(t, out); !slices.Equal(slices.Sorted(slices.Values(py)), slices.Sorted(slices.Values(han))) {
		t.Errorf("haiguan %v, 海关 %v", py, han)
	}
}

// TestListMarksSimilar: when no measure matches, the list says so and
// marks the similar measures it lists.
func TestListMarksSimilar(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	out, _, code := runIn(t, "list", "--query", "trnsprt crrdr", "--db", db)
	if code != 0 || !strings.Contains(out, "no measure matches; ") {
		t.Errorf("exit %d, table:\n%s", code, out)
	}
	out, _, _ = runIn(t, "list", "--json", "--query", "trnsprt crrdr", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, l := range lines {
		var it ListItem
		if err := json.Unmarshal([]byte(l), &it); err != nil || !it.Similar {
			t.Errorf("not marked similar: %s (%v)", l, err)
		}
	}
	out, _, _ = runIn(t, "list", "--json", "--query", "transport", "--db", db)
	if strings.Contains(out, `"similar"`) {
		t.Errorf("matches marked similar:\n%s", out)
	}
}

// The count under the list is in the singular for one measure.
func TestListCountsOneMeasure(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	out := must(t, "list", "--db", db, "--query", "Astana", "--lang", "en")
	if !strings.Contains(out, "\n1 measure\n") {
		t.Errorf("list said %q", out)
	}
	if out := must(t, "list", "--db", db, "--query", "customs", "--lang", "en"); !strings.Contains(out, "\n3 measures\n") {
		t.Errorf("list said %q", out)
	}
}
