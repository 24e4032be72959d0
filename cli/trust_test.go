package cli

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scoplan/data"
	"scoplan/storage"
	"scoplan/storage/statusfile"
)

// annaExports makes Anna's data file with one note, "Anna's real note" on
// 1.1.1, and her export fa, in dir; c is where Carol's data file goes.
func annaExports(t *testing.T) (dir, a, c, fa string) {
	t.Helper()
	dir = t.TempDir()
	a, c = filepath.Join(dir, "anna.db"), filepath.Join(dir, "carol.db")
	must(t, "whoami", "--db", a, "--name", "Anna", "--delegation", "KZ")
	must(t, "note", "--db", a, "1.1.1", "Anna's real note")
	fa = filepath.Join(dir, "anna.scoplan-status")
	must(t, "export", "--db", a, "--out", fa)
	return dir, a, c, fa
}

// The import says by name which changes it refused and why, and imports the
// rest; "show --json" marks a relayed format 1 note "verified": false.
func TestImportSaysWhatItRefused(t *testing.T) {
	dir, _, c, fa := annaExports(t)

	// Mallory relays Anna's file with a note in Anna's name, signed by
	// Mallory's key, and a format 1 note by someone nobody knows.
	mallory, err := storage.Open(storage.Options{Path: filepath.Join(dir, "mallory.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer mallory.Close()
	if _, err := mallory.Import([]string{fa}, false); err != nil {
		t.Fatal(err)
	}
	var annaKey string
	var anna *data.Change
	for _, ch := range mallory.Changes() {
		annaKey, anna = ch.Author, ch
	}
	now := time.Now().UTC().Truncate(data.TimePrecision)
	forged := &data.Change{Kind: data.ChangeNoteAdd, Measure: "1.2.1", Author: annaKey, Name: "Anna", Time: now, Clock: 2,
		Seq: anna.Seq + 1, Prev: anna.ID, Text: "forged"}
	if err := statusfile.SignChange(forged, mallory.Sign); err != nil {
		t.Fatal(err)
	}
	relayed := &data.Change{ID: storage.NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "1.1.2", Author: "0123456789abcdef",
		Name: "Zed", Time: now, Clock: 1, Text: "from an old scoplan"}
	content, err := statusfile.Encode(statusfile.Header{Plan: data.PlanID, PlanVersion: mallory.Plan().Version(), Exported: now,
		Exporter: statusfile.Exporter{Name: "Mallory"}, Keys: map[string]string{annaKey: hex.EncodeToString(publicKeyOf(t, fa))}},
		mallory.PublicKey(), []*data.Change{anna, forged, relayed}, mallory.Sign)
	if err != nil {
		t.Fatal(err)
	}
	fm := filepath.Join(dir, "mallory.scoplan-status")
	os.WriteFile(fm, content, 0o600)

	out := must(t, "import", "--db", c, fm)
	if !strings.Contains(out, "refused: note-add on 1.2.1, said to be by Anna, key "+annaKey) || !strings.Contains(out, "signature") ||
		!strings.Contains(out, "1 change refused") || !strings.Contains(out, "2 new changes") {
		t.Errorf("import said %q", out)
	}
	var it ShowItem
	if err := json.Unmarshal([]byte(must(t, "show", "--json", "--db", c, "1.1.2")), &it); err != nil {
		t.Fatal(err)
	}
	if len(it.NoteList) != 1 || it.NoteList[0].Verified == nil || *it.NoteList[0].Verified {
		t.Errorf("relayed format 1 note: %+v", it.NoteList)
	}
	raw := must(t, "show", "--json", "--db", c, "1.1.1")
	if strings.Contains(raw, `"verified"`) {
		t.Errorf("a verified note is marked: %s", raw)
	}
	if text := must(t, "show", "--db", c, "1.1.2"); !strings.Contains(text, "unverified") {
		t.Errorf("show: %q", text)
	}
}

// publicKeyOf reads the exporter's public key from a status file.
func publicKeyOf(t *testing.T, path string) ed25519.PublicKey {
	t.Helper()
	f, err := statusfile.ReadFile(path, statusfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return f.PublicKey
}

// A format 1 line reusing the ID of Anna's note reaches Carol first; Anna's
// file then replaces it, and the import says so.
func TestImportSaysWhatItDisplaced(t *testing.T) {
	dir, _, c, fa := annaExports(t)
	f, err := statusfile.ReadFile(fa, statusfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	anna := f.Lines[0].Change

	mallory, err := storage.Open(storage.Options{Path: filepath.Join(dir, "mallory.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer mallory.Close()
	now := time.Now().UTC().Truncate(data.TimePrecision)
	squat := &data.Change{ID: anna.ID, Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: anna.Author, Name: "Anna", Time: now,
		Clock: 1, Text: "not what Anna wrote"}
	content, err := statusfile.EncodeFormat(1, statusfile.Header{Plan: data.PlanID, PlanVersion: mallory.Plan().Version(), Exported: now,
		Exporter: statusfile.Exporter{Name: "Mallory"}}, mallory.PublicKey(), []*data.Change{squat}, mallory.Sign)
	if err != nil {
		t.Fatal(err)
	}
	fm := filepath.Join(dir, "mallory.scoplan-status")
	os.WriteFile(fm, content, 0o600)

	must(t, "import", "--db", c, fm)
	out := must(t, "import", "--db", c, fa)
	if !strings.Contains(out, "note: 1 unsigned change that held the ID of a signed change of this file was replaced by it") ||
		!strings.Contains(out, "replaced on 1.1.1: the unverified note “not what Anna wrote”, said to be by Anna [key "+anna.Author+"]") ||
		strings.Contains(out, "refused") {
		t.Errorf("import said %q", out)
	}
	if text := must(t, "show", "--db", c, "1.1.1"); !strings.Contains(text, "Anna's real note") || strings.Contains(text, "not what Anna wrote") {
		t.Errorf("show: %q", text)
	}
}

// The summary of a file whose signed changes displaced squatters says how
// many, and how many changes that named them were removed.
func TestPrintImportSaysDisplacedAndDropped(t *testing.T) {
	var b strings.Builder
	f := storage.FileSummary{Name: "anna.scoplan-status", Summary: storage.Summary{NewChanges: 3, Displaced: 2, Dropped: 1}}
	printImport(&b, nil, &storage.ImportResult{Files: []storage.FileSummary{f}, Total: f.Summary})
	out := b.String()
	if !strings.Contains(out, "note: 2 unsigned changes that held the IDs of signed changes of this file were replaced by them") ||
		!strings.Contains(out, "note: 1 change of your data file that depended on a replaced unsigned change was removed: it was written about what that change said") {
		t.Errorf("import said %q", out)
	}
}

// One change exported is said in the singular.
func TestExportOfOneChange(t *testing.T) {
	dir, a, _, _ := annaExports(t)
	if out := must(t, "export", "--db", a, "--out", filepath.Join(dir, "again.scoplan-status")); !strings.Contains(out, "exported 1 change to ") {
		t.Errorf("export said %q", out)
	}
}
