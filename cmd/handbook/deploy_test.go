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
	"github.com/handbook/handbook/generator/scaffold"
	"github.com/handbook/handbook/generator/serve"
	"github.com/handbook/handbook/generator/sitetest"
)

const repoRoot = "../.."

// TestWorkflows lints this repository's GitHub workflows and the ones
// "handbook init" writes for a content-only repository with actionlint,
// and checks that they do what the README promises: build and check on
// main, check with annotations and a job summary on pull requests.
func TestWorkflows(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(repoRoot, ".github", "workflows", "*.yml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no workflows: %v", err)
	}
	starter := initSite(t, "v1.2.3")
	started, _ := filepath.Glob(filepath.Join(starter, ".github", "workflows", "*.yml"))
	if len(started) != 2 {
		t.Fatalf("init wrote workflows %v, want handbook.yml and pages.yml", started)
	}
	lint(t, append(files, started...))

	// This repository builds handbook from its own source; a content
	// repository installs the pinned version.
	for _, tc := range []struct {
		file, handbook string
	}{
		{filepath.Join(repoRoot, ".github", "workflows", "handbook.yml"), `"\$RUNNER_TEMP/handbook"`},
		{filepath.Join(starter, ".github", "workflows", "handbook.yml"), `handbook`},
	} {
		wf := parseWorkflow(t, tc.file)
		events := map[string]*actionlint.WebhookEvent{}
		for _, e := range wf.On {
			if w, ok := e.(*actionlint.WebhookEvent); ok {
				events[w.Hook.Value] = w
			}
		}
		if push := events["push"]; push == nil || push.Branches == nil || len(push.Branches.Values) != 1 || push.Branches.Values[0].Value != "main" {
			t.Errorf("%s does not run on pushes to main", tc.file)
		}
		if events["pull_request"] == nil {
			t.Errorf("%s does not run on pull requests", tc.file)
		}
		runs := stepsByEvent(t, wf)
		hb := tc.handbook
		for event, want := range map[string][]string{
			"push":         {`uses actions/checkout@v\d+ fetch-depth=0`, `(?m)^` + hb + ` check --format github$`, `(?m)^` + hb + ` build$`},
			"pull_request": {`uses actions/checkout@v\d+ fetch-depth=0`, `(?m)^` + hb + ` check --format github$`, `if \$\{\{ !cancelled\(\) }}: ` + hb + ` summary --base "origin/\$BASE_REF" >> "\$GITHUB_STEP_SUMMARY"`},
		} {
			all := strings.Join(runs[event], "\n")
			for _, re := range want {
				if !regexp.MustCompile(re).MatchString(all) {
					t.Errorf("%s: on %s, no step matches %s; the steps are:\n%s", tc.file, event, re, all)
				}
			}
		}
	}

	// The content repository's jobs install the version init pinned, with
	// Go's caches keyed on a file the repository has.
	for _, name := range []string{"handbook.yml", "pages.yml"} {
		file := filepath.Join(starter, ".github", "workflows", name)
		wf := parseWorkflow(t, file)
		if v := wf.Env.Vars["handbook_version"]; v == nil || v.Value.Value != "v1.2.3" {
			t.Errorf("%s does not pin HANDBOOK_VERSION to v1.2.3", name)
		}
		for _, job := range wf.Jobs {
			installs := false
			for _, s := range job.Steps {
				switch e := s.Exec.(type) {
				case *actionlint.ExecRun:
					installs = installs || strings.Contains(e.Run.Value, `go install "github.com/handbook/handbook/cmd/handbook@$HANDBOOK_VERSION"`)
				case *actionlint.ExecAction:
					if !strings.HasPrefix(e.Uses.Value, "actions/setup-go@") {
						continue
					}
					if v := e.Inputs["go-version"]; v == nil || v.Value.Value != goModVersion(t) {
						t.Errorf("%s: setup-go does not install go.mod's Go %s", name, goModVersion(t))
					}
					dep := e.Inputs["cache-dependency-path"]
					if dep == nil {
						t.Errorf("%s: setup-go has no cache-dependency-path, and a content repository has no go.sum", name)
					} else if _, err := os.Stat(filepath.Join(starter, dep.Value.Value)); err != nil {
						t.Errorf("%s: setup-go's cache-dependency-path: %v", name, err)
					}
				}
			}
			if job.ID.Value != "deploy" && !installs {
				t.Errorf("%s: job %s does not go install the pinned handbook", name, job.ID.Value)
			}
		}
	}
}

