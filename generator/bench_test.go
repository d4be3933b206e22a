package generator

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/handbook/handbook/generator/search"
)

// The benchmarks build a generated site of 1,000 documents of every kind
// (cmd/corpus), written once per run of the benchmarks. For the side by
// side comparison with Hugo on bigger sites, see generator/bench.

// The corpus is deterministic, so one folder serves every run; cmd/corpus
// replaces what it finds there.
var corpus = sync.OnceValues(func() (string, error) {
	dir := filepath.Join(os.TempDir(), "handbook-bench-corpus-1000")
	out, err := exec.Command("go", "run", "../cmd/corpus", "-n", "1000", "-out", dir).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go run ../cmd/corpus: %v\n%s", err, out)
	}
	return dir, nil
})

// benchConfig returns a configuration for the corpus, building into a
// new folder.
func benchConfig(b *testing.B) Config {
	b.Helper()
	dir, err := corpus()
	if err != nil {
		b.Skip(err)
	}
	return Config{Content: dir, Layouts: filepath.Join(b.TempDir(), "layouts"), Out: filepath.Join(b.TempDir(), "public"), Now: exampleNow, NoGit: true}
}

func benchBuild(b *testing.B, cfg Config) Result {
	b.Helper()
	res, err := Build(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// BenchmarkBuildFull is a build from clean: no cache, no output folder.
func BenchmarkBuildFull(b *testing.B) {
	cfg := benchConfig(b)
	for b.Loop() {
		os.RemoveAll(cfg.Out)
		benchBuild(b, cfg)
	}
}

// BenchmarkBuildNoChange builds again with a warm cache and nothing
// changed.
func BenchmarkBuildNoChange(b *testing.B) {
	cfg := benchConfig(b)
	cfg.Cache = filepath.Join(b.TempDir(), "cache")
	benchBuild(b, cfg)
	for b.Loop() {
		if res := benchBuild(b, cfg); res.Rendered != 0 {
			b.Fatalf("a build with nothing changed made %d pages again", res.Rendered)
		}
	}
}

// BenchmarkBuildOneFile builds again with a warm cache after a list item
// is added to one update's body.
func BenchmarkBuildOneFile(b *testing.B) {
	cfg := benchConfig(b)
	cfg.Cache = filepath.Join(b.TempDir(), "cache")
	// A copy of the corpus: the benchmark edits it.
	content := filepath.Join(b.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS(cfg.Content)); err != nil {
		b.Fatalf("copy the corpus: %v", err)
	}
	cfg.Content = content
	updates, err := filepath.Glob(filepath.Join(content, "updates", "*.md"))
	if err != nil || len(updates) == 0 {
		b.Fatal("no updates in the corpus")
	}
	edited := updates[len(updates)-1]
	benchBuild(b, cfg)
	i := 0
	for b.Loop() {
		i++
		f, err := os.OpenFile(edited, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(f, "- Edit %d by the benchmark.\n", i)
		f.Close()
		benchBuild(b, cfg)
	}
}

// BenchmarkLoad reads the content and links the model.
func BenchmarkLoad(b *testing.B) {
	cfg := benchConfig(b)
	for b.Loop() {
		if _, err := Load(context.Background(), cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender renders every output in memory from a loaded model.
func BenchmarkRender(b *testing.B) {
	cfg := benchConfig(b)
	m, err := Load(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := m.Render(context.Background(), cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchIndex builds the search index of a loaded model.
func BenchmarkSearchIndex(b *testing.B) {
	cfg := benchConfig(b)
	m, err := Load(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		idx, err := search.Build(m.Site, search.Options{})
		if err != nil || !strings.HasSuffix(idx.Manifest, "manifest.json") {
			b.Fatal(err)
		}
	}
}
