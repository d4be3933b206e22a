// Command bench compares the handbook's search with Pagefind 1.6 on a
// generated site. It is a benchmark, not a test: run it by hand.
//
//	go run ./generator/search/bench -n 10000
//
// It writes a corpus of n documents with cmd/corpus, builds it (timing the
// whole build and, separately, the search index step), runs Pagefind's CLI
// (npx pagefind --site, from this folder's package-lock) on the same built
// site and adds a page with Pagefind's default UI. Then it serves the site
// on loopback, gzip-compressing responses as a CDN does and counting the
// compressed bytes of every response, and for each query drives headless
// Chromium through both searches: cold (a new browser: nothing cached;
// from focusing the box with the query typed to the results shown) and
// warm (the same query typed again in the same page). It prints a
// Markdown table for the README.
//
// Relevance is measured on the repository's example site (content/),
// built and indexed by Pagefind the same way, with the judged queries of
// generator/search/testdata/judged.txt: MRR@10 and how many queries have
// a relevant page in the top 3, for the handbook's ranking (the Go
// searcher, which applies the client's rules; see generator/e2e) and
// Pagefind's (its JavaScript API in Chromium), each query as typed.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/search"
)

var queries = []string{"latency", "shard planner", "postgres failover", "incident postmortem", "onboarding wizard", "idempotency key", "kafka", "rollout canary flag"}

