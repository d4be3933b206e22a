package sysfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	data := bytes.Repeat([]byte("handbook "), 1000)
	name := filepath.Join(dir, "page.md")
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// The size seen may be right, or out of date either way: the bytes
	// read are the file's all the same.
	for _, size := range []int64{int64(len(data)), 0, 1, int64(len(data)) - 1, int64(len(data)) + 1, 4 * int64(len(data)), -1} {
		got, err := ReadFile(name, size)
		if err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("size %d: read %d bytes, want the file's %d", size, len(got), len(data))
		}
	}
	empty := filepath.Join(dir, "empty.md")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := ReadFile(empty, 0); err != nil || len(got) != 0 {
		t.Errorf("empty file: %q, %v", got, err)
	}
	part := make([]byte, 100)
	if err := ReadAt(name, part, 9*10); err != nil || !bytes.Equal(part, data[90:190]) {
		t.Errorf("ReadAt from 90: %q, %v", part, err)
	}
	if err := ReadAt(name, part, int64(len(data))-50); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("ReadAt past the end: %v, want io.ErrUnexpectedEOF", err)
	}
	// A file opened once reads part after part, and its size.
	f, err := Open(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, off := range []int64{0, 90, int64(len(data)) - 100} {
		if err := f.ReadAt(part, off); err != nil || !bytes.Equal(part, data[off:off+100]) {
			t.Errorf("File.ReadAt from %d: %q, %v", off, part, err)
		}
	}
	if err := f.ReadAt(part, int64(len(data))-50); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("File.ReadAt past the end: %v, want io.ErrUnexpectedEOF", err)
	}
	if n, err := f.Size(); err != nil || n != int64(len(data)) {
		t.Errorf("Size = %d, %v; want %d", n, err, len(data))
	}
	if err := f.Close(); err != nil {
		t.Error(err)
	}
	if _, err := Open(filepath.Join(dir, "missing.md")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open of a missing file: %v, want fs.ErrNotExist", err)
	}
	if OpenLimit() <= 0 {
		t.Errorf("OpenLimit() = %d", OpenLimit())
	}
	_, err = ReadFile(filepath.Join(dir, "missing.md"), 10)
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Path != filepath.Join(dir, "missing.md") {
		t.Errorf("missing file: %v, want a path error that is fs.ErrNotExist", err)
	}
	if _, err := ReadFile(dir, 0); err == nil {
		t.Error("a folder read as a file")
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "index.html")
	long := bytes.Repeat([]byte("<p>a page</p>\n"), 100000)
	for _, data := range [][]byte{long, []byte("shorter"), nil} {
		if err := WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("wrote %d bytes, read back %d", len(data), len(got))
		}
	}
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&0o600 != 0o600 || perm&^0o644 != 0 {
		t.Errorf("mode %v, want 0644 less the umask", info.Mode())
	}
	err = WriteFile(filepath.Join(dir, "no", "such", "folder.html"), []byte("x"), 0o644)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("write into a missing folder: %v, want fs.ErrNotExist", err)
	}
	// The site writer tells a clash of a page and a folder by these.
	if err := WriteFile(dir, []byte("x"), 0o644); !errors.Is(err, syscall.EISDIR) {
		t.Errorf("write over a folder: %v, want EISDIR", err)
	}
	if err := WriteFile(filepath.Join(name, "inside.html"), []byte("x"), 0o644); !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("write under a file: %v, want ENOTDIR", err)
	}
}

// TestWriteParts checks that a file written from parts holds them one
// after the other, and replaces a longer file.
func TestWriteParts(t *testing.T) {
	name := filepath.Join(t.TempDir(), "site.json")
	long := bytes.Repeat([]byte("{\"id\": 1},\n"), 100000)
	for _, parts := range [][][]byte{{long[:7], nil, long[7:]}, {[]byte("{"), []byte("}")}, nil} {
		if err := WriteParts(name, parts, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if want := bytes.Join(parts, nil); !bytes.Equal(got, want) {
			t.Errorf("wrote %d bytes in %d parts, read back %d", len(want), len(parts), len(got))
		}
	}
}

func TestMap(t *testing.T) {
	dir := t.TempDir()
	data := bytes.Repeat([]byte("handbook "), 1000)
	name := filepath.Join(dir, "entry")
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Map(name)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("Map = %d bytes, %v; want the file's %d", len(got), err, len(data))
	}
	// A file replaced by a rename leaves the bytes mapped before as
	// they were.
	next := filepath.Join(dir, "next")
	if err := os.WriteFile(next, []byte("replaced"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(next, name); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Error("the mapped bytes changed when the file was replaced by a rename")
	}
	if again, err := Map(name); err != nil || string(again) != "replaced" {
		t.Errorf("Map after the rename = %q, %v; want %q", again, err, "replaced")
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := Map(empty); err != nil || got == nil || len(got) != 0 {
		t.Errorf("empty file: %q (nil: %v), %v; want an empty slice", got, got == nil, err)
	}
	if _, err := Map(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	if _, err := Map(dir); err == nil {
		t.Error("a folder mapped as a file")
	}
}