// TestPagesWorkflow checks that the GitHub Pages workflow init writes
// builds with the base URL configure-pages gives, which carries a project
// site's /<repository>/ path, and deploys with the official actions.
func TestPagesWorkflow(t *testing.T) {
	t.Parallel()
	wf := parseWorkflow(t, filepath.Join(initSite(t, ""), ".github", "workflows", "pages.yml"))
	for _, scope := range []string{"pages", "id-token"} {
		if p := wf.Permissions.Scopes[scope]; p == nil || p.Value.Value != "write" {
			t.Errorf("permission %s is not write", scope)
		}
	}
	if v := wf.Env.Vars["handbook_version"]; v == nil || v.Value.Value != "latest" {
		t.Errorf("a build from source pins no version; HANDBOOK_VERSION should be latest")
	}
	build, deploy := wf.Jobs["build"], wf.Jobs["deploy"]
	if build == nil || deploy == nil {
		t.Fatalf("jobs %v, want build and deploy", wf.Jobs)
	}
	var uses []string
	configured, built, uploaded := "", false, false
	for _, s := range build.Steps {
		switch e := s.Exec.(type) {
		case *actionlint.ExecAction:
			uses = append(uses, e.Uses.Value)
			if strings.HasPrefix(e.Uses.Value, "actions/configure-pages@") && s.ID != nil {
				configured = s.ID.Value
			}
			if strings.HasPrefix(e.Uses.Value, "actions/upload-pages-artifact@") {
				uploaded = e.Inputs["path"] != nil && strings.TrimSuffix(e.Inputs["path"].Value.Value, "/") == "public"
			}
		case *actionlint.ExecRun:
			if strings.Contains(e.Run.Value, `handbook build --base-url "$BASE_URL"`) {
				base := s.Env.Vars["base_url"]
				built = configured != "" && base != nil && base.Value.Value == "${{ steps."+configured+".outputs.base_url }}"
			}
		}
	}
	if configured == "" || !built || !uploaded {
		t.Errorf("build job: configure-pages step id %q, builds with its base_url %v, uploads public/ %v; it uses %v", configured, built, uploaded, uses)
	}
	if len(deploy.Needs) != 1 || deploy.Needs[0].Value != "build" || deploy.Environment == nil || deploy.Environment.Name.Value != "github-pages" {
		t.Errorf("deploy job: needs %v, environment %+v", deploy.Needs, deploy.Environment)
	}
	if len(deploy.Steps) != 1 || !strings.HasPrefix(deploy.Steps[0].Exec.(*actionlint.ExecAction).Uses.Value, "actions/deploy-pages@") {
		t.Errorf("deploy job does not use actions/deploy-pages")
	}
}

// initSite runs "handbook init" into a new folder with the given
// version pinned, and returns the folder.
func initSite(t *testing.T, version string) string {
	t.Helper()
	files, err := scaffold.Site(scaffold.Starter{Name: "Ana Souza", Email: "ana@example.com", Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), Version: version})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		if err := createNew(filepath.Join(dir, filepath.FromSlash(f.Path)), f.Data); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func lint(t *testing.T, files []string) {
	t.Helper()
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
}

func parseWorkflow(t *testing.T, file string) *actionlint.Workflow {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	wf, perrs := actionlint.Parse(data)
	if len(perrs) > 0 {
		t.Fatalf("parse %s: %v", file, perrs[0])
	}
	return wf
}

// stepsByEvent lists what each kind of event runs, as "uses" and "run"
// lines, telling jobs apart by their "if".
func stepsByEvent(t *testing.T, wf *actionlint.Workflow) map[string][]string {
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
	return runs
}

