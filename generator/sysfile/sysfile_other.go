//go:build !linux

package sysfile

import (
	"io"
	"io/fs"
	"os"
)

// ReadFile reads the file name whole; size, the size it was last seen
// to have or -1, is ignored.
func ReadFile(name string, size int64) ([]byte, error) {
	return os.ReadFile(name)
}

// Map returns the bytes of the file name, read whole: elsewhere than
// on Linux it does not map the file.
func Map(name string) ([]byte, error) {
	return os.ReadFile(name)
}

// WriteFile writes data to the file name, creating it with permissions
// perm (before the umask) or truncating it.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}

// WriteParts is WriteFile for a file whose bytes are parts, one after the
// other.
func WriteParts(name string, parts [][]byte, perm fs.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	for _, data := range parts {
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
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

// File is a file open for reading parts of it: a caller that reads many
// parts of a file opens it once, rather than once a part.
type File struct{ f *os.File }

// Open opens the file name for reading.
func Open(name string) (*File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return &File{f}, nil
}

// ReadAt reads len(b) bytes of the file from offset off. A file that
// ends before is an error (io.ErrUnexpectedEOF). It may be called from
// several goroutines at once.
func (f *File) ReadAt(b []byte, off int64) error {
	if _, err := f.f.ReadAt(b, off); err != nil {
		if err == io.EOF {
			err = &fs.PathError{Op: "read", Path: f.f.Name(), Err: io.ErrUnexpectedEOF}
		}
		return err
	}
	return nil
}

// Size returns the file's size.
func (f *File) Size() (int64, error) {
	info, err := f.f.Stat()
	if err != nil {
		return 0, err
	}
	return info.Size(), nil
}

// Close closes the file.
func (f *File) Close() error {
	return f.f.Close()
}

// OpenLimit is how many files the process may have open at once: here,
// where the limit is not asked, a guess on the safe side.
func OpenLimit() int { return 256 }
