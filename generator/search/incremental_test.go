package search_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/corpus"
	"github.com/handbook/handbook/generator/search"
	"github.com/handbook/handbook/generator/site"
)

// TestIncremental edits one document of the example site and builds the
// index again with the cache of the first build: the files must be those
// of a build without cache, made by analysing only the edited document's
// group and compressing only the files that changed. It runs with the
// cache read and with it mapped, as handbook build maps it.
func TestIncremental(t *testing.T) {
	for _, mapped := range []bool{false, true} {
		t.Run(fmt.Sprintf("mapped=%v", mapped), func(t *testing.T) {
			t.Parallel()
			testIncremental(t, mapped)
		})
	}
}

func testIncremental(t *testing.T, mapped bool) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	load := func() *site.Site {
		t.Helper()
		res, err := generator.Build(context.Background(), generator.Config{Content: content, Layouts: filepath.Join(dir, "none"), Out: filepath.Join(dir, "public"), Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), NoGit: true})
		if err != nil {
			t.Fatal(err)
		}
		return res.Site
	}
	c := cache.Open(filepath.Join(dir, "cache"))
	if mapped {
		c.MapEntries()
	}
	first, err := search.Build(load(), search.Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if first.Analysed != first.Docs || first.Compressed != first.Parts {
		t.Errorf("first build analysed %d of %d documents and compressed %d of %d parts, want all", first.Analysed, first.Docs, first.Compressed, first.Parts)
	}

	// The same site again: nothing to analyse or compress.
	s := load()
	again, err := search.Build(s, search.Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if again.Analysed != 0 || again.Compressed != 0 || again.Sections != 0 || again.TyposMade {
		t.Errorf("unchanged site: analysed %d documents, compressed %d files, made %d sections, made the typo lexicons %v, want none", again.Analysed, again.Compressed, again.Sections, again.TyposMade)
	}
	if !first.TyposMade {
		t.Error("the first build did not make the typo lexicons")
	}
	if again.Parts != first.Parts {
		t.Errorf("unchanged site: %d parts, want the first build's %d", again.Parts, first.Parts)
	}
	sameFiles(t, again, first)

	// A new word in one page, two others gone: the page's length stays
	// in its step through the edits below (see lengthSteps), which would
	// otherwise make every section of its words again.
	p := filepath.Join(content, "handbook", "rhythms", "time-off.md")
	replaceIn(t, p, "Rest is part of the job.", "Rest is the job, truly.")
	edited, _ := cachedAndClean(t, load(), c)
	t.Logf("after an edit of one sentence: analysed %d of %d documents, made %d of %d sections, compressed %d of %d parts", edited.Analysed, edited.Docs, edited.Sections, search.SectionCount, edited.Compressed, edited.Parts)
	if !edited.TyposMade {
		t.Error("after a new word, the typo lexicons were taken from the cache")
	}
	if edited.Analysed > maxGroup {
		t.Errorf("after an edit of one sentence, analysed %d documents, want one group of at most %d", edited.Analysed, maxGroup)
	}
	// The edited document's file, the shards of "truly" and of the
	// terms whose postings moved, their directories, the typo lexicons of
	// "truly" and their list: a handful of parts, not the index.
	if max := edited.Parts / 4; edited.Compressed > max || edited.Compressed == 0 {
		t.Errorf("after an edit of one sentence, compressed %d of %d parts, want 1 to %d", edited.Compressed, edited.Parts, max)
	}

	// One word for another: no other word moves and the page keeps its
	// length, so only the sections of "truly" and "really" are made
	// again; the others are taken whole from the cache.
	replaceIn(t, p, "job, truly.", "job, really.")
	swapped, clean := cachedAndClean(t, load(), c)
	if swapped.Sections == 0 || swapped.Sections > 2 {
		t.Errorf("after a word swapped for another, made %d sections, want those of the two words, 1 or 2", swapped.Sections)
	}
	if clean.Sections != search.SectionCount {
		t.Errorf("without a cache, made %d sections, want all %d", clean.Sections, search.SectionCount)
	}

	// Each field of a document (its title, each piece of metadata, each
	// heading and section) starts at a multiple of 64 (fieldAlign): words
	// added at the end of a section that do not take it past the next
	// multiple, as here, move no word of the sections after it, and only
	// the sections of the new words are made again.
	replaceIn(t, p, "people actually take it.", "people actually take it. Breaks help.")
	added, _ := cachedAndClean(t, load(), c)
	if added.Sections == 0 || added.Sections > 2 {
		t.Errorf("after two words added at the end of a section, made %d sections, want those of the two words, 1 or 2", added.Sections)
	}
	// An update's blockers are metadata as well as its last section: a
	// blocker edited moves no word of the body.
	replaceIn(t, filepath.Join(content, "updates", "2026-11-04-priya-salesforce-changes.md"), "is ten business days", "is ten business days, sometimes")
	blocker, _ := cachedAndClean(t, load(), c)
	// The same words in another order: the typo lexicons of the same
	// terms, from the cache, as a clean build makes them.
	replaceIn(t, filepath.Join(content, "updates", "2026-11-04-priya-salesforce-changes.md"), "is ten business days, sometimes", "sometimes is ten business days")
	reordered, _ := cachedAndClean(t, load(), c)
	if reordered.TyposMade {
		t.Error("with no new word, the typo lexicons were made again")
	}
	// The build that took them kept every compressed part for the next:
	// the same site again compresses nothing.
	if same, _ := cachedAndClean(t, load(), c); same.Compressed != 0 || same.TyposMade || same.Parts != reordered.Parts {
		t.Errorf("unchanged after the typo lexicons were taken: compressed %d parts, made them %v, %d parts against %d", same.Compressed, same.TyposMade, same.Parts, reordered.Parts)
	}
	// A word too short for the typo lexicons: they stay as they were.
	replaceIn(t, p, "Breaks help.", "Breaks help zq.")
	if short, _ := cachedAndClean(t, load(), c); short.TyposMade {
		t.Error("after a new word too short for them, the typo lexicons were made again")
	}
	replaceIn(t, p, "Breaks help zq.", "Breaks help.")
	cachedAndClean(t, load(), c)
	// A word of its own for another: as many terms, not the same.
	replaceIn(t, p, "Breaks help.", "Breaks help zorblax.")
	cachedAndClean(t, load(), c)
	replaceIn(t, p, "help zorblax.", "help quuxbaz.")
	if swappedNew, _ := cachedAndClean(t, load(), c); !swappedNew.TyposMade {
		t.Error("with a new word for another, the typo lexicons were taken from the cache")
	}
	if blocker.Sections == 0 || blocker.Sections > 1 {
		t.Errorf("after a word added to a blocker, made %d sections, want that of the word alone", blocker.Sections)
	}

	// Raw HTML allowed: every body converts anew, with the same bytes,
	// so every group is analysed again.
	replaceIn(t, filepath.Join(content, "site.toml"), "", "raw_html = true\n")
	raw, _ := cachedAndClean(t, load(), c)
	if raw.Analysed != raw.Docs {
		t.Errorf("after raw_html changed, analysed %d of %d documents, want all", raw.Analysed, raw.Docs)
	}
}

// replaceIn replaces the first old in the file at p with new; an empty
// old puts new first.
func replaceIn(t *testing.T, p, old, new string) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not have %q", p, old)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// cachedAndClean builds the index of s with the cache c and without a
// cache, and fails unless both are the same files.
func cachedAndClean(t *testing.T, s *site.Site, c *cache.Cache) (cached, clean *search.Index) {
	t.Helper()
	cached, err := search.Build(s, search.Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if clean, err = search.Build(s, search.Options{}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, cached, clean)
	return cached, clean
}

// damageLastByte flips the bits of the last byte of each file in paths:
// the last section of a cache entry, which its checks must catch.
func damageLastByte(t *testing.T, paths []string) {
	t.Helper()
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		data[len(data)-1] ^= 0x55
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// maxGroup is the most documents that share an entry of the analysis
// cache (search.maxGroup).
const maxGroup = 256

// TestIncrementalNewDocument adds an update to a generated site of 1,000
// documents: the groups of the analysis cache end where their last
// document says, so only the group the new update joins is analysed
// again, not every group after it.
func TestIncrementalNewDocument(t *testing.T) {
	for _, mapped := range []bool{false, true} {
		t.Run(fmt.Sprintf("mapped=%v", mapped), func(t *testing.T) {
			t.Parallel()
			testIncrementalNewDocument(t, mapped)
		})
	}
}

func testIncrementalNewDocument(t *testing.T, mapped bool) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := corpus.Write(content, corpus.Generate(1000, 1)); err != nil {
		t.Fatal(err)
	}
	load := func() *site.Site {
		t.Helper()
		m, err := generator.Load(context.Background(), generator.Config{Content: content, Out: filepath.Join(dir, "public"), Now: corpus.Now(), NoGit: true})
		if err != nil {
			t.Fatal(err)
		}
		return m.Site
	}
	c := cache.Open(filepath.Join(dir, "cache"))
	if mapped {
		c.MapEntries()
	}
	if _, err := search.Build(load(), search.Options{Cache: c}); err != nil {
		t.Fatal(err)
	}
	update := "---\ntitle: Quarterly planning notes\nauthor: ana-souza\ndate: 2026-11-25\nstatus: on-track\n---\n## Done\n\n- Planned the quarter.\n"
	if err := os.WriteFile(filepath.Join(content, "updates", "2026-11-25-ana-souza-planning.md"), []byte(update), 0o644); err != nil {
		t.Fatal(err)
	}
	s := load()
	added, err := search.Build(s, search.Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	clean, err := search.Build(s, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, added, clean)
	sameFiles(t, buildEmitting(t, s, search.Options{}), clean)
	t.Logf("after a new update: analysed %d of %d documents", added.Analysed, added.Docs)
	if added.Analysed == 0 || added.Analysed > maxGroup {
		t.Errorf("after a new update, analysed %d of %d documents, want its group alone, at most %d", added.Analysed, added.Docs, maxGroup)
	}
	// Its words are in most sections, made again, but each takes the
	// stems of the terms it had from its last state.
	if added.Sections == 0 || added.Stemmed > clean.Stemmed/10 {
		t.Errorf("after a new update, made %d sections and stemmed %d terms, want its new terms alone (a build without a cache stems %d)", added.Sections, added.Stemmed, clean.Stemmed)
	}

	// A large site's entries are not all kept in memory: each section is
	// read back from the cache, made again once the sections the last
	// build made are gone.
	if err := os.RemoveAll(filepath.Join(dir, "cache", "search-section")); err != nil {
		t.Fatal(err)
	}
	reread, err := search.Build(s, search.Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, reread, clean)
	if reread.Analysed != 0 || reread.Sections != search.SectionCount || reread.Stemmed != clean.Stemmed {
		t.Errorf("reading sections back from the cache analysed %d documents, made %d sections and stemmed %d terms, want 0, %d and %d", reread.Analysed, reread.Sections, reread.Stemmed, search.SectionCount, clean.Stemmed)
	}

	// Damaged entries: a head fails its checksum, and its group is
	// analysed again; a section's part fails its hash when a section is
	// made from it, and the index is made again without the cache.
	// Sections taken whole from the cache read no part: they are made
	// again here, once their states are gone.
	entries, err := filepath.Glob(filepath.Join(dir, "cache", "search-analysis", "*", "*"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("no analysis entries in the cache (%v)", err)
	}
	for i, p := range entries {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// Half in the head, half in the sections.
		at := len(data) / 2
		if i%2 == 0 {
			at = 8
		}
		data[at] ^= 0x55
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	kept, err := search.Build(s, search.Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, kept, clean)
	// The typo lexicons' entry damaged, the parts it names whole: they
	// are made again.
	typos, err := filepath.Glob(filepath.Join(dir, "cache", "search-typos", "*", "*"))
	if err != nil || len(typos) == 0 {
		t.Fatalf("no typo lexicons in the cache (%v)", err)
	}
	damageLastByte(t, typos)
	if retyped := buildEmitting(t, s, search.Options{Cache: c}); !retyped.TyposMade {
		t.Error("with their entry damaged, the typo lexicons were taken from the cache")
	} else {
		sameFiles(t, retyped, clean)
	}
	if err := os.RemoveAll(filepath.Join(dir, "cache", "search-section")); err != nil {
		t.Fatal(err)
	}
	// Every entry's last section damaged, the heads the build above
	// wrote again included.
	// The files of the attempt with the cache are sent as they are
	// made, and again by the attempt without: each is sent once, and
	// none is made of a damaged memo's bytes (a document pack that the
	// attempt without the cache does not make).
	damageLastByte(t, entries)
	memos, err := filepath.Glob(filepath.Join(dir, "cache", "search-compressed", "*", "*"))
	if err != nil || len(memos) == 0 {
		t.Fatalf("no compressed parts in the cache (%v)", err)
	}
	damageLastByte(t, memos)
	repaired := buildEmitting(t, s, search.Options{Cache: c})
	sameFiles(t, repaired, clean)
	if repaired.Analysed != repaired.Docs {
		t.Errorf("with every entry damaged, analysed %d of %d documents, want all", repaired.Analysed, repaired.Docs)
	}

	// The damaged entries are gone: the next build analyses their groups
	// again and keeps them, rather than failing on them again.
	next, err := search.Build(s, search.Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, next, clean)
	if left, _ := filepath.Glob(filepath.Join(dir, "cache", "search-analysis", "*", "*")); len(left) == 0 {
		t.Error("the build after the damaged entries kept no analysis")
	}

	// A build that lets the texts go cannot analyse again: it fails, and
	// the build after it, with the damaged entry gone, does not.
	if err := os.RemoveAll(filepath.Join(dir, "cache", "search-section")); err != nil {
		t.Fatal(err)
	}
	// Some entries are those of groups the site no longer has: every
	// one is damaged.
	left, _ := filepath.Glob(filepath.Join(dir, "cache", "search-analysis", "*", "*"))
	damageLastByte(t, left)
	if _, err := search.Build(load(), search.Options{Cache: c, ReleaseText: true}); err == nil || !strings.Contains(err.Error(), "build again") {
		t.Fatalf("with damaged entries and the texts let go: %v, want an error that says to build again", err)
	}
	after, err := search.Build(load(), search.Options{Cache: c, ReleaseText: true})
	if err != nil {
		t.Fatalf("the build after damaged entries were found: %v", err)
	}
	sameFiles(t, after, clean)
}

// buildEmitting builds with Options.Emit, checks that each file is sent
// once, the manifest last, and returns the index with the files sent.
func buildEmitting(t *testing.T, s *site.Site, opts search.Options) *search.Index {
	t.Helper()
	var sent []search.File
	opts.Emit = func(f search.File) error {
		sent = append(sent, f)
		return nil
	}
	idx, err := search.Build(s, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(idx.Files) != 0 {
		t.Errorf("with Emit, Index.Files holds %d files, want none", len(idx.Files))
	}
	seen := map[string]bool{}
	for _, f := range sent {
		if seen[f.Path] {
			t.Errorf("%s sent twice", f.Path)
		}
		seen[f.Path] = true
	}
	if len(sent) == 0 || sent[len(sent)-1].Path != idx.Manifest {
		t.Errorf("the manifest %s is not the last file sent", idx.Manifest)
	}
	slices.SortFunc(sent, func(a, b search.File) int { return strings.Compare(a.Path, b.Path) })
	idx.Files = sent
	return idx
}

func sameFiles(t *testing.T, got, want *search.Index) {
	t.Helper()
	if !slices.EqualFunc(got.Files, want.Files, func(a, b search.File) bool { return a.Path == b.Path && bytes.Equal(a.Data, b.Data) }) {
		var diff []string
		for i := range min(len(got.Files), len(want.Files)) {
			if got.Files[i].Path != want.Files[i].Path || !bytes.Equal(got.Files[i].Data, want.Files[i].Data) {
				diff = append(diff, got.Files[i].Path+" "+want.Files[i].Path)
			}
		}
		t.Fatalf("the index differs from a build without cache (%d and %d files): %s", len(got.Files), len(want.Files), strings.Join(diff[:min(5, len(diff))], ", "))
	}
}

// TestReleaseText checks that an index built with ReleaseText, its
// sections read back from the cache, is the index built without it, and
// that it let go of every section's text.
func TestReleaseText(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	load := func() *site.Site {
		t.Helper()
		res, err := generator.Build(context.Background(), generator.Config{Content: "../../content", Layouts: filepath.Join(dir, "none"), Out: filepath.Join(dir, "public"), Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), NoGit: true})
		if err != nil {
			t.Fatal(err)
		}
		return res.Site
	}
	want, err := search.Build(load(), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := cache.Open(filepath.Join(dir, "cache"))
	for _, cached := range []string{"analysed", "read back"} {
		s := load()
		texts := 0
		for _, d := range s.Docs() {
			for _, sec := range d.Sections {
				if sec.Text != "" {
					texts++
				}
			}
		}
		if texts == 0 {
			t.Fatal("no section has text before the build")
		}
		got, err := search.Build(s, search.Options{Cache: c, ReleaseText: true})
		if err != nil {
			t.Fatal(err)
		}
		sameFiles(t, got, want)
		for _, d := range s.Docs() {
			for _, sec := range d.Sections {
				if sec.Text != "" {
					t.Errorf("%s: groups %s: section %q keeps its text", d.File, cached, sec.ID)
				}
			}
		}
	}
}

// TestEntriesClosed checks that a build closes the analysis entries it
// holds open while it makes the sections, when it takes them whole and
// when it finds them damaged and builds again without the cache: serve
// builds again and again in one process. Not parallel: it counts the
// process's open files (Linux's /proc/self/fd).
func TestEntriesClosed(t *testing.T) {
	open := func() int {
		t.Helper()
		fds, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skipf("cannot count open files: %v", err)
		}
		return len(fds)
	}
	open()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := corpus.Write(content, corpus.Generate(300, 1)); err != nil {
		t.Fatal(err)
	}
	m, err := generator.Load(context.Background(), generator.Config{Content: content, Out: filepath.Join(dir, "public"), Now: corpus.Now(), NoGit: true})
	if err != nil {
		t.Fatal(err)
	}
	c := cache.Open(filepath.Join(dir, "cache"))
	if _, err := search.Build(m.Site, search.Options{Cache: c}); err != nil {
		t.Fatal(err)
	}
	before := open()
	if _, err := search.Build(m.Site, search.Options{Cache: c}); err != nil {
		t.Fatal(err)
	}
	if after := open(); after != before {
		t.Errorf("a build from the cache left %d files open", after-before)
	}
	// Every entry's last section damaged, and made again: found damaged,
	// then built without the cache.
	entries, err := filepath.Glob(filepath.Join(dir, "cache", "search-analysis", "*", "*"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("no analysis entries in the cache (%v)", err)
	}
	damageLastByte(t, entries)
	if err := os.RemoveAll(filepath.Join(dir, "cache", "search-section")); err != nil {
		t.Fatal(err)
	}
	if _, err := search.Build(m.Site, search.Options{Cache: c}); err != nil {
		t.Fatal(err)
	}
	if after := open(); after != before {
		t.Errorf("a build of damaged entries left %d files open", after-before)
	}
}
