//go:build linux

package sysfile

import (
	"io"
	"io/fs"
	"syscall"
)

// ReadFile reads the file name whole. size is what the file's size was
// last seen to be, or -1 if it is not known, when the file is looked at
// first: with it right, the file is read with one read.
func ReadFile(name string, size int64) ([]byte, error) {
	fd, err := open(name, syscall.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	if size < 0 {
		var st syscall.Stat_t
		if err := fstat(fd, &st); err != nil {
			return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
		}
		size = st.Size
	}
	// One byte more than expected, so that a read that stops short of
	// the buffer once the expected bytes are in says the file ended.
	// Before them, a short read may be a file system's (FUSE, a network
	// file system, a read of more than 2 GB): only a read of nothing
	// says the file ended then.
	want := max(0, size)
	buf := make([]byte, 0, want+1)
	for {
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		buf = buf[:len(buf)+n]
		if n == 0 || len(buf) < cap(buf) && int64(len(buf)) >= want {
			return buf, nil
		}
		if len(buf) == cap(buf) {
			// The file grew since it was seen: read on.
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// ReadAt reads len(b) bytes of the file name from offset off. A file
// that ends before is an error (io.ErrUnexpectedEOF).
func ReadAt(name string, b []byte, off int64) error {
	f, err := Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.ReadAt(b, off)
}

// File is a file open for reading parts of it, each with one system
// call: a caller that reads many parts of a file opens it once, rather
// than once a part.
type File struct {
	fd   int
	name string
}

// Open opens the file name for reading.
func Open(name string) (*File, error) {
	fd, err := open(name, syscall.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	return &File{fd: fd, name: name}, nil
}

// ReadAt reads len(b) bytes of the file from offset off. A file that
// ends before is an error (io.ErrUnexpectedEOF). It may be called from
// several goroutines at once.
func (f *File) ReadAt(b []byte, off int64) error {
	for len(b) > 0 {
		n, err := syscall.Pread(f.fd, b, off)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return &fs.PathError{Op: "read", Path: f.name, Err: err}
		}
		if n == 0 {
			return &fs.PathError{Op: "read", Path: f.name, Err: io.ErrUnexpectedEOF}
		}
		b, off = b[n:], off+int64(n)
	}
	return nil
}

// Size returns the file's size.
func (f *File) Size() (int64, error) {
	var st syscall.Stat_t
	if err := fstat(f.fd, &st); err != nil {
		return 0, &fs.PathError{Op: "stat", Path: f.name, Err: err}
	}
	return st.Size, nil
}

// Close closes the file.
func (f *File) Close() error {
	return syscall.Close(f.fd)
}

// OpenLimit is how many files the process may have open at once: its
// soft limit, which Go raises to the hard limit as the program starts.
func OpenLimit() int {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &r); err != nil {
		return 1024
	}
	return int(min(r.Cur, 1<<20))
}

// WriteFile writes data to the file name, creating it with permissions
// perm (before the umask) or truncating it.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	return WriteParts(name, [][]byte{data}, perm)
}

// WriteParts is WriteFile for a file whose bytes are parts, one after the
// other.
func WriteParts(name string, parts [][]byte, perm fs.FileMode) error {
	fd, err := open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, uint32(perm.Perm()))
	if err != nil {
		return err
	}
	for _, data := range parts {
		for len(data) > 0 {
			n, err := syscall.Write(fd, data)
			if err == syscall.EINTR {
				continue
			}
			if err == nil && n == 0 {
				err = io.ErrShortWrite
			}
			if err != nil {
				syscall.Close(fd)
				return &fs.PathError{Op: "write", Path: name, Err: err}
			}
			data = data[n:]
		}
	}
	// On Linux the descriptor is gone even when close fails: an error
	// here is one the write left to report (NFS, a full quota).
	if err := syscall.Close(fd); err != nil && err != syscall.EINTR {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}

func open(name string, mode int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(name, mode|syscall.O_CLOEXEC, perm)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return -1, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return fd, nil
	}
}

// Map maps the file name into memory, read-only, and returns its bytes:
// the file's pages in the page cache, without a copy on the heap. The
// bytes stay valid, and must not be written to, until the process
// exits; they change if the file is written to in place, and reading
// past a part of the file cut off since is a fault, so Map is for files
// that are only ever replaced by a rename. An empty file gives an
// empty slice.
func Map(name string) ([]byte, error) {
	fd, err := open(name, syscall.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Size == 0 {
		return []byte{}, nil
	}
	// MAP_POPULATE maps every page now, in this one call, rather than
	// one page fault at a time as they are read.
	b, err := syscall.Mmap(fd, 0, int(st.Size), syscall.PROT_READ, syscall.MAP_PRIVATE|syscall.MAP_POPULATE)
	if err != nil {
		return nil, &fs.PathError{Op: "mmap", Path: name, Err: err}
	}
	return b, nil
}
