package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWhoamiDelegation: a delegation is picked by any of its names, in any
// of the three languages, and stored as its code; an unknown one exits 2,
// names the closest choices and writes nothing, not even a new data file.
func TestWhoamiDelegation(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	for _, name := range []string{"Казахстан", "哈萨克斯坦", "kazakhstan", "Republic of Kazakhstan", "KZ"} {
		out := must(t, "whoami", "--db", db, "--delegation", name, "--json")
		var who struct{ Delegation, DelegationName string }
		var raw map[string]any
		if err := json.Unmarshal([]byte(out), &raw); err != nil {
			t.Fatal(err)
		}
		who.Delegation, _ = raw["delegation"].(string)
		who.DelegationName, _ = raw["delegation_name"].(string)
		if who.Delegation != "KZ" || who.DelegationName != "Kazakhstan" {
			t.Errorf("--delegation %s gave %s", name, out)
		}
	}
	fresh := filepath.Join(dir, "fresh.db")
	for _, args := range [][]string{
		{"--delegation", "Narnia"},
		{"--name", strings.Repeat("x", 201)},
		{"--name", "bad \xff text"},
	} {
		_, errs, code := runIn(t, append([]string{"whoami", "--db", fresh}, args...)...)
		if code != ExitUsage {
			t.Errorf("whoami %v: exit %d, want %d", args, code, ExitUsage)
		}
		if strings.Count(strings.TrimSpace(errs), "\n") != 0 || errs == "" {
			t.Errorf("whoami %v: want one line on stderr, got %q", args, errs)
		}
		if _, err := os.Stat(fresh); !os.IsNotExist(err) {
			t.Fatalf("whoami %v created the data file", args)
		}
	}
	_, errs, _ := runIn(t, "whoami", "--db", fresh, "--delegation", "Kazakstn")
	if !strings.Contains(errs, "Kazakhstan (KZ)") {
		t.Errorf("the closest choices for Kazakstn leave out Kazakhstan: %q", errs)
	}
}
