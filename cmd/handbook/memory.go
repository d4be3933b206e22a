package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// softLimit is the memory handbook asks the Go runtime to stay under
// when GOMEMLIMIT does not set one. By default the heap may grow to twice
// what is live before it is collected: a build of 100,000 documents, with
// 1.1 GB live at its peak, would take 3 GB. Under the limit the collector
// runs more often near the peak instead (about 10% more CPU at 100,000
// documents, nothing at 10,000, whose heap stays far under it).
const softLimit = 1700 << 20

// limitMemory sets the soft memory limit, unless GOMEMLIMIT is set, and
// watches the live heap to keep the limit out of its way (see
// nextLimit) until stop is called.
func limitMemory() (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	debug.SetMemoryLimit(softLimit)
	done := make(chan struct{})
	go func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		limit := uint64(softLimit)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if next := nextLimit(sample[0].Value.Uint64(), limit); next != limit {
				limit = next
				debug.SetMemoryLimit(int64(limit))
			}
		}
	}()
	return func() { close(done) }
}

// nextLimit returns the memory limit to set when live bytes of heap are
// live under limit. The limit is kept at least half as large again as
// the live heap: a site too large for it gets twice its live heap, as
// without a limit, rather than a collector that runs without end.
func nextLimit(live, limit uint64) uint64 {
	if live+live/2 > limit {
		return 2 * live
	}
	return limit
}