func main() {
	n := flag.Int("n", 10000, "documents in the generated site")
	work := flag.String("work", ".cache/searchbench", "working folder (replaced)")
	runs := flag.Int("runs", 3, "times each measurement is repeated; the median is reported")
	relOnly := flag.Bool("relevance", false, "only measure relevance on the example site")
	flag.BoolVar(&cfg.reuse, "reuse", false, "keep the generated documents of an earlier run in the working folder")
	flag.BoolVar(&cfg.pagefind, "pagefind", true, "measure Pagefind too (false: the handbook only, and no relevance)")
	flag.BoolVar(&cfg.paths, "paths", false, "print the bytes of each file a cold query fetches")
	flag.Parse()
	if *relOnly {
		here, _ := filepath.Abs("generator/search/bench")
		if _, err := relevance(*work, here); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*n, *work, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// cfg holds the flags that change what run does.
var cfg struct{ reuse, pagefind, paths bool }

func run(n int, work string, runs int) error {
	here, err := filepath.Abs("generator/search/bench")
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(here, "package.json")); err != nil {
		return fmt.Errorf("run from the repository's root: %w", err)
	}
	contentDir, out := filepath.Join(work, "content"), filepath.Join(work, "public")
	if _, err := os.Stat(contentDir); err != nil || !cfg.reuse {
		if err := os.RemoveAll(work); err != nil {
			return err
		}
		step("generate %d documents", n)
		if err := command("", "go", "run", "./cmd/corpus", "-n", fmt.Sprint(n), "-out", contentDir); err != nil {
			return err
		}
	}

	step("build")
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	start, startCPU := time.Now(), cpu()
	res, err := generator.Build(context.Background(), generator.Config{Content: contentDir, Out: out, Layouts: filepath.Join(work, "no-layouts"), Now: now})
	if err != nil {
		return err
	}
	buildTime, buildCPU := time.Since(start), cpu()-startCPU
	// The index step is timed on its own, on the built model; CPU time
	// (all threads) is reported too, as it depends less on what else the
	// machine is doing.
	var indexTimes, indexCPUs []time.Duration
	for range runs {
		t, c := time.Now(), cpu()
		if _, err := search.Build(res.Site, search.Options{}); err != nil {
			return err
		}
		indexTimes, indexCPUs = append(indexTimes, time.Since(t)), append(indexCPUs, cpu()-c)
	}
	indexTime, indexCPU := median(indexTimes), median(indexCPUs)
	fmt.Printf("build %v (%v CPU, %d pages), index step %v (%v CPU)\n", buildTime.Round(time.Millisecond), buildCPU.Round(time.Millisecond), res.Pages, indexTime.Round(time.Millisecond), indexCPU.Round(time.Millisecond))

	var pagefindTime time.Duration
	if cfg.pagefind {
		if pagefindTime, err = runPagefind(here, out); err != nil {
			return err
		}
	}
	oursSize, oursFiles, err := du(filepath.Join(out, "search"), func(p string) bool { return !strings.HasSuffix(p, "index.html") })
	if err != nil {
		return err
	}
	jsSize, jsFiles, _ := du(filepath.Join(out, "assets"), func(p string) bool { return strings.Contains(p, "search-") })
	oursSize, oursFiles = oursSize+jsSize, oursFiles+jsFiles
	pfSize, pfFiles, _ := du(filepath.Join(out, "pagefind"), nil)
	fmt.Printf("index on disk: %.1f MB in %d files\n", mb(oursSize), oursFiles)

	step("serve and measure in Chromium")
	srv, err := serve(out)
	if err != nil {
		return err
	}
	defer srv.close()
	type row struct {
		query                  string
		oursCold, pfCold       int64
		oursColdMs, oursWarmMs float64
		pfColdMs, pfWarmMs     float64
		oursHits, pfHits       string
	}
	var rows []row
	for _, q := range queries {
		r := row{query: q}
		var oc, pc []int64
		var ocm, owm, pcm, pwm []float64
		for range runs {
			b, cold, warm, hits, err := measure(srv, "/", ours, q)
			if err != nil {
				return fmt.Errorf("ours %q: %w", q, err)
			}
			oc, ocm, owm, r.oursHits = append(oc, b), append(ocm, cold), append(owm, warm), hits
			if !cfg.pagefind {
				continue
			}
			b, cold, warm, hits, err = measure(srv, "/pagefind-ui.html", pagefind, q)
			if err != nil {
				return fmt.Errorf("pagefind %q: %w", q, err)
			}
			pc, pcm, pwm, r.pfHits = append(pc, b), append(pcm, cold), append(pwm, warm), hits
		}
		r.oursCold, r.oursColdMs, r.oursWarmMs = median(oc), median(ocm), median(owm)
		if cfg.pagefind {
			r.pfCold, r.pfColdMs, r.pfWarmMs = median(pc), median(pcm), median(pwm)
		}
		rows = append(rows, r)
		fmt.Printf("%-22q ours %6.1f KB %6.0f ms cold %5.1f ms warm (%s) | pagefind %6.1f KB %6.0f ms cold %5.1f ms warm (%s)\n",
			q, kb(r.oursCold), r.oursColdMs, r.oursWarmMs, r.oursHits, kb(r.pfCold), r.pfColdMs, r.pfWarmMs, r.pfHits)
	}

	var rel relevanceResult
	if cfg.pagefind {
		step("relevance on the example site")
		if rel, err = relevance(work, here); err != nil {
			return err
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "\nSite: %d documents (%d pages) from `go run ./cmd/corpus -n %d`; %d runs, medians; bytes are gzip-compressed response bodies.\n\n", n, res.Pages, n, runs)
	fmt.Fprintf(&b, "| | handbook | Pagefind 1.6 |\n|---|---:|---:|\n")
	fmt.Fprintf(&b, "| index on disk | %.1f MB in %d files | %.1f MB in %d files |\n", mb(oursSize), oursFiles, mb(pfSize), pfFiles)
	fmt.Fprintf(&b, "| index time | %.2f s of a %.1f s build (%.1f%%); CPU %.1f s of %.1f s (%.1f%%) | %.1f s, after the build |\n",
		indexTime.Seconds(), buildTime.Seconds(), 100*indexTime.Seconds()/buildTime.Seconds(),
		indexCPU.Seconds(), buildCPU.Seconds(), 100*indexCPU.Seconds()/buildCPU.Seconds(), pagefindTime.Seconds())
	var so, sp []int64
	var co, cp, wo, wp []float64
	for _, r := range rows {
		so, sp = append(so, r.oursCold), append(sp, r.pfCold)
		co, cp, wo, wp = append(co, r.oursColdMs), append(cp, r.pfColdMs), append(wo, r.oursWarmMs), append(wp, r.pfWarmMs)
	}
	fmt.Fprintf(&b, "| bytes per cold query (median of queries) | %.1f KB | %.1f KB |\n", kb(median(so)), kb(median(sp)))
	fmt.Fprintf(&b, "| keystroke to results, cold | %.0f ms | %.0f ms |\n", median(co), median(cp))
	fmt.Fprintf(&b, "| keystroke to results, warm | %.1f ms | %.1f ms |\n", median(wo), median(wp))
	fmt.Fprintf(&b, "| MRR@10, %d judged queries on the example site | %.3f | %.3f |\n", rel.queries, rel.ours.MRR, rel.pagefind.MRR)
	fmt.Fprintf(&b, "| right page first / in the top 3 | %d / %d | %d / %d |\n\n", rel.ours.Hit1, rel.ours.Hit3, rel.pagefind.Hit1, rel.pagefind.Hit3)
	fmt.Fprintf(&b, "| query | handbook cold | Pagefind cold | handbook warm | Pagefind warm | results (handbook / Pagefind) |\n|---|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %.1f KB, %.0f ms | %.1f KB, %.0f ms | %.1f ms | %.1f ms | %s / %s |\n", r.query, kb(r.oursCold), r.oursColdMs, kb(r.pfCold), r.pfColdMs, r.oursWarmMs, r.pfWarmMs, r.oursHits, r.pfHits)
	}
	fmt.Print(b.String())
	return os.WriteFile(filepath.Join(work, "results.md"), []byte(b.String()), 0o644)
}

// runPagefind indexes the built site in out with Pagefind's CLI and adds
// a page with its default UI; it returns the time Pagefind took.
func runPagefind(here, out string) (time.Duration, error) {
	step("pagefind")
	if _, err := os.Stat(filepath.Join(here, "node_modules", "pagefind")); err != nil {
		if err := command(here, "npm", "ci", "--no-audit", "--no-fund"); err != nil {
			return 0, err
		}
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	if err := command(here, "npx", "--no-install", "pagefind", "--site", abs); err != nil {
		return 0, err
	}
	took := time.Since(start)
	ui := `<!doctype html><html lang="en"><meta charset="utf-8"><title>Pagefind</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script>
<div id="search"></div>
<script>window.addEventListener("DOMContentLoaded", () => { new PagefindUI({ element: "#search" }); });</script>`
	if err := os.WriteFile(filepath.Join(out, "pagefind-ui.html"), []byte(ui), 0o644); err != nil {
		return 0, err
	}
	return took, nil
}

type relevanceResult struct {
	queries        int
	ours, pagefind search.Relevance
}

// relevance builds the example site into work/judged, indexes it with
// Pagefind too, and ranks the judged queries with both.
func relevance(work, here string) (relevanceResult, error) {
	var rr relevanceResult
	judged, err := search.ReadJudged("generator/search/testdata/judged.txt")
	if err != nil {
		return rr, err
	}
	rr.queries = len(judged)
	out := filepath.Join(work, "judged", "public")
	res, err := generator.Build(context.Background(), generator.Config{Content: "content", Out: out, Layouts: filepath.Join(work, "no-layouts"), Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		return rr, err
	}
	idx, err := search.Build(res.Site, search.Options{})
	if err != nil {
		return rr, err
	}
	s, err := search.Open(idx)
	if err != nil {
		return rr, err
	}
	var ours, theirs [][]string
	var qs []string
	for _, j := range judged {
		r, err := s.Search(search.Query{Text: j.Query})
		if err != nil {
			return rr, err
		}
		var urls []string
		for _, h := range r.Hits[:min(10, len(r.Hits))] {
			urls = append(urls, h.URL)
		}
		ours = append(ours, urls)
		qs = append(qs, j.Query)
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return rr, err
	}
	if err := command(here, "npx", "--no-install", "pagefind", "--site", abs); err != nil {
		return rr, err
	}
	srv, err := serve(out)
	if err != nil {
		return rr, err
	}
	defer srv.close()
	dir, err := os.MkdirTemp("", "searchbench-chromium-")
	if err != nil {
		return rr, err
	}
	defer os.RemoveAll(dir)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium()), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(dir))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()
	ctx, cancelC := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelC()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.base+"/")); err != nil {
		return rr, err
	}
	js := `(async (qs) => {
		const pf = await import("/pagefind/pagefind.js");
		await pf.init();
		const out = [];
		for (const q of qs) {
			const r = await pf.search(q);
			const d = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
			out.push(d.map((x) => x.url));
		}
		return out;
	})(` + quote(strings.Join(qs, "\n")) + `.split("\n"))`
	theirs, err = chromedp.Run(ctx, chromedp.Evaluate[[][]string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return rr, fmt.Errorf("pagefind: %w", err)
	}
	for i, urls := range theirs {
		for k, u := range urls {
			u = strings.TrimSuffix(strings.SplitN(u, "#", 2)[0], "index.html")
			urls[k] = u
		}
		fmt.Printf("%-36q ours %d, pagefind %d\n", qs[i], judged[i].Rank(ours[i]), judged[i].Rank(urls))
	}
	rr.ours, rr.pagefind = search.Measure(judged, ours), search.Measure(judged, theirs)
	fmt.Printf("MRR@10 ours %.3f, pagefind %.3f\n", rr.ours.MRR, rr.pagefind.MRR)
	return rr, nil
}

