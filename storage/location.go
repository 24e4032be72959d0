package storage

import (
	"os"
	"path/filepath"
	"runtime"
)

// FileName is the data file's name in its folder, and the name that turns
// on portable mode when it stands beside the executable.
const FileName = "scoplan.db"

// Location says where the data file is and why.
type Location struct {
	Path string
	// How is "flag" (--db), "portable" (beside the executable) or "default"
	// (the OS's per-user application data folder).
	How string
	// App names the program and its version for the status files the
	// store exports (Options.App): the command line knows it and hands
	// the Location to the GUI.
	App string
}

// Locate decides which data file to use: the --db flag's path if given, else
// a scoplan.db beside the executable (portable mode, for a USB stick), else
// the per-user data folder of the OS.
func Locate(flagPath string) (Location, error) {
	if flagPath != "" {
		abs, err := filepath.Abs(flagPath)
		if err != nil {
			return Location{}, err
		}
		return Location{Path: abs, How: "flag"}, nil
	}
	if p := portablePath(); p != "" {
		return Location{Path: p, How: "portable"}, nil
	}
	dir, err := DataDir()
	if err != nil {
		return Location{}, err
	}
	return Location{Path: filepath.Join(dir, FileName), How: "default"}, nil
}

func portablePath() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	p := filepath.Join(filepath.Dir(exe), FileName)
	if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
		return p
	}
	return ""
}

// DataDir returns the per-user folder scoplan keeps its data file in:
// %AppData%\scoplan on Windows, ~/Library/Application Support/scoplan on
// macOS, $XDG_DATA_HOME/scoplan (default ~/.local/share/scoplan) elsewhere.
func DataDir() (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin":
		base, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(base, "scoplan"), nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, "scoplan"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "scoplan"), nil
}
