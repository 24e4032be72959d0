package shared

import (
	"os"
	"path/filepath"
	"strings"
)

// A bbolt data file must never be kept in step by a sync tool: the tool
// copies it while scoplan writes it, and each computer then holds a torn or
// stale copy (syncthing #4242, boltdb #690). What delegates share is their
// status files; each keeps its data file on its own computer.

// SyncTool names a tool that keeps a folder in step between computers.
type SyncTool string

// The tools whose folders scoplan recognises by the marks they leave.
const (
	Syncthing SyncTool = "Syncthing"
	Dropbox   SyncTool = "Dropbox"
	Nextcloud SyncTool = "Nextcloud"
	OwnCloud  SyncTool = "ownCloud"
	OneDrive  SyncTool = "OneDrive"
	GoogleDrv SyncTool = "Google Drive"
	ICloud    SyncTool = "iCloud Drive"
)

// marker is a file or folder that a tool leaves at the root of the folders
// it keeps in step.
type marker struct {
	tool  SyncTool
	match func(name string) bool
}

var markers = []marker{
	{Syncthing, func(n string) bool { return n == ".stfolder" }},
	{Dropbox, func(n string) bool { return n == ".dropbox" || n == ".dropbox.cache" }},
	{Nextcloud, func(n string) bool {
		return n == ".nextcloudsync.log" || (strings.HasPrefix(n, "._sync_") || strings.HasPrefix(n, ".sync_")) && strings.HasSuffix(n, ".db")
	}},
	{OwnCloud, func(n string) bool { return n == ".owncloudsync.log" }},
	{GoogleDrv, func(n string) bool { return n == ".tmp.drivedownload" || n == ".tmp.driveupload" }},
}

// SyncedRoot is a folder that a sync tool keeps in step.
type SyncedRoot struct {
	Tool SyncTool
	Root string // the folder the tool keeps in step
}

// FindSyncedRoot looks at path's folder and each folder above it for the
// marks of a sync tool, and at the places OneDrive and iCloud Drive keep.
// It reports the innermost such folder.
func FindSyncedRoot(path string) (SyncedRoot, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return SyncedRoot{}, false
	}
	dir := abs
	if info, err := os.Stat(abs); err != nil || !info.IsDir() {
		dir = filepath.Dir(abs)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if entries, err := os.ReadDir(d); err == nil {
			for _, e := range entries {
				for _, m := range markers {
					if m.match(e.Name()) {
						return SyncedRoot{m.tool, d}, true
					}
				}
			}
		}
		if p := filepath.Dir(d); p == d {
			break
		}
	}
	// OneDrive leaves no mark in the folder; Windows names its folders in
	// these variables.
	for _, v := range []string{"OneDrive", "OneDriveConsumer", "OneDriveCommercial"} {
		if root := os.Getenv(v); root != "" && within(abs, root) {
			return SyncedRoot{OneDrive, root}, true
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		icloud := filepath.Join(home, "Library", "Mobile Documents")
		if within(abs, icloud) {
			return SyncedRoot{ICloud, icloud}, true
		}
	}
	return SyncedRoot{}, false
}

// within reports whether path is root or below it.
func within(path, root string) bool {
	rel, err := filepath.Rel(filepath.Clean(root), path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// DataFileProblem says why a data file should not be where it is.
type DataFileProblem struct {
	DataFile string
	// InShared is set when the data file is inside the shared folder
	// itself.
	InShared string
	// Synced is set when a sync tool keeps the data file's folder in step.
	Synced *SyncedRoot
}

func (p *DataFileProblem) Error() string {
	if p.InShared != "" {
		return "the data file " + p.DataFile + " is inside the shared folder " + p.InShared +
			": other computers would receive copies of it torn mid-write; keep the data file outside the folder and share only status files"
	}
	return "the data file " + p.DataFile + " is in a folder that " + string(p.Synced.Tool) + " keeps in step (" + p.Synced.Root +
		"): the copies on other computers can be torn mid-write and lose work; keep the data file outside it and share status files instead"
}

// CheckDataFile tells whether the data file is somewhere a sync tool would
// copy it: inside the shared folder dir (if dir is not empty), or inside a
// folder a sync tool keeps in step. It returns nil when the place is safe.
func CheckDataFile(dataFile, dir string) *DataFileProblem {
	abs, err := filepath.Abs(dataFile)
	if err != nil {
		return nil
	}
	if dir != "" {
		if d, err := filepath.Abs(dir); err == nil && within(abs, d) {
			return &DataFileProblem{DataFile: abs, InShared: d}
		}
	}
	if r, ok := FindSyncedRoot(abs); ok {
		return &DataFileProblem{DataFile: abs, Synced: &r}
	}
	return nil
}

// IsConflictCopy reports whether a status file's name is a copy a sync tool
// made when two computers changed the file at once (Syncthing's
// "NAME.sync-conflict-DATE-TIME-DEVICE.EXT", Dropbox's "NAME (… conflicted
// copy …).EXT", Nextcloud's "NAME (conflicted copy DATE).EXT"). Such a copy is
// a valid status file and is merged like the others.
func IsConflictCopy(name string) bool {
	l := strings.ToLower(name)
	return strings.Contains(l, ".sync-conflict-") || strings.Contains(l, "conflicted copy") || strings.Contains(l, "conflict copy")
}

// isTemporary reports whether a name is a file a sync tool or a copy is
// still writing: never read, it is not a status file yet.
func isTemporary(name string) bool {
	l := strings.ToLower(name)
	switch {
	case strings.HasPrefix(l, "."): // .syncthing.NAME.tmp, .~lock, Nextcloud's .NAME.~XXXX
		return true
	case strings.HasPrefix(l, "~syncthing~"): // Syncthing on Windows
		return true
	case strings.HasSuffix(l, ".tmp"), strings.HasSuffix(l, ".part"), strings.HasSuffix(l, ".partial"),
		strings.HasSuffix(l, ".crdownload"), strings.HasSuffix(l, ".download"):
		return true
	}
	return false
}
