package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// A data file in a folder that Syncthing keeps in step is warned about in
// the Shared folder dialog, in plain words that say why (issue 16).
func TestSharedFolderWarnsOfASyncedDataFile(t *testing.T) {
	synced := t.TempDir()
	if err := os.Mkdir(filepath.Join(synced, ".stfolder"), 0o755); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, app: test.NewTempApp(t), path: filepath.Join(synced, "work", "scoplan.db")}
	h.open()
	h.ui.exch.onSharedFolder()
	got := overlayTexts(h.win)
	if !strings.Contains(got, "is in a folder that Syncthing keeps in step") || !strings.Contains(got, "share status files") {
		t.Errorf("the dialog does not warn:\n%s", got)
	}
}

// Choosing as the shared folder the folder that holds the data file is
// refused, with the reason, and nothing is started or remembered.
func TestSharedFolderThatHoldsTheDataFileIsRefused(t *testing.T) {
	h := newHarness(t)
	dir := filepath.Dir(h.path)
	err := h.ui.exch.useFolder(dir)
	if err == nil || !strings.Contains(err.Error(), "is inside the shared folder") {
		t.Fatalf("useFolder(the data file's folder) = %v", err)
	}
	if h.ui.exch.folder != nil || len(h.ui.se.store.Setting(settingSharedFolder)) != 0 {
		t.Error("the folder was started or remembered")
	}
	// A folder elsewhere is taken.
	other := t.TempDir()
	if err := h.ui.exch.useFolder(other); err != nil {
		t.Fatal(err)
	}
	defer h.ui.exch.stop()
	if h.ui.exch.folder == nil || string(h.ui.se.store.Setting(settingSharedFolder)) != other {
		t.Error("a good folder was not started and remembered")
	}
}
