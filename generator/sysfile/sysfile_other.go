//go:build !linux

package sysfile

import (
	"io/fs"
	"os"
)

// ReadFile reads the file name whole; size is ignored.
func ReadFile(name string, size int64) ([]byte, error) {
	return os.ReadFile(name)
}

// WriteFile writes data to the file name, creating it with permissions
// perm (before the umask) or truncating it.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}