// cpu returns the CPU time the process has used, user and system.
func cpu() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func step(format string, args ...any) { fmt.Fprintf(os.Stderr, "== "+format+"\n", args...) }

func command(dir, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
	}
	return nil
}

func du(dir string, keep func(string) bool) (int64, int, error) {
	var size int64
	files := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (keep != nil && !keep(p)) {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		size += info.Size()
		files++
		return nil
	})
	return size, files, err
}

func median[T int64 | float64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func kb(n int64) float64 { return float64(n) / 1024 }
func mb(n int64) float64 { return float64(n) / (1024 * 1024) }

// server serves the site, gzip-compressing each response when that makes
// it smaller (files already compressed go as they are), and counts the
// bytes sent for each path.
type server struct {
	srv   *http.Server
	base  string
	mu    sync.Mutex
	bytes map[string]int64
}

func serve(dir string) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &server{base: "http://" + ln.Addr().String(), bytes: map[string]int64{}}
	files := http.FileServer(http.Dir(dir))
	s.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &recorder{header: http.Header{}}
		files.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.Header().Del("Content-Length")
		w.Header().Set("Cache-Control", "public, max-age=31536000")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && len(body) > 0 {
			var z bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&z, 6)
			zw.Write(body)
			zw.Close()
			if z.Len() < len(body) {
				body = z.Bytes()
				w.Header().Set("Content-Encoding", "gzip")
			}
		}
		s.mu.Lock()
		s.bytes[r.URL.Path] += int64(len(body))
		s.mu.Unlock()
		w.WriteHeader(rec.status)
		w.Write(body)
	})}
	go s.srv.Serve(ln)
	return s, nil
}

