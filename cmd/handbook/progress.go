package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/handbook/handbook/generator"
)

// progress shows on a terminal what a long build is doing: a line that
// changes in place every tenth of a second, and is cleared at the end.
// Elsewhere (CI logs, pipes) it shows nothing. It returns the function
// that stops it.
func progress(w io.Writer, cfg *generator.Config) (stop func()) {
	f, ok := w.(*os.File)
	if !ok {
		return func() {}
	}
	if info, err := f.Stat(); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return func() {}
	}
	var (
		mu    sync.Mutex
		stage string
		done  int
	)
	cfg.Progress = func(s string, n int) {
		mu.Lock()
		if s != stage || n > done {
			stage, done = s, n
		}
		mu.Unlock()
	}
	tick := time.NewTicker(100 * time.Millisecond)
	quit := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		shown := false
		for {
			select {
			case <-quit:
				if shown {
					fmt.Fprint(f, "\r\033[K")
				}
				return
			case <-tick.C:
				mu.Lock()
				s, n := stage, done
				mu.Unlock()
				if s == "reading" {
					fmt.Fprint(f, "\r\033[Kreading content…")
				} else {
					fmt.Fprintf(f, "\r\033[K%s: %d files", s, n)
				}
				shown = true
			}
		}
	}()
	return func() {
		tick.Stop()
		close(quit)
		<-finished
	}
}
