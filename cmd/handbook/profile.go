package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// profiles are the build's -cpuprofile and -memprofile flags: what a
// maintainer looks at when a build is slow or large, read with go tool
// pprof.
type profiles struct {
	cpu, mem string
}

func (p *profiles) flags(fs *flag.FlagSet) {
	fs.StringVar(&p.cpu, "cpuprofile", "", "write a CPU profile to `file` (for go tool pprof)")
	fs.StringVar(&p.mem, "memprofile", "", "write a heap profile taken when the live heap was largest to `file` (for go tool pprof)")
}

// startFor is start for the command cmd: it reports a failure to start
// or to write the profiles on stderr, and ok is false when they could not
// start.
func (p profiles) startFor(cmd string, stderr io.Writer) (stop func(), ok bool) {
	stopProfiles, err := p.start()
	if err != nil {
		fmt.Fprintf(stderr, "handbook %s: %v\n", cmd, err)
		return nil, false
	}
	return func() {
		if err := stopProfiles(); err != nil {
			fmt.Fprintf(stderr, "handbook %s: %v\n", cmd, err)
		}
	}, true
}

// start starts the profiles; the function it returns stops them and
// writes them out.
//
// The peak of the live heap is what decides a build's peak memory, and
// a profile taken at the end shows a heap already let go. So the heap
// is looked at every 100 ms, and its profile taken whenever the live
// heap is larger than at any time before.
func (p profiles) start() (stop func() error, err error) {
	var cpu *os.File
	if p.cpu != "" {
		if cpu, err = os.Create(p.cpu); err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, fmt.Errorf("cpu profile: %w", err)
		}
	}
	var peak bytes.Buffer
	done := make(chan struct{})
	watched := make(chan struct{})
	if p.mem != "" {
		go func() {
			defer close(watched)
			sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
			var most uint64
			tick := time.NewTicker(100 * time.Millisecond)
			defer tick.Stop()
			for {
				metrics.Read(sample)
				if live := sample[0].Value.Uint64(); live > most {
					most = live
					peak.Reset()
					pprof.Lookup("heap").WriteTo(&peak, 0)
				}
				select {
				case <-done:
					return
				case <-tick.C:
				}
			}
		}()
	} else {
		close(watched)
	}
	return func() error {
		close(done)
		<-watched
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				return err
			}
		}
		if p.mem == "" {
			return nil
		}
		return os.WriteFile(p.mem, peak.Bytes(), 0o644)
	}, nil
}
