package main

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/corpus"
	"github.com/handbook/handbook/generator/site"
)

// TestCorpusBuilds writes a small corpus twice and builds it: the same
// files each time, every kind present, no errors or warnings.
func TestCorpusBuilds(t *testing.T) {
	t.Parallel()
	a, b := corpus.Generate(300, 1), corpus.Generate(300, 1)
	if !slices.Equal(a, b) {
		t.Fatal("two corpora with the same -n and -seed differ")
	}
	if c := corpus.Generate(300, 2); slices.Equal(a, c) {
		t.Error("another seed gives the same corpus")
	}
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-n", "300", "-out", filepath.Join(dir, "content")}, &stdout, &stderr); code != 0 {
		t.Fatalf("corpus exited %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "wrote 300 documents") {
		t.Errorf("output %q", stdout.String())
	}
	res, err := generator.Build(context.Background(), generator.Config{
		Content: filepath.Join(dir, "content"), Out: filepath.Join(dir, "public"), Layouts: filepath.Join(dir, "none"), Now: corpus.Now(),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 {
		t.Errorf("diagnostics: %v", res.Diagnostics)
	}
	s := res.Site
	docs := map[site.Kind]int{}
	for _, d := range s.Docs() {
		docs[d.Kind]++
	}
	total := 0
	for _, k := range site.Kinds {
		if docs[k] == 0 {
			t.Errorf("no %s documents", k)
		}
		total += docs[k]
	}
	if total != 300 {
		t.Errorf("%d documents, want 300", total)
	}
	reported, linked, superseded := 0, 0, 0
	for _, o := range s.Objectives {
		for _, kr := range o.KeyResults {
			reported += len(kr.Reports)
		}
	}
	for _, d := range s.Docs() {
		linked += len(d.Backlinks)
	}
	for _, d := range s.Decisions {
		superseded += len(d.SupersededBy)
	}
	if reported == 0 || linked == 0 || superseded == 0 {
		t.Errorf("%d key-result reports, %d backlinks, %d superseded decisions; want some of each", reported, linked, superseded)
	}
	if code := run([]string{"-n", "300"}, &stdout, &stderr); code != 2 {
		t.Errorf("without -out: exit %d, want 2", code)
	}
}