func goModVersion(t *testing.T) string {
	gomod, err := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(gomod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	return string(m[1])
}

// TestNetlify reads this repository's netlify.toml and the one "handbook
// init" writes as Netlify would, and checks the build, the deploy
// previews and the headers. This repository builds from its own source;
// a content repository runs the version init pinned.
func TestNetlify(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ file, command string }{
		{filepath.Join(repoRoot, "netlify.toml"), "go run ./cmd/handbook build"},
		{filepath.Join(initSite(t, "v1.2.3"), "netlify.toml"), `go run "github.com/handbook/handbook/cmd/handbook@$HANDBOOK_VERSION" build`},
	} {
		t.Run(filepath.Base(filepath.Dir(tc.file)), func(t *testing.T) { checkNetlify(t, tc.file, tc.command) })
	}
}

func checkNetlify(t *testing.T, file, command string) {
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
	md, err := toml.DecodeFile(file, &cfg)
	if err != nil {
		t.Fatal(err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		t.Errorf("netlify.toml has keys this test does not know: %v", undecoded)
	}
	if cfg.Build.Command != command || cfg.Build.Publish != "public" {
		t.Errorf("build: command %q, publish %q; want %q, public", cfg.Build.Command, cfg.Build.Publish, command)
	}
	if v := cfg.Build.Environment["GO_VERSION"]; v != goModVersion(t) {
		t.Errorf("GO_VERSION %q, want go.mod's %q", v, goModVersion(t))
	}
	if strings.Contains(command, "$HANDBOOK_VERSION") && cfg.Build.Environment["HANDBOOK_VERSION"] != "v1.2.3" {
		t.Errorf("HANDBOOK_VERSION %q, want the pinned v1.2.3", cfg.Build.Environment["HANDBOOK_VERSION"])
	}
	preview := cfg.Context["deploy-preview"].Command
	for _, want := range []string{command, "--drafts", `--base-url "$DEPLOY_PRIME_URL"`} {
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

// TestPagesProjectSite builds a new site and the example as the Pages
// workflow does for a project site, with configure-pages' base_url (no
// final slash), and checks that every root-relative reference in every
// page, style sheet, feed and index starts with the repository's path,
// every absolute one on the host too, and that a crawl finds nothing
// broken.
func TestPagesProjectSite(t *testing.T) {
	t.Parallel()
	const base = "https://example.github.io/repo"
	example := t.TempDir()
	if code, _, errOut := runCmd(t, "init", "--example", example); code != 0 {
		t.Fatalf("init --example: %s", errOut)
	}
	for name, dir := range map[string]string{"new": initSite(t, ""), "example": example} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(dir, "public")
			code, stdout, errOut := runCmd(t, "build", "--content", filepath.Join(dir, "content"), "--layouts", filepath.Join(dir, "none"),
				"--out", out, "--cache", "", "--base-url", base, "--now", "2026-11-25")
			if code != 0 {
				t.Fatalf("build: exit %d\n%s%s", code, stdout, errOut)
			}
			rootRef := regexp.MustCompile(`(?:href|src|action|content|srcset|data-[a-z-]+)="(/[^"]*)"|url\(["']?(/[^)"']*)`)
			absRef := regexp.MustCompile(`https?://example\.github\.io[^\s"'<>)]*`)
			checked := 0
			err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				switch filepath.Ext(p) {
				case ".html", ".css", ".xml", ".json", ".ics", ".txt", ".webmanifest":
				default:
					return nil
				}
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(out, p)
				// Calendars fold lines longer than 75 bytes.
				text := strings.ReplaceAll(string(data), "\r\n ", "")
				for _, m := range rootRef.FindAllStringSubmatch(text, -1) {
					ref := m[1] + m[2]
					checked++
					// The search client puts its base path before the
					// paths in the index, each starting with a slash.
					if strings.HasPrefix(m[0], "data-search-base=") && ref == "/repo" {
						continue
					}
					if !strings.HasPrefix(ref, "/repo/") && !strings.HasPrefix(ref, "//") {
						t.Errorf("%s: %q does not start with /repo/", rel, ref)
					}
				}
				for _, ref := range absRef.FindAllString(text, -1) {
					checked++
					if !strings.HasPrefix(ref, base+"/") {
						t.Errorf("%s: %q is not under %s/", rel, ref, base)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if checked < 100 {
				t.Errorf("checked only %d references", checked)
			}
			rep, err := sitetest.Crawl(os.DirFS(out), base+"/")
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range rep.Lines() {
				t.Error(p)
			}
		})
	}
}
