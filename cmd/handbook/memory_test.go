package main

import (
	"runtime/debug"
	"testing"
)

func TestNextLimit(t *testing.T) {
	for _, c := range []struct{ live, limit, want uint64 }{
		{0, softLimit, softLimit},
		{500 << 20, softLimit, softLimit},
		{softLimit * 2 / 3, softLimit, softLimit},
		{softLimit*2/3 + 4, softLimit, softLimit*4/3 + 8},
		{3 << 30, 4 << 30, 6 << 30},
	} {
		if got := nextLimit(c.live, c.limit); got != c.want {
			t.Errorf("nextLimit(%d, %d) = %d, want %d", c.live, c.limit, got, c.want)
		}
	}
}

// TestLimitMemory checks that the soft limit is set, and left alone when
// GOMEMLIMIT sets one. Not parallel: the limit is the process's.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)

	t.Setenv("GOMEMLIMIT", "")
	stop := limitMemory()
	if got := debug.SetMemoryLimit(-1); got != softLimit {
		t.Errorf("limit = %d, want %d", got, softLimit)
	}
	stop()

	debug.SetMemoryLimit(before)
	t.Setenv("GOMEMLIMIT", "4GiB")
	limitMemory()()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, limit = %d, want it left at %d", got, before)
	}
}
