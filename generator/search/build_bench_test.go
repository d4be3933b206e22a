package search_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/corpus"
	"github.com/handbook/handbook/generator/search"
	"github.com/handbook/handbook/generator/site"
)

var benchDocs = flag.Int("search.docs", 2000, "documents in BenchmarkBuild's generated site")

// BenchmarkBuild times the index step alone on a generated site of
// -search.docs documents (go test ./generator/search -run '^$' -bench Build
// -search.docs 10000), and reports its CPU time over all threads, which
// depends less than the wall time on what else the machine is doing.
func BenchmarkBuild(b *testing.B) {
	s, _ := benchSite(b)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	var idx *search.Index
	for b.Loop() {
		var err error
		if idx, err = search.Build(s, search.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
	size := 0
	for _, f := range idx.Files {
		size += len(f.Data)
	}
	b.ReportMetric(float64(size), "index-bytes")
	b.ReportMetric(float64(len(idx.Files)), "files")
}

// benchSite loads a generated site of -search.docs documents, written
// to a temporary folder, which it returns too.
func benchSite(b *testing.B) (*site.Site, string) {
	dir := b.TempDir()
	content := filepath.Join(dir, "content")
	if err := corpus.Write(content, corpus.Generate(*benchDocs, 1)); err != nil {
		b.Fatal(err)
	}
	m, err := generator.Load(context.Background(), generator.Config{Content: content, Out: filepath.Join(dir, "public"), Now: corpus.Now(), NoGit: true})
	if err != nil {
		b.Fatal(err)
	}
	return m.Site, dir
}

// cpuTime is the process's user and system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkBuildWarm is BenchmarkBuild with a cache that holds the last
// build's analysis and compressed parts, as a rebuild after an edit finds
// it: every group is read back, none analysed.
func BenchmarkBuildWarm(b *testing.B) {
	s, dir := benchSite(b)
	c := cache.Open(filepath.Join(dir, "cache"))
	if _, err := search.Build(s, search.Options{Cache: c}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		idx, err := search.Build(s, search.Options{Cache: c})
		if err != nil {
			b.Fatal(err)
		}
		if idx.Analysed != 0 {
			b.Fatalf("analysed %d documents, want 0 from the cache", idx.Analysed)
		}
	}
	b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// BenchmarkBuildNewUpdate times the index step when an update has come
// or gone since the build before, with its cache: each iteration builds
// the site with one more update and, in turn, without it (go test
// ./generator/search -run '^$' -bench NewUpdate -search.docs 10000).
// The new update's words make nearly every section of the vocabulary
// again, which is what it times: after the first two builds, the
// analysis of both versions of its group is in the cache.
func BenchmarkBuildNewUpdate(b *testing.B) {
	without, dir := benchSite(b)
	content := filepath.Join(dir, "content")
	updates, err := filepath.Glob(filepath.Join(content, "updates", "*.md"))
	if err != nil || len(updates) == 0 {
		b.Fatalf("no updates in %s", content)
	}
	slices.Sort(updates)
	newest, err := os.ReadFile(updates[len(updates)-1])
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(newest), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "title:") {
			lines[i] = "title: Added by the benchmark"
			break
		}
	}
	added := strings.Join(lines, "\n")
	name := filepath.Base(updates[len(updates)-1])[:len("2006-01-02")] + "-benchmark-added.md"
	if err := os.WriteFile(filepath.Join(content, "updates", name), []byte(added), 0o644); err != nil {
		b.Fatal(err)
	}
	m, err := generator.Load(context.Background(), generator.Config{Content: content, Out: filepath.Join(dir, "public"), Now: corpus.Now(), NoGit: true})
	if err != nil {
		b.Fatal(err)
	}
	with := m.Site
	c := cache.Open(filepath.Join(dir, "cache"))
	if _, err := search.Build(without, search.Options{Cache: c}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	sites := []*site.Site{with, without}
	for i := 0; b.Loop(); i++ {
		idx, err := search.Build(sites[i%2], search.Options{Cache: c})
		if err != nil {
			b.Fatal(err)
		}
		if idx.Sections == 0 {
			b.Fatal("no section made again: the update changed nothing")
		}
	}
	b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
}
