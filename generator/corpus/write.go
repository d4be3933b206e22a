package corpus

import (
	"fmt"
	"os"
	"path/filepath"
)

// Write replaces dir with files. It refuses to delete a folder that is
// not a previous corpus (one without site.toml that is not empty), so a
// mistyped path cannot wipe someone's work.
func Write(dir string, files []File) error {
	if _, err := os.Stat(dir); err == nil {
		if _, err := os.Stat(filepath.Join(dir, "site.toml")); err != nil {
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				return fmt.Errorf("%s exists and is not a corpus (no site.toml); not replacing it", dir)
			}
		}
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(f.Data), 0o644); err != nil {
			return err
		}
	}
	return nil
}
