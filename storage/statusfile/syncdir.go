package statusfile

import "os"

// syncDir makes a rename in dir durable. Windows cannot sync a folder (its
// renames are journalled by NTFS), so errors are ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}
