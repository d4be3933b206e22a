//go:build linux

package cache

import (
	"io/fs"
	"syscall"
)

// sysStat returns a file's inode and time of last status change, which
// change when a file is replaced or its bytes are written even if its
// size and modification time are put back (cp -p, rsync -a, touch -r).
func sysStat(info fs.FileInfo) (ino uint64, ctime int64, ok bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	sec, nsec := st.Ctim.Unix()
	return uint64(st.Ino), sec*1e9 + nsec, true
}
