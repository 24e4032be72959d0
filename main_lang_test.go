package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// The real binary: pinyin finds 粮食 first, and --lang gives the texts in
// English with the Chinese source beside them.
func TestPinyinQueryPutsLiangshiFirst(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	r := run(t, "list", "--query", "liangshi", "--json", "--db", db)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	items := decodeLines(t, r.stdout)
	texts, _ := sourceMeasures(t)
	about := 0
	for _, s := range texts {
		if strings.Contains(s, "粮食") {
			about++
		}
	}
	if about != 4 || len(items) < about {
		t.Fatalf("%d measures say 粮食, %d listed", about, len(items))
	}
	for i, it := range items[:about] {
		if !strings.Contains(it.Text, "粮食") {
			t.Errorf("result %d (%s) does not say 粮食: %s", i+1, it.ID, it.Text)
		}
	}
}

func TestListLangEnglish(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	r := run(t, "list", "--json", "--lang", "en", "--query", "粮食安全", "--db", db)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var it struct {
		ID, Text, Section, Lang string
		SourceText              string `json:"source_text"`
		Bodies                  []string
	}
	if err := json.Unmarshal([]byte(strings.SplitN(r.stdout, "\n", 2)[0]), &it); err != nil {
		t.Fatal(err)
	}
	if it.ID != "1.3.1" || it.Lang != "en" || it.Section != "Ensuring food security" ||
		!strings.Contains(it.Text, "International Food Security") || !strings.Contains(it.SourceText, "维护国际粮食安全") ||
		it.Bodies[len(it.Bodies)-1] != "SCO Secretariat" {
		t.Errorf("first hit: %+v", it)
	}
}
