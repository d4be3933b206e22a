package cache

import (
	"io/fs"
	"time"
)

// Stamp is how a file looked on disk: enough to tell, without reading
// it, that a file has not changed since. The zero Stamp matches nothing.
type Stamp struct {
	Size, Mtime, Ctime int64
	Ino                uint64
	Mode               uint32
}

// StampSlack is how long before a build started a file's last change
// must be for its stamp to be trusted: a file changed in the same tick
// of a coarse file system clock (FAT's is two seconds) just after it
// was read could keep its size and times.
const StampSlack = int64(3 * time.Second)

// StampOf returns how a file looks, or the zero Stamp when the file
// system cannot say so reliably (an fs.FS in memory has no times; other
// systems than Linux are not trusted).
func StampOf(info fs.FileInfo) Stamp {
	if info == nil || info.ModTime().IsZero() {
		return Stamp{}
	}
	ino, ctime, ok := sysStat(info)
	if !ok {
		return Stamp{}
	}
	return Stamp{Size: info.Size(), Mtime: info.ModTime().UnixNano(), Ctime: ctime, Ino: ino, Mode: uint32(info.Mode())}
}

// Settled reports whether the file had last changed well before start
// (in Unix nanoseconds), so that a later look with the same stamp means
// the same bytes.
func (s Stamp) Settled(start int64) bool {
	return s != (Stamp{}) && s.Mtime < start-StampSlack && s.Ctime < start-StampSlack
}
