//go:build linux

package write

import (
	"fmt"
	"os"
	"syscall"
)

// folderID identifies the folder dir: its device and inode, which stay
// the same while files inside it change, and the time its own entries
// last changed, since a folder deleted and made again may get the same
// inode.
func folderID(dir string) (string, bool) {
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return "", false
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%d:%d:%d.%d", st.Dev, st.Ino, st.Ctim.Sec, st.Ctim.Nsec), true
}
