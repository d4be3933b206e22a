package main

import (
	"bufio"
	"fmt"
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
	cacheFlag bool // the handbook ran with -cache
	sizes     []int
	tools     []string
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
	runs := fmt.Sprintf("Medians of %d builds each", r.runs)
	if r.runs == 1 {
		runs = "One build each"
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
	fmt.Fprintf(&b, "Reproduce with `go run ./generator/bench -n %s -runs %d%s`.\n", strings.Join(ns, ","), r.runs, tools)
	return b.String()
}

// targets says which of issue 5's targets the results meet.
func (r report) targets() string {
	var b strings.Builder
	check := func(what string, ok bool, got string) {
		verdict := "NOT MET"
		if ok {
			verdict = "met"
		}
		fmt.Fprintf(&b, "- %s: %s (%s)\n", what, verdict, got)
	}
	if h, ok := r.find("handbook", 10000, full); ok {
		if g, ok := r.find("hugo", 10000, full); ok {
			w, m := h.Wall.Seconds()/g.Wall.Seconds(), float64(h.RSS)/float64(g.RSS)
			check("full 10k build at most 1/5 of Hugo's wall time", w <= 0.2, fmt.Sprintf("%.2f×", w))
			check("full 10k build peak RSS at most 1/3 of Hugo's", m <= 1.0/3, fmt.Sprintf("%.2f×", m))
		}
	}
	if h, ok := r.find("handbook", 10000, oneFile); ok {
		check("one-file rebuild of 10k with a warm cache under 300 ms", h.Wall < 300*time.Millisecond, dur(h.Wall))
	}
	if h, ok := r.find("handbook", 100000, full); ok {
		check("100k documents build in under 60 s", h.Wall < 60*time.Second, dur(h.Wall)+", "+mib(h.RSS))
	}
	if b.Len() == 0 {
		return ""
	}
	return "\nIssue 5's targets:\n" + b.String()
}

// Markers around the generated part of README.md.
const (
	startMarker = "<!-- perf:start -->"
	endMarker   = "<!-- perf:end -->"
)

// replaceBetween returns doc with the text between the markers replaced
// by body.
func replaceBetween(doc, body string) (string, error) {
	i := strings.Index(doc, startMarker)
	j := strings.Index(doc, endMarker)
	if i < 0 || j < i {
		return "", fmt.Errorf("no %s ... %s markers", startMarker, endMarker)
	}
	return doc[:i+len(startMarker)] + "\n" + body + doc[j:], nil
}

func rewriteFile(path, body string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	doc, err := replaceBetween(string(data), body)
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
