package main

import (
	"bufio"
	"cmp"
	"fmt"
	"maps"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// machine describes where the figures were measured.
type machine struct {
	cpu         string
	cores       int
	memory      int64  // bytes
	load        string // 1-minute load average at the start
	loadEnd     string // and at the end
	goVersion   string
	hugoVersion string
}

// read fills in the hardware from /proc, and the load average now:
// builds measured on a busy machine are slower, for both tools.
func (m *machine) read() {
	m.cores = runtime.NumCPU()
	m.cpu = procField("/proc/cpuinfo", "model name")
	if kb, err := strconv.ParseInt(strings.TrimSuffix(procField("/proc/meminfo", "MemTotal"), " kB"), 10, 64); err == nil {
		m.memory = kb * 1024
	}
	m.load = loadAverage()
}

// loadAverage returns the 1-minute load average, or "".
func loadAverage() string {
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(data)); len(f) > 0 {
			return f[0]
		}
	}
	return ""
}

// procField returns the value of the first "key : value" line of a
// /proc file, or "".
func procField(path, key string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func (m machine) String() string {
	cpu := m.cpu
	if cpu == "" {
		cpu = runtime.GOARCH
	}
	s := fmt.Sprintf("%s, %d cores, %.0f GB memory, %s/%s; %s", cpu, m.cores, float64(m.memory)/(1<<30), runtime.GOOS, runtime.GOARCH, m.goVersion)
	if m.hugoVersion != "" {
		s += "; Hugo " + m.hugoVersion
	}
	if m.load != "" {
		s += "; load average " + m.load + " at the start"
		if m.loadEnd != "" {
			s += ", " + m.loadEnd + " at the end"
		}
	}
	return s
}

// report formats the results.
type report struct {
	results   []result
	machine   machine
	runs      int
	big       int  // runs at bigSize documents and more; 0 is runs
	cacheFlag bool // the handbook ran with -cache
	sizes     []int
	tools     []string
	git       bool // the corpora were git repositories
}

func (r report) find(tool string, docs int, scenario string) (result, bool) {
	for _, x := range r.results {
		if x.tool == tool && x.docs == docs && x.scenario == scenario {
			return x, true
		}
	}
	return result{}, false
}

// table is the Markdown for the README: the table, the ratios, the
// machine and the command.
func (r report) table() string {
	var b strings.Builder
	b.WriteString("| tool | documents | build | wall | CPU | peak RSS | output: HTML / all files, size |\n|---|---:|---|---:|---:|---:|---:|\n")
	for _, n := range r.sizes {
		for _, sc := range scenarios {
			for _, tool := range []string{"handbook", "hugo"} {
				x, ok := r.find(tool, n, sc)
				if !ok {
					continue
				}
				name := tool
				if tool == "hugo" {
					name = "Hugo"
				}
				out := ""
				if x.files > 0 {
					out = fmt.Sprintf("%s / %s, %s", thousands(x.pages), thousands(x.files), mib(x.bytes))
				}
				fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", name, thousands(n), sc, dur(x.Wall), dur(x.CPU), mib(x.RSS), out)
			}
		}
	}
	var ratios []string
	for _, n := range r.sizes {
		h, ok1 := r.find("handbook", n, full)
		g, ok2 := r.find("hugo", n, full)
		if ok1 && ok2 && g.Wall > 0 && g.RSS > 0 {
			ratios = append(ratios, fmt.Sprintf("%s documents: wall %.2f×, CPU %.2f×, peak RSS %.2f×", thousands(n),
				h.Wall.Seconds()/g.Wall.Seconds(), h.CPU.Seconds()/max(g.CPU.Seconds(), 0.001), float64(h.RSS)/float64(g.RSS)))
		}
	}
	if len(ratios) > 0 {
		fmt.Fprintf(&b, "\nhandbook / Hugo, full build: %s.\n", strings.Join(ratios, "; "))
	}
	cache := "without -cache (this binary has no such flag)"
	if r.cacheFlag {
		cache = "with its cache in -cache DIR"
	}
	runs := builds(r.runs) + " each"
	big := cmp.Or(r.big, r.runs)
	small := slices.ContainsFunc(r.sizes, func(n int) bool { return n < bigSize })
	large := slices.ContainsFunc(r.sizes, func(n int) bool { return n >= bigSize })
	switch {
	case big != r.runs && small && large:
		runs = fmt.Sprintf("%s under %s documents, %s at %s and more", builds(r.runs), thousands(bigSize), strings.ToLower(builds(big)), thousands(bigSize))
	case large:
		runs = builds(big) + " each"
	}
	hugo := ""
	if slices.Contains(r.tools, "hugo") {
		hugo = "; Hugo has no render cache, so its one-file build renders everything again"
	}
	fmt.Fprintf(&b, "\n%s, handbook %s%s. Measured on %s.\n", runs, cache, hugo, r.machine)
	var ns []string
	for _, n := range r.sizes {
		ns = append(ns, strconv.Itoa(n))
	}
	tools := ""
	if len(r.tools) == 1 {
		tools = " -tools " + r.tools[0]
	}
	if r.git {
		tools += " -git"
		fmt.Fprintf(&b, "Each corpus a git repository with a commit per document, each edit committed before its build; Hugo with --enableGitInfo.\n")
	}
	if big != r.runs {
		tools = fmt.Sprintf(" -big-runs %d", big) + tools
	}
	fmt.Fprintf(&b, "Reproduce with `go run ./generator/bench -n %s -runs %d%s`.\n", strings.Join(ns, ","), r.runs, tools)
	return b.String()
}

// builds says how figures of n builds are had: "Medians of 3 builds",
// "One build"; lower case, the rest is as it is written.
func builds(n int) string {
	if n == 1 {
		return "One build"
	}
	return fmt.Sprintf("Medians of %d builds", n)
}

// Targets of issue 12, on the machine the figures come from.
const (
	fullWallRatio     = 1.0 / 3 // of Hugo's wall time, 10k full build
	fullWallGoal      = 1.0 / 5
	fullRSSRatio      = 1.0 / 4 // of Hugo's peak RSS, 10k full build
	oneFileWall       = 300 * time.Millisecond
	noChangeWall      = 150 * time.Millisecond
	largeWall         = 60 * time.Second // 100k full build
	largeRSS          = 2 << 30
	largeCPUGrowth    = 11            // CPU at 100k over CPU at 10k, at most
	pageWeightSlack   = 1.05          // largest page of a kind, largest corpus over smallest
	medium, large     = 10000, 100000 // corpus sizes the targets name
	pageWeightMinimum = 2             // sizes needed to compare page weights
)

// targets says which of issue 12's targets the results meet, each with
// the figure measured.
func (r report) targets() string {
	var b strings.Builder
	check := func(what string, ok bool, got string) {
		verdict := "**missed**"
		if ok {
			verdict = "met"
		}
		fmt.Fprintf(&b, "- %s: %s (%s)\n", what, verdict, got)
	}
	h, okH := r.find("handbook", medium, full)
	g, okG := r.find("hugo", medium, full)
	if okH && okG && g.Wall > 0 && g.RSS > 0 {
		w, m := h.Wall.Seconds()/g.Wall.Seconds(), float64(h.RSS)/float64(g.RSS)
		check("full 10k build at most 1/3 of Hugo's wall time", w <= fullWallRatio, fmt.Sprintf("%.2f×: %s against %s", w, dur(h.Wall), dur(g.Wall)))
		check("beyond: at most 1/5 of Hugo's wall time", w <= fullWallGoal, fmt.Sprintf("%.2f×", w))
		check("full 10k build peak RSS at most 1/4 of Hugo's", m <= fullRSSRatio, fmt.Sprintf("%.2f×: %s against %s", m, mib(h.RSS), mib(g.RSS)))
	}
	for _, n := range r.sizes {
		h, ok1 := r.find("handbook", n, full)
		g, ok2 := r.find("hugo", n, full)
		if ok1 && ok2 && g.bytes > 0 {
			check(fmt.Sprintf("output at %s documents at most Hugo's bytes", thousands(n)), h.bytes <= g.bytes,
				fmt.Sprintf("%.2f×: %s against %s", float64(h.bytes)/float64(g.bytes), mib(h.bytes), mib(g.bytes)))
		}
	}
	if h, ok := r.find("handbook", medium, oneFile); ok {
		check("one file changed at 10k, warm cache, under 300 ms", h.Wall < oneFileWall, dur(h.Wall))
	}
	if h, ok := r.find("handbook", medium, newUpdate); ok {
		check("one update added at 10k, warm cache, under 300 ms", h.Wall < oneFileWall, dur(h.Wall))
	}
	if h, ok := r.find("handbook", medium, noChange); ok {
		check("no change at 10k under 150 ms", h.Wall < noChangeWall, dur(h.Wall))
	}
	if h, ok := r.find("handbook", large, full); ok {
		check("100k documents in under 60 s", h.Wall < largeWall, dur(h.Wall))
		check("100k documents in under 2 GB peak RSS", h.RSS < largeRSS, mib(h.RSS))
		if m, ok := r.find("handbook", medium, full); ok && m.CPU > 0 {
			x := h.CPU.Seconds() / m.CPU.Seconds()
			check("CPU at 100k at most 11× CPU at 10k", x <= largeCPUGrowth, fmt.Sprintf("%.1f×: %s against %s", x, dur(h.CPU), dur(m.CPU)))
		}
	}
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	b.WriteString(r.pageWeights())
	if b.Len() == 0 {
		return ""
	}
	return "\nIssue 12's targets:\n\n" + b.String()
}

// pageWeights compares the largest page of each kind the handbook wrote
// for each corpus: a page's size should depend on what it is about, not
// on how large the site is. The verdict compares the smallest corpus with
// the largest; with three sizes or more, the ratio of the last two shows
// whether a kind still grows once the smaller site fills its lists.
func (r report) pageWeights() string {
	if len(r.sizes) < pageWeightMinimum {
		return ""
	}
	var runs []result
	var sizes []int
	for _, n := range r.sizes {
		if o, ok := r.find("handbook", n, full); ok && len(o.largest) > 0 {
			runs = append(runs, o)
			sizes = append(sizes, n)
		}
	}
	if len(runs) < pageWeightMinimum {
		return ""
	}
	lo, hi := sizes[0], sizes[len(sizes)-1]
	a, z := runs[0], runs[len(runs)-1]
	var b strings.Builder
	fmt.Fprintf(&b, "Largest page of each kind (met: no heavier at %s documents than at %s, within %.0f%%):\n\n", thousands(hi), thousands(lo), (pageWeightSlack-1)*100)
	b.WriteString("| page kind |")
	for _, n := range sizes {
		fmt.Fprintf(&b, " %s |", thousands(n))
	}
	fmt.Fprintf(&b, " %s / %s |", thousands(hi), thousands(lo))
	if len(runs) > 2 {
		fmt.Fprintf(&b, " %s / %s |", thousands(hi), thousands(sizes[len(sizes)-2]))
	}
	b.WriteString(" |\n|---|")
	for range len(sizes) + 1 {
		b.WriteString("---:|")
	}
	if len(runs) > 2 {
		b.WriteString("---:|")
	}
	b.WriteString("---|\n")
	kinds := map[string]bool{}
	for _, o := range runs {
		for k := range o.largest {
			kinds[k] = true
		}
	}
	missed := 0
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		fmt.Fprintf(&b, "| %s |", k)
		for _, o := range runs {
			fmt.Fprintf(&b, " %s |", kib(o.largest[k].bytes))
		}
		x, ok := ratio(z.largest[k].bytes, a.largest[k].bytes)
		verdict := "met"
		if ok && x > pageWeightSlack {
			verdict = "**missed**"
			missed++
		}
		fmt.Fprintf(&b, " %s |", ratioCell(x, ok))
		if len(runs) > 2 {
			fmt.Fprintf(&b, " %s |", ratioCell(ratio(z.largest[k].bytes, runs[len(runs)-2].largest[k].bytes)))
		}
		fmt.Fprintf(&b, " %s |\n", verdict)
	}
	fmt.Fprintf(&b, "\nPage weight: %d of %d kinds met.\n", len(kinds)-missed, len(kinds))
	return b.String()
}

