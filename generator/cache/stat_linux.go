//go:build linux

package cache

import (
	"io/fs"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
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

// StampsIn returns the stamps of the files named in the folder dir, as
// StampOf would give for each one's Lstat; a file that cannot be read
// gets the zero Stamp. Each is one system call relative to the open
// folder, rather than a path to resolve and a FileInfo to allocate: half
// the time of a build with nothing to do, which is these stats. ok is
// false when dir cannot be opened.
func StampsIn(dir string, names []string) (stamps []Stamp, ok bool) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	raw, err := f.SyscallConn()
	if err != nil {
		return nil, false
	}
	stamps = make([]Stamp, len(names))
	err = raw.Control(func(fd uintptr) {
		var st unix.Stat_t
		for i, name := range names {
			if unix.Fstatat(int(fd), name, &st, unix.AT_SYMLINK_NOFOLLOW) == nil {
				stamps[i] = stampOfStat(&st)
			}
		}
	})
	return stamps, err == nil
}

// stampOfStat is StampOf for a stat read by a system call: the mode as
// os.Lstat makes an fs.FileMode of it.
func stampOfStat(st *unix.Stat_t) Stamp {
	mode := fs.FileMode(st.Mode & 0o777)
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFBLK:
		mode |= fs.ModeDevice
	case unix.S_IFCHR:
		mode |= fs.ModeDevice | fs.ModeCharDevice
	case unix.S_IFDIR:
		mode |= fs.ModeDir
	case unix.S_IFIFO:
		mode |= fs.ModeNamedPipe
	case unix.S_IFLNK:
		mode |= fs.ModeSymlink
	case unix.S_IFSOCK:
		mode |= fs.ModeSocket
	}
	if st.Mode&unix.S_ISGID != 0 {
		mode |= fs.ModeSetgid
	}
	if st.Mode&unix.S_ISUID != 0 {
		mode |= fs.ModeSetuid
	}
	if st.Mode&unix.S_ISVTX != 0 {
		mode |= fs.ModeSticky
	}
	mtime := st.Mtim.Sec*1e9 + st.Mtim.Nsec
	if time.Unix(st.Mtim.Sec, st.Mtim.Nsec).IsZero() {
		return Stamp{}
	}
	return Stamp{Size: st.Size, Mtime: mtime, Ctime: st.Ctim.Sec*1e9 + st.Ctim.Nsec, Ino: st.Ino, Mode: uint32(mode)}
}
