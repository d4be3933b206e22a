package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// The memory handbook asks the Go runtime to stay under, when GOMEMLIMIT
// does not set a limit. By default the heap may grow to twice what is
// live before it is collected, but the runtime counts only the heap in
// that goal: freed spans it has not yet returned to the system, stacks
// and fragmentation come on top, and a build of 10,000 documents, with
// under 100 MB live, used 340 MB. A limit counts all of them, so
// handbook sets one at twice the live heap, which the collector's own
// goal already allows, and follows the live heap as it grows:
//   - never under floorLimit, where a small site would collect all the time;
//   - never over softLimit, which keeps a site of 100,000 documents
//     (1 GB live at its peak) under 2 GB;
//   - but twice the live heap, as without a limit, once the live heap
//     comes within a third of softLimit, rather than a collector that
//     runs without end;
//   - and never lower than it was: memory held once already counts in
//     the peak, and the limit counts the partly used spans the live heap
//     leaves behind as it shrinks. At 100,000 documents the live heap
//     falls from 1 GB to 0.6 GB once the content is read, and 0.45 GB of
//     such spans stay: a limit that fell to 1.2 GB left the collector
//     100 MB to work in, and it ran 40 times in the rest of the build.
const (
	floorLimit = 192 << 20
	softLimit  = 1750 << 20
)

// liveFactor is about how many bytes of live heap a byte of Markdown
// comes to once the build has read it: documents with their front
// matter decoded, bodies converted and sections kept for the search
// index. Measured: 6.4 at 100,000 documents (708 MB live for 110 MB of
// Markdown), 9.6 at 10,000.
const liveFactor = 8

// memory is the process's limit, as handbook sets it.
var memory memoryState

type memoryState struct {
	sync.Mutex
	on bool // limitMemory set it, and GOMEMLIMIT did not
	f  follower
	// atLimit is set while the collector runs only at the limit (see
	// collectAtLimit).
	atLimit bool
}

// limitMemory sets the memory limit, unless GOMEMLIMIT is set, and
// follows the live heap (see limitFor) until stop is called.
func limitMemory() (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	memory.Lock()
	memory.on = true
	memory.f.follow(0)
	debug.SetMemoryLimit(int64(memory.f.limit))
	memory.Unlock()
	done, exited := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(exited)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			memory.follow(sample[0].Value.Uint64())
		}
	}()
	return func() {
		close(done)
		<-exited
		memory.Lock()
		memory.on = false
		memory.collectEarly()
		memory.Unlock()
	}
}

// follow raises the limit for a live heap of live bytes, if that takes
// it higher.
func (m *memoryState) follow(live uint64) {
	m.Lock()
	defer m.Unlock()
	if m.f.follow(live) {
		debug.SetMemoryLimit(int64(m.f.limit))
		m.collectEarly()
	}
}

// expectContent raises the memory limit, when handbook sets it, to what
// it will be once a build has read Markdown files of the given size
// (generator.Config.Reading). The live heap grows as the content is
// read and stays at its height while pages are made, where the build
// peaks; a limit that only followed it up left the collector nothing but
// the growth to work in while reading. At 100,000 documents it then
// collected 73 times before the first page, for 19.5 s of CPU. The limit
// the build reaches at its peak anyway, set as soon as the size is
// known, does not raise the peak. At 10,000 documents (10 MB of
// Markdown) the limit stays at floorLimit.
//
// Files a build takes parsed from the cache are not counted: their
// bodies are in the cache's mapped files, which count in the peak but
// not in the limit, and a limit sized for the whole content on top of
// them took a new update's build at 100,000 documents to 2,075 MiB.
func expectContent(_, _ int, bytes int64) {
	memory.Lock()
	defer memory.Unlock()
	if memory.on && bytes > 0 && memory.f.follow(liveFactor*uint64(bytes)) {
		debug.SetMemoryLimit(int64(memory.f.limit))
	}
}

// expectEdit is expectContent for a command that builds once and exits,
// such as build: when the build parses few of its files and takes the
// others from the cache (after an edit), the collector runs only at the
// limit while the limit is floorLimit, and the limit is then editLimit
// (collectAtLimit).
//
// Such a build allocates little more than its live heap at its peak, and
// the collector, which by default runs whenever the heap has doubled
// since its last run, ran 16 times in one with 10,000 documents, 10 of
// them before the heap reached 25 MB: a sixth of the build's CPU. Run
// only at a limit of 192 MB, it ran once or twice, and the build took a
// fifth less CPU, for a higher peak: 260 MB against 190 MB, the heap
// filling to the limit. With no collection at all, as esbuild's command
// line runs, it takes 10% less CPU again (see editLimit). A full build,
// which allocates many times its live heap, keeps collecting as the heap
// doubles, and so does any build whose live heap takes the limit above
// editLimit (over 128 MiB live, at 100,000 documents), so that its peak
// stays as it was.
func expectEdit(files, parsed int, bytes int64) {
	expectContent(files, parsed, bytes)
	if parsed > 0 && editShare*files <= files+parsed {
		collectAtLimit()
	}
}

// editShare: a build that parses one in editShare of its files or
// fewer, and takes the others parsed from the cache, is an edit to
// expectEdit.
const editShare = 8

// collectAtLimit has the collector run only when the process reaches
// its memory limit, unless GOGC sets how often it runs, while handbook
// sets the limit and the limit is floorLimit; the limit becomes
// editLimit. Once the live heap takes the limit higher, or handbook
// stops following it, the collector runs as GOGC says again
// (collectEarly).
func collectAtLimit() {
	memory.Lock()
	defer memory.Unlock()
	if memory.on && !memory.atLimit && memory.f.limit <= floorLimit && os.Getenv("GOGC") == "" {
		memory.atLimit = true
		memory.f.limit = editLimit
		debug.SetMemoryLimit(editLimit)
		debug.SetGCPercent(-1)
	}
}

// editLimit is the memory limit of a build after an edit, while its
// collector runs only at the limit. A build of 10,000 documents after a
// line is added to one of them allocates a little under 256 MiB in all:
// it then runs without a collection, where at a limit of floorLimit the
// collector ran once, marking 170 MB with both processors. In sixteen
// builds each, taking turns, the build took 0.06 s more user CPU at the
// floor, and 0.42 s against 0.39 s (median), for a peak of 257 MB
// against 287 MB. A new update's build allocates more, and collects once
// rather than three times.
const editLimit = 256 << 20

// collectEarly undoes collectAtLimit; memory must be locked.
func (m *memoryState) collectEarly() {
	if m.atLimit {
		m.atLimit = false
		debug.SetGCPercent(100)
	}
}

// follower is the limit as the live heap has been so far.
type follower struct{ limit uint64 }

// follow takes in the live heap's size and reports whether the limit
// went up.
func (f *follower) follow(live uint64) bool {
	next := limitFor(live)
	if next <= f.limit {
		return false
	}
	f.limit = next
	return true
}

// limitFor returns the memory limit for a live heap of live bytes.
func limitFor(live uint64) uint64 {
	switch {
	case live+live/2 > softLimit:
		return 2 * live
	case 2*live < floorLimit:
		return floorLimit
	case 2*live > softLimit:
		return softLimit
	}
	return 2 * live
}