func (s *server) close() { s.srv.Close() }

// take returns and clears the byte counts of paths matching keep.
func (s *server) take(keep func(string) bool) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	var n int64
	for p, b := range s.bytes {
		if keep(p) {
			n += b
		}
	}
	clear(s.bytes)
	return n
}

// print lists the byte counts of paths matching keep, largest first.
func (s *server) print(keep func(string) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var paths []string
	for p := range s.bytes {
		if keep(p) {
			paths = append(paths, p)
		}
	}
	sort.Slice(paths, func(i, j int) bool { return s.bytes[paths[i]] > s.bytes[paths[j]] })
	for _, p := range paths {
		fmt.Printf("\t%6d %s\n", s.bytes[p], p)
	}
}

type recorder struct {
	header http.Header
	body   bytes.Buffer
	status int
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(code int)        { r.status = code }

// engine says how to drive one search UI.
type engine struct {
	input string // the search box
	// done is a JS predicate (with q bound) for "results for q are shown".
	done string
	// hits is a JS expression for the number of results found.
	hits string
	// counts reports whether a path is part of the search's downloads.
	counts func(string) bool
}

var ours = engine{
	input: ".site-search input[name=q]",
	done:  `document.querySelector(".site-search").dataset.searchDone === q && document.querySelectorAll(".search-panel [data-search-result]").length > 0`,
	hits:  `(document.querySelector(".search-all")?.textContent.match(/[\d,]+/) || [String(document.querySelectorAll(".search-panel [data-search-result]").length)])[0].replaceAll(",", "")`,
	counts: func(p string) bool {
		return strings.HasPrefix(p, "/search/") || strings.HasPrefix(p, "/assets/search-")
	},
}

var pagefind = engine{
	input: ".pagefind-ui__search-input",
	done: `(() => {
		const m = document.querySelector(".pagefind-ui__message");
		const links = document.querySelectorAll(".pagefind-ui__result-link");
		return !!m && m.textContent.includes(q) && links.length > 0 && [...links].every(a => a.textContent.trim() !== "");
	})()`,
	hits:   `(document.querySelector(".pagefind-ui__message")?.textContent.match(/[\d,]+/) || ["0"])[0].replaceAll(",", "")`,
	counts: func(p string) bool { return strings.HasPrefix(p, "/pagefind/") },
}

// typeJS enters q in the box as one input event and resolves with the
// milliseconds until the engine shows results for it, counted from the
// click that focused the box when clicked is true.
const typeJS = `(async (sel, q, clicked) => {
	const input = document.querySelector(sel);
	const t0 = clicked ? window.benchT0 : performance.now();
	input.value = q;
	input.dispatchEvent(new Event("input", { bubbles: true }));
	input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: q.slice(-1) }));
	const done = () => { %s };
	while (!done()) {
		if (performance.now() - t0 > 30000) throw new Error("no results for " + q);
		await new Promise(r => requestAnimationFrame(r));
	}
	return performance.now() - t0;
})`

// measure loads page in a new browser, counts the search's bytes for q
// typed cold, then the time for q typed again warm.
func measure(s *server, page string, e engine, q string) (int64, float64, float64, string, error) {
	dir, err := os.MkdirTemp("", "searchbench-chromium-")
	if err != nil {
		return 0, 0, 0, "", err
	}
	defer os.RemoveAll(dir)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium()),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(dir),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()
	ctx, cancelC := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelC()
	if err := chromedp.Do(ctx, chromedp.Navigate(s.base+page), chromedp.WaitVisible(e.input)); err != nil {
		return 0, 0, 0, "", err
	}
	// Pagefind's UI script loads with its page; count it as part of its
	// search. The handbook loads its client on focus, counted below.
	before := int64(0)
	if e.counts("/pagefind/") {
		before = s.take(e.counts)
	} else {
		s.take(func(string) bool { return false })
	}
	js := fmt.Sprintf(typeJS, "return "+e.done+";")
	// Cold: a real click focuses the box (the handbook loads its client
	// then); the query arrives as the reader types it.
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`window.benchT0 = performance.now()`),
		chromedp.Click(e.input),
	)
	if err != nil {
		return 0, 0, 0, "", err
	}
	cold, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(`%s(%s, %s, true)`, js, quote(e.input), quote(q)), chromedp.EvalAwaitPromise))
	if err != nil {
		return 0, 0, 0, "", err
	}
	time.Sleep(300 * time.Millisecond) // late fetches (more fragments) still count
	if cfg.paths && e.input == ours.input {
		s.print(e.counts)
	}
	bytes := before + s.take(e.counts)
	hits, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`String(`+e.hits+`)`))
	clearJS := fmt.Sprintf(`(() => { const i = document.querySelector(%s); i.value = ""; i.dispatchEvent(new Event("input", { bubbles: true })); })()`, quote(e.input))
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](clearJS), chromedp.Sleep(500*time.Millisecond)); err != nil {
		return 0, 0, 0, "", err
	}
	warm, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(`%s(%s, %s, false)`, js, quote(e.input), quote(q)), chromedp.EvalAwaitPromise))
	if err != nil {
		return 0, 0, 0, "", err
	}
	return bytes, cold, warm, hits, nil
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func chromium() string {
	if p := os.Getenv("HANDBOOK_CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	return "chromium"
}
