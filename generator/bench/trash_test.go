package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTrash(t *testing.T) {
	work := t.TempDir()
	tr := &trash{dir: filepath.Join(work, "trash")}
	out := filepath.Join(work, "public")
	for i := range 2 {
		if err := os.MkdirAll(filepath.Join(out, "a"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, "a", "index.html"), []byte{byte(i)}, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := tr.discard(out); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Fatalf("after discard %d, %s: %v, want it gone", i, out, err)
		}
	}
	if err := tr.discard(out); err != nil {
		t.Errorf("discarding a missing folder: %v", err)
	}
	if entries, err := os.ReadDir(tr.dir); err != nil || len(entries) != 2 {
		t.Errorf("trash holds %d entries (%v), want both discarded folders", len(entries), err)
	}
	if err := tr.empty(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tr.dir); !os.IsNotExist(err) {
		t.Errorf("after empty, %s: %v, want it gone", tr.dir, err)
	}
}
