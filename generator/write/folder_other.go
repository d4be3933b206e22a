//go:build !linux

package write

// folderID cannot identify a folder on this system: every write is a
// full one.
func folderID(dir string) (string, bool) { return "", false }
