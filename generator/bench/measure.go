package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// usage is what one build cost, as GNU time reports it.
type usage struct {
	Wall time.Duration
	CPU  time.Duration // user + system, all threads
	Sys  time.Duration // of which system: the kernel's work, mostly files
	RSS  int64         // peak resident set size, bytes
}

// parseTime reads the report of GNU time's -v. It needs the wall clock,
// user and system time and peak RSS lines; a build that failed is an
// error naming its exit status.
func parseTime(report []byte) (usage, error) {
	var u usage
	var have [4]bool
	sc := bufio.NewScanner(bytes.NewReader(report))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "Command exited with non-zero status "); ok {
			return u, fmt.Errorf("exit status %s", rest)
		}
		if rest, ok := strings.CutPrefix(line, "Command terminated by signal "); ok {
			return u, fmt.Errorf("killed by signal %s", rest)
		}
		key, value, ok := strings.Cut(line, "): ")
		if !ok {
			continue
		}
		var err error
		switch key {
		case "User time (seconds":
			var d time.Duration
			d, err = seconds(value)
			u.CPU += d
			have[0] = true
		case "System time (seconds":
			u.Sys, err = seconds(value)
			u.CPU += u.Sys
			have[1] = true
		case "Elapsed (wall clock) time (h:mm:ss or m:ss":
			u.Wall, err = clock(value)
			have[2] = true
		case "Maximum resident set size (kbytes":
			var kb int64
			kb, err = strconv.ParseInt(value, 10, 64)
			u.RSS = kb * 1024
			have[3] = true
		}
		if err != nil {
			return u, fmt.Errorf("time -v: %q: %w", line, err)
		}
	}
	if have != [4]bool{true, true, true, true} {
		return u, fmt.Errorf("time -v: report lacks wall, user, system or RSS line:\n%s", report)
	}
	return u, nil
}

func seconds(s string) (time.Duration, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	return time.Duration(f * float64(time.Second)).Round(time.Millisecond), nil
}

// clock parses GNU time's elapsed time, "m:ss.ss" or "h:mm:ss".
func clock(s string) (time.Duration, error) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, fmt.Errorf("want m:ss.ss or h:mm:ss")
	}
	d, err := seconds(parts[len(parts)-1])
	if err != nil {
		return 0, err
	}
	for i, unit := range []time.Duration{time.Minute, time.Hour}[:len(parts)-1] {
		n, err := strconv.Atoi(parts[len(parts)-2-i])
		if err != nil {
			return 0, err
		}
		d += time.Duration(n) * unit
	}
	return d, nil
}

// measure runs argv in dir under GNU time and returns what it cost. The
// command's output is returned too, and included in the error when it
// fails.
func measure(ctx context.Context, timeBin, dir string, argv []string) (usage, []byte, error) {
	report, err := os.CreateTemp("", "bench-time-")
	if err != nil {
		return usage{}, nil, err
	}
	report.Close()
	defer os.Remove(report.Name())
	cmd := exec.CommandContext(ctx, timeBin, append([]string{"-v", "-o", report.Name()}, argv...)...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	runErr := cmd.Run()
	data, err := os.ReadFile(report.Name())
	if err != nil {
		return usage{}, out.Bytes(), err
	}
	u, err := parseTime(data)
	if err == nil && runErr != nil {
		err = runErr
	}
	if err != nil {
		return u, out.Bytes(), fmt.Errorf("%s: %w\n%s", strings.Join(append([]string{filepath.Base(argv[0])}, argv[1:]...), " "), err, out.Bytes())
	}
	return u, out.Bytes(), nil
}

// median returns the median of each measure on its own.
func median(us []usage) usage {
	pick := func(f func(usage) int64) int64 {
		xs := make([]int64, len(us))
		for i, u := range us {
			xs[i] = f(u)
		}
		slices.Sort(xs)
		return xs[len(xs)/2]
	}
	return usage{
		Wall: time.Duration(pick(func(u usage) int64 { return int64(u.Wall) })),
		CPU:  time.Duration(pick(func(u usage) int64 { return int64(u.CPU) })),
		Sys:  time.Duration(pick(func(u usage) int64 { return int64(u.Sys) })),
		RSS:  pick(func(u usage) int64 { return u.RSS }),
	}
}