// ratio is a over b, when both are known.
func ratio(a, b int64) (float64, bool) {
	if a == 0 || b == 0 {
		return 0, false
	}
	return float64(a) / float64(b), true
}

func ratioCell(x float64, ok bool) string {
	if !ok {
		return ""
	}
	return fmt.Sprintf("%.2f×", x)
}

func kib(n int64) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f KB", float64(n)/1000)
}

// markers returns the markers around a generated part of README.md: the
// table of content outside git ("perf"), or of -git ("perf-git").
func markers(git bool) (start, end string) {
	name := "perf"
	if git {
		name = "perf-git"
	}
	return "<!-- " + name + ":start -->", "<!-- " + name + ":end -->"
}

// replaceBetween returns doc with the text between the markers replaced
// by body.
func replaceBetween(doc, body string, git bool) (string, error) {
	startMarker, endMarker := markers(git)
	i := strings.Index(doc, startMarker)
	j := strings.Index(doc, endMarker)
	if i < 0 || j < i {
		return "", fmt.Errorf("no %s ... %s markers", startMarker, endMarker)
	}
	return doc[:i+len(startMarker)] + "\n" + body + doc[j:], nil
}

func rewriteFile(path, body string, git bool) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	doc, err := replaceBetween(string(data), body, git)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, []byte(doc), 0o644)
}

// dur formats a duration as people read build times: "84 ms", "2.31 s".
func dur(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func mib(n int64) string { return fmt.Sprintf("%d MiB", (n+(1<<19))>>20) }

// thousands formats n with commas: 10,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
