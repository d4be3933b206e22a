package main

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/search"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	out := os.Args[1]
	f, _ := os.Create(os.Args[2])
	pprof.StartCPUProfile(f)
	c0 := cpu()
	res, err := generator.Build(context.Background(), generator.Config{Content: "/tmp/search10k", Out: out, Layouts: "/tmp/nolayouts", Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if err != nil { panic(err) }
	build := cpu() - c0
	pprof.StopCPUProfile()
	var idx []time.Duration
	g, _ := os.Create(os.Args[2] + ".search")
	pprof.StartCPUProfile(g)
	defer pprof.StopCPUProfile()
	for range 3 {
		c := cpu()
		if _, err := search.Build(res.Site, search.Options{}); err != nil { panic(err) }
		idx = append(idx, cpu()-c)
	}
	fmt.Println("build CPU", build, "index CPU", idx)
}
