//go:build unix

package write

import (
	"os"

	"golang.org/x/sys/unix"
)

// link gives the file at old the second name new. A symbolic link at old
// is linked itself, not followed (link(2) follows it on some systems).
func link(old, new string) error {
	if err := unix.Linkat(unix.AT_FDCWD, old, unix.AT_FDCWD, new, 0); err != nil {
		return &os.LinkError{Op: "link", Old: old, New: new, Err: err}
	}
	return nil
}
