//go:build !unix

package write

import "errors"

// link is not used here: a file replaced is moved aside instead.
func link(old, new string) error { return errors.ErrUnsupported }
