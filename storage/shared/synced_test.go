package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// TestConflictCopyIsMergedAndToldOnce: a Syncthing conflict copy of a
// colleague's status file is a valid status file: merged, and named once,
// not at every pass (nor at the full pass that reads every file again).
func TestConflictCopyIsMergedAndToldOnce(t *testing.T) {
	dir := t.TempDir()
	anna, bolat := open(t, "Anna"), open(t, "Bolat")
	bolat.AddNote("1.1.1", "only in the conflict copy")
	name := "scoplan-" + bolat.Identity().Key + ".sync-conflict-20261204-101010-ABCDEFG.scoplan-status"
	if _, err := bolat.Export(filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
	f := folder(t, anna, dir)
	st := f.Sync()
	if st.Err != nil || len(st.Refused) > 0 {
		t.Fatalf("first pass: %+v", st)
	}
	if len(st.ConflictCopies) != 1 || st.ConflictCopies[0] != name {
		t.Errorf("first pass told conflict copies %v, want [%s]", st.ConflictCopies, name)
	}
	if got := notes(anna, "1.1.1"); len(got) != 1 || got[0] != "only in the conflict copy" {
		t.Errorf("Anna has %v", got)
	}
	f.polls = 0 // the next pass is a full one, reading every file again
	if st := f.Sync(); st.Eventful() || len(st.ConflictCopies) > 0 {
		t.Errorf("a full pass told the conflict copy again: %+v", st)
	}
}

// TestTemporaryFilesAreNotRead: what Syncthing, browsers and copies leave
// while they write is never read, so never refused as damaged.
func TestTemporaryFilesAreNotRead(t *testing.T) {
	dir := t.TempDir()
	anna := open(t, "Anna")
	for _, name := range []string{
		".syncthing.scoplan-0123456789abcdef.scoplan-status.tmp",
		"~syncthing~scoplan-0123456789abcdef.scoplan-status.tmp",
		".scoplan-0123456789abcdef.scoplan-status.~1a2b",
		"scoplan-0123456789abcdef.scoplan-status.part",
		"scoplan-0123456789abcdef.scoplan-status.partial",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("SCOPLAN-STATUS 1\n{half a file"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f := folder(t, anna, dir)
	st := f.Sync()
	if st.Err != nil || len(st.Refused) > 0 || st.Imported != nil {
		t.Errorf("temporary files were read: %+v", st)
	}
}

// TestRefusedFileIsToldOnce: a damaged file (a copy cut short) is refused
// and told once; passes after that leave it alone until it changes, and
// once it is whole it is merged.
func TestRefusedFileIsToldOnce(t *testing.T) {
	dir := t.TempDir()
	anna, bolat := open(t, "Anna"), open(t, "Bolat")
	bolat.AddNote("1.2.1", "Bolat's note")
	whole, _, err := bolat.ExportBytes()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName(bolat.Identity().Key))
	if err := os.WriteFile(path, whole[:len(whole)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	f := folder(t, anna, dir)
	if st := f.Sync(); len(st.Refused) != 1 {
		t.Fatalf("first pass refused %d files: %+v", len(st.Refused), st)
	}
	f.polls = 0
	if st := f.Sync(); len(st.Refused) != 0 || st.Eventful() {
		t.Errorf("the same damaged file was told again: %+v", st)
	}
	if err := os.WriteFile(path, whole, 0o644); err != nil {
		t.Fatal(err)
	}
	future := mustStat(t, path).ModTime().Add(2e9)
	os.Chtimes(path, future, future)
	if st := f.Sync(); len(st.Refused) != 0 || st.Imported == nil || st.Imported.Total.NothingNew() {
		t.Errorf("the whole file was not merged: %+v", st)
	}
	if got := notes(anna, "1.2.1"); len(got) != 1 {
		t.Errorf("Anna has %v", got)
	}
}

func mustStat(t *testing.T, p string) os.FileInfo {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// TestFolderThatVanishes: a USB stick pulled out is told once, not at every
// pass, and its return is told and followed by an export.
func TestFolderThatVanishes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "stick")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	anna := open(t, "Anna")
	f := folder(t, anna, dir)
	if st := f.Sync(); st.Err != nil || !st.Exported {
		t.Fatalf("first pass: %+v", st)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	st := f.Sync()
	if st.Err == nil || st.Repeated || !st.Eventful() {
		t.Fatalf("pass with the folder gone: %+v", st)
	}
	st = f.Sync()
	if st.Err == nil || !st.Repeated || st.Eventful() {
		t.Errorf("second pass with the folder gone: %+v", st)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	st = f.Sync()
	if st.Err != nil || !st.Back || !st.Exported || !st.Eventful() {
		t.Errorf("pass with the folder back: %+v", st)
	}
	if _, err := os.Stat(f.OwnFile()); err != nil {
		t.Errorf("own file not written again: %v", err)
	}
}

func TestCheckDataFile(t *testing.T) {
	t.Setenv("OneDrive", "")
	t.Setenv("OneDriveConsumer", "")
	t.Setenv("OneDriveCommercial", "")
	root := t.TempDir()
	mk := func(parts ...string) string {
		p := filepath.Join(append([]string{root}, parts...)...)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	touch := func(p string) {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plain := mk("plain")
	shared := mk("plain", "shared")
	st := mk("sync", "deep", "er")
	mk("sync", ".stfolder")
	db := mk("dropbox", "work")
	touch(filepath.Join(root, "dropbox", ".dropbox"))
	nc := mk("nextcloud", "a")
	touch(filepath.Join(root, "nextcloud", "._sync_0123abcd.db"))
	od := mk("OneDrive - Ministry", "scoplan")
	t.Setenv("OneDriveCommercial", filepath.Join(root, "OneDrive - Ministry"))

	for _, tc := range []struct {
		data, dir string
		shared    bool
		tool      SyncTool
	}{
		{filepath.Join(plain, "scoplan.db"), shared, false, ""},
		{filepath.Join(shared, "scoplan.db"), shared, true, ""},
		{filepath.Join(st, "scoplan.db"), "", false, Syncthing},
		{filepath.Join(db, "scoplan.db"), plain, false, Dropbox},
		{filepath.Join(nc, "scoplan.db"), "", false, Nextcloud},
		{filepath.Join(od, "scoplan.db"), "", false, OneDrive},
	} {
		p := CheckDataFile(tc.data, tc.dir)
		switch {
		case tc.shared:
			if p == nil || p.InShared == "" {
				t.Errorf("%s in %s: %v, want inside the shared folder", tc.data, tc.dir, p)
			}
		case tc.tool != "":
			if p == nil || p.Synced == nil || p.Synced.Tool != tc.tool {
				t.Errorf("%s: %v, want %s", tc.data, p, tc.tool)
			}
		default:
			if p != nil {
				t.Errorf("%s: %v, want no problem", tc.data, p)
			}
		}
		if p != nil && p.Error() == "" {
			t.Errorf("%s: empty message", tc.data)
		}
	}
}

func TestIsConflictCopy(t *testing.T) {
	for name, want := range map[string]bool{
		"scoplan-0123456789abcdef.sync-conflict-20261204-101010-ABCDEFG.scoplan-status": true,
		"scoplan-0123456789abcdef (Anna's conflicted copy 2026-12-04).scoplan-status":   true,
		"scoplan-0123456789abcdef (conflicted copy 2026-12-04 101010).scoplan-status":   true,
		"scoplan-0123456789abcdef.scoplan-status":                                       false,
		"anna.scoplan-status": false,
	} {
		if got := IsConflictCopy(name); got != want {
			t.Errorf("IsConflictCopy(%q) = %v", name, got)
		}
	}
}
