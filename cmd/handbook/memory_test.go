package main

import (
	"runtime/debug"
	"testing"
)

func TestLimitFor(t *testing.T) {
	for _, c := range []struct{ live, want uint64 }{
		{0, floorLimit},
		{floorLimit / 2, floorLimit},
		{floorLimit/2 + 1, floorLimit + 2},
		{500 << 20, 1000 << 20},
		{softLimit / 2, softLimit},
		{softLimit/2 + 8, softLimit},
		{softLimit * 2 / 3, softLimit},
		{softLimit*2/3 + 4, 2 * (softLimit*2/3 + 4)},
		{3 << 30, 6 << 30},
	} {
		if got := limitFor(c.live); got != c.want {
			t.Errorf("limitFor(%d) = %d, want %d", c.live, got, c.want)
		}
	}
}

// TestFollow checks that the limit goes up with the live heap and not
// down.
func TestFollow(t *testing.T) {
	var f follower
	for _, c := range []struct {
		live, want uint64
		up         bool
	}{
		{0, floorLimit, true},
		{50 << 20, floorLimit, false},
		{500 << 20, 1000 << 20, true},
		{300 << 20, 1000 << 20, false}, // the live heap shrank
		{600 << 20, 1200 << 20, true},
		{0, 1200 << 20, false},
		{softLimit, 2 * softLimit, true},
		{softLimit / 2, 2 * softLimit, false},
	} {
		if up := f.follow(c.live); up != c.up || f.limit != c.want {
			t.Errorf("follow(%d) = %v, limit %d; want %v, %d", c.live, up, f.limit, c.up, c.want)
		}
	}
}

// TestLimitMemory checks that the limit is set, and left alone when
// GOMEMLIMIT sets one. Not parallel: the limit is the process's.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)

	t.Setenv("GOMEMLIMIT", "")
	stop := limitMemory()
	if got := debug.SetMemoryLimit(-1); got < floorLimit || got > softLimit {
		t.Errorf("limit = %d, want between %d and %d", got, floorLimit, softLimit)
	}
	stop()

	debug.SetMemoryLimit(before)
	t.Setenv("GOMEMLIMIT", "4GiB")
	limitMemory()()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, limit = %d, want it left at %d", got, before)
	}
}

// TestExpectContent checks that the limit goes up to what the content's
// size will need once read, no lower than it was, and only when handbook
// set it. Not parallel: the limit is the process's.
func TestExpectContent(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	reset := func() {
		memory.Lock()
		memory.f = follower{}
		memory.Unlock()
	}
	defer reset()

	t.Setenv("GOMEMLIMIT", "")
	reset()
	stop := limitMemory()
	expectContent(10_000, 0, 10<<20) // 80 MiB live: twice is under the floor
	if got := debug.SetMemoryLimit(-1); got != floorLimit {
		t.Errorf("after 10 MiB of Markdown, limit = %d, want %d", got, floorLimit)
	}
	expectContent(100_000, 0, 100<<20) // 800 MiB live
	if got, want := debug.SetMemoryLimit(-1), int64(1600<<20); got != want {
		t.Errorf("after 100 MiB of Markdown, limit = %d, want %d", got, want)
	}
	expectContent(1_000, 0, 1<<20)
	if got, want := debug.SetMemoryLimit(-1), int64(1600<<20); got != want {
		t.Errorf("after a smaller site, limit = %d, want it kept at %d", got, want)
	}
	stop()

	debug.SetMemoryLimit(before)
	expectContent(100_000, 0, 200<<20)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("once stopped, limit = %d, want it left at %d", got, before)
	}
	t.Setenv("GOMEMLIMIT", "4GiB")
	limitMemory()()
	expectContent(100_000, 0, 200<<20)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, limit = %d, want it left at %d", got, before)
	}
}

// gcPercent returns the collector's setting, as SetGCPercent leaves it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestExpectEdit checks that a build that parses few of its files has
// the collector run only at the limit while the limit is the floor, and
// that it runs as before once the live heap takes the limit higher, once
// handbook stops following the heap, for a build that parses many files,
// and when GOGC or GOMEMLIMIT is set. Not parallel: the settings are the
// process's.
func TestExpectEdit(t *testing.T) {
	beforeLimit, beforePercent := debug.SetMemoryLimit(-1), gcPercent()
	defer func() {
		debug.SetMemoryLimit(beforeLimit)
		debug.SetGCPercent(beforePercent)
		memory.Lock()
		memory.f, memory.atLimit = follower{}, false
		memory.Unlock()
	}()
	start := func() (stop func()) {
		memory.Lock()
		memory.f = follower{}
		memory.Unlock()
		debug.SetGCPercent(100)
		return limitMemory()
	}
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")

	stop := start()
	expectEdit(1, 9_999, 2_000)
	if got := gcPercent(); got != -1 {
		t.Errorf("one file of 10,000 parsed: GC percent %d, want -1 (at the limit only)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != editLimit {
		t.Errorf("one file of 10,000 parsed: limit %d, want editLimit (%d)", got, editLimit)
	}
	// A live heap under half of editLimit neither lowers the limit nor
	// has the collector run early.
	memory.follow(110 << 20)
	if got := debug.SetMemoryLimit(-1); got != editLimit || gcPercent() != -1 {
		t.Errorf("110 MiB live after an edit: limit %d, GC percent %d; want editLimit (%d), -1", got, gcPercent(), editLimit)
	}
	memory.follow(floorLimit) // the limit goes to twice that
	if got := gcPercent(); got != 100 {
		t.Errorf("once the limit is over the floor: GC percent %d, want 100", got)
	}
	stop()

	stop = start()
	expectEdit(1, 9_999, 2_000)
	stop()
	if got := gcPercent(); got != 100 {
		t.Errorf("once handbook stops following the heap: GC percent %d, want 100", got)
	}

	stop = start()
	expectEdit(1_250, 8_750, 1<<20)
	if got := gcPercent(); got != -1 {
		t.Errorf("an eighth of the files parsed: GC percent %d, want -1", got)
	}
	stop()

	stop = start()
	expectEdit(1_251, 8_749, 1<<20)
	if got := gcPercent(); got != 100 {
		t.Errorf("more than an eighth of the files parsed: GC percent %d, want 100", got)
	}
	expectEdit(1, 99_999, 100<<20) // 800 MiB live: the limit is over the floor
	if got := gcPercent(); got != 100 {
		t.Errorf("an edit of a site whose limit is over the floor: GC percent %d, want 100", got)
	}
	expectEdit(0, 0, 0)
	if got := gcPercent(); got != 100 {
		t.Errorf("an empty site: GC percent %d, want 100", got)
	}
	stop()

	// The environment's settings win.
	for _, env := range []struct {
		gogc, memlimit string
		percent        int // what GOGC sets
	}{{"50", "", 50}, {"", "4GiB", 100}} {
		t.Setenv("GOGC", env.gogc)
		t.Setenv("GOMEMLIMIT", env.memlimit)
		debug.SetGCPercent(env.percent)
		stop = limitMemory()
		expectEdit(1, 9_999, 2_000)
		if got := gcPercent(); got != env.percent {
			t.Errorf("with GOGC=%q GOMEMLIMIT=%q: GC percent %d, want %d", env.gogc, env.memlimit, got, env.percent)
		}
		stop()
	}
}
