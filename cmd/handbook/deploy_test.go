package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/rhysd/actionlint"
	"golang.org/x/net/html"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/serve"
)

const repoRoot = "../.."

// TestWorkflows lints the GitHub workflows with actionlint and checks
// that they do what the README promises: build and check on main, check
// with annotations and a job summary on pull requests.
func TestWorkflows(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(repoRoot, ".github", "workflows", "*.yml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no workflows: %v", err)
	}
	var out bytes.Buffer
	linter, err := actionlint.NewLinter(&out, &actionlint.LinterOptions{Oneline: true, LogWriter: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := linter.LintFiles(files, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) > 0 {
		t.Errorf("actionlint found %d problems:\n%s", len(errs), out.String())
	}

	data, err := os.ReadFile(filepath.Join(repoRoot, ".github", "workflows", "handbook.yml"))
	if err != nil {
		t.Fatal(err)
	}
	wf, perrs := actionlint.Parse(data)
	if len(perrs) > 0 {
		t.Fatalf("parse handbook.yml: %v", perrs[0])
	}
	events := map[string]*actionlint.WebhookEvent{}
	for _, e := range wf.On {
		if w, ok := e.(*actionlint.WebhookEvent); ok {
			events[w.Hook.Value] = w
		}
	}
	if push := events["push"]; push == nil || push.Branches == nil || len(push.Branches.Values) != 1 || push.Branches.Values[0].Value != "main" {
		t.Error("the workflow does not run on pushes to main")
	}
	if events["pull_request"] == nil {
		t.Error("the workflow does not run on pull requests")
	}

	// What each kind of event runs, as "uses" and "run" lines.
	runs := map[string][]string{}
	for _, job := range wf.Jobs {
		if job.If == nil {
			t.Errorf("job %s runs on every event", job.ID.Value)
			continue
		}
		event := "push"
		if strings.Contains(job.If.Value, "pull_request") {
			event = "pull_request"
		}
		for _, s := range job.Steps {
			switch e := s.Exec.(type) {
			case *actionlint.ExecRun:
				line := e.Run.Value
				if s.If != nil {
					line = "if " + s.If.Value + ": " + line
				}
				runs[event] = append(runs[event], line)
			case *actionlint.ExecAction:
				line := "uses " + e.Uses.Value
				if d := e.Inputs["fetch-depth"]; d != nil {
					line += " fetch-depth=" + d.Value.Value
				}
				runs[event] = append(runs[event], line)
			}
		}
	}
	for event, want := range map[string][]string{
		"push":         {`uses actions/checkout@v\d+ fetch-depth=0`, `handbook" check --format github`, `handbook" build`},
		"pull_request": {`uses actions/checkout@v\d+ fetch-depth=0`, `handbook" check --format github`, `if \$\{\{ !cancelled\(\) }}: .*handbook" summary --base "origin/\$BASE_REF" >> "\$GITHUB_STEP_SUMMARY"`},
	} {
		all := strings.Join(runs[event], "\n")
		for _, re := range want {
			if !regexp.MustCompile(re).MatchString(all) {
				t.Errorf("on %s, no step matches %s; the steps are:\n%s", event, re, all)
			}
		}
	}
}

// TestNetlify reads netlify.toml as Netlify would and checks the build,
// the deploy previews and the headers.
func TestNetlify(t *testing.T) {
	t.Parallel()
	var cfg struct {
		Build struct {
			Command     string
			Publish     string
			Environment map[string]string
		}
		Context map[string]struct{ Command string }
		Headers []struct {
			For    string
			Values map[string]string
		}
	}
	md, err := toml.DecodeFile(filepath.Join(repoRoot, "netlify.toml"), &cfg)
	if err != nil {
		t.Fatal(err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		t.Errorf("netlify.toml has keys this test does not know: %v", undecoded)
	}
	if !strings.Contains(cfg.Build.Command, "./cmd/handbook build") || cfg.Build.Publish != "public" {
		t.Errorf("build: command %q, publish %q", cfg.Build.Command, cfg.Build.Publish)
	}
	gomod, _ := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	goVersion := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(gomod)
	if goVersion == nil || cfg.Build.Environment["GO_VERSION"] != string(goVersion[1]) {
		t.Errorf("GO_VERSION %q, want go.mod's %q", cfg.Build.Environment["GO_VERSION"], goVersion)
	}
	preview := cfg.Context["deploy-preview"].Command
	for _, want := range []string{"./cmd/handbook build", "--drafts", `--base-url "$DEPLOY_PRIME_URL"`} {
		if !strings.Contains(preview, want) {
			t.Errorf("deploy-preview command %q lacks %s", preview, want)
		}
	}

	headers := func(path string) map[string]string {
		out := map[string]string{}
		for _, h := range cfg.Headers {
			if h.For == path {
				for k, v := range h.Values {
					out[k] = v
				}
			}
		}
		return out
	}
	if cc := headers("/assets/*")["Cache-Control"]; !strings.Contains(cc, "immutable") || !strings.Contains(cc, "max-age=31536000") {
		t.Errorf("hashed assets: Cache-Control %q, want a year and immutable", cc)
	}
	all := headers("/*")
	csp := all["Content-Security-Policy"]
	if csp == "" || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	if csp != serve.ContentSecurityPolicy {
		t.Errorf("netlify.toml's policy differs from the dev server's:\n%s\n%s", csp, serve.ContentSecurityPolicy)
	}
	if all["X-Content-Type-Options"] != "nosniff" || all["Referrer-Policy"] == "" {
		t.Errorf("security headers: %v", all)
	}
}

// TestNoInlineScriptsOrStyles builds the example site, as published and
// as served while writing, and finds no script or style the
// Content-Security-Policy would block: no inline script or style element,
// no style or event handler attribute, no javascript: URL.
func TestNoInlineScriptsOrStyles(t *testing.T) {
	t.Parallel()
	for _, dev := range []bool{false, true} {
		out := filepath.Join(t.TempDir(), "public")
		_, err := generator.Build(context.Background(), generator.Config{Content: filepath.Join(repoRoot, "content"), Layouts: filepath.Join(t.TempDir(), "none"), Out: out, Drafts: true, Dev: dev, Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		pages := 0
		err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !strings.HasSuffix(p, ".html") {
				return err
			}
			pages++
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			for _, problem := range inline(f) {
				t.Errorf("%s (dev %v): %s", p, dev, problem)
			}
			return nil
		})
		if err != nil || pages < 100 {
			t.Fatalf("walked %d pages: %v", pages, err)
		}
	}
}

// inline lists what in an HTML page needs 'unsafe-inline'.
func inline(r io.Reader) []string {
	var out []string
	z := html.NewTokenizer(r)
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			hasSrc := false
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				switch {
				case key == "src":
					hasSrc = true
				case key == "style":
					out = append(out, "style attribute on <"+tok.Data+">")
				case strings.HasPrefix(key, "on"):
					out = append(out, key+" handler on <"+tok.Data+">")
				case (key == "href" || key == "action") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:"):
					out = append(out, "javascript: URL on <"+tok.Data+">")
				}
			}
			switch {
			case tok.Data == "style":
				out = append(out, "<style> element")
			case tok.Data == "script" && !hasSrc:
				out = append(out, "inline <script>")
			}
		}
	}
}
