// Package e2e runs browser tests against built sites in a real headless
// Chromium, through chromedp. Tests skip with a message when Chromium is
// not installed, unless HANDBOOK_E2E=1 says they must run (CI sets it
// after installing Debian's chromium).
package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Required reports whether browser tests must run rather than skip.
func Required() bool { return os.Getenv("HANDBOOK_E2E") == "1" }

// ChromiumPath returns the browser to drive: $HANDBOOK_CHROMIUM, else
// /usr/bin/chromium, else chromium or google-chrome on PATH.
func ChromiumPath() string {
	if p := os.Getenv("HANDBOOK_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Browser starts a headless Chromium for the test and returns a context to
// run chromedp actions in; it is closed when the test ends. Without
// Chromium the test is skipped, or fails when Required.
func Browser(t testing.TB) context.Context {
	t.Helper()
	path := ChromiumPath()
	if path == "" {
		if Required() {
			t.Fatal("HANDBOOK_E2E=1 but no Chromium found (install Debian's chromium or set HANDBOOK_CHROMIUM)")
		}
		t.Skip("browser test skipped: Chromium is not installed (apt-get install chromium, or set HANDBOOK_CHROMIUM)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	// Chromium now and then exits as it starts when many start at once
	// (the tests run in parallel): it gets three tries.
	var err error
	for range 3 {
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), append(opts, chromedp.UserDataDir(t.TempDir()))...)
		ctx, cancelB := chromedp.NewContext(actx)
		ctx, cancelC := context.WithTimeout(ctx, 2*time.Minute)
		if err = chromedp.Do(ctx); err == nil {
			t.Cleanup(func() { cancelC(); cancelB(); cancelA() })
			return ctx
		}
		cancelC()
		cancelB()
		cancelA()
	}
	t.Fatalf("start Chromium %s: %v", path, err)
	return nil
}

// Serve serves dir over HTTP on loopback for the test and returns its
// base URL, without a final slash.
func Serve(t testing.TB, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}

// RepoRoot returns the repository's root: the nearest folder above the
// working directory (a test's package folder) that holds go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// NodeModules returns the folder of the npm packages the browser tests
// use (axe-core, html-validate), which .ci/run installs with npm ci from
// .ci/e2e/package-lock.json. Without it the test is skipped, or fails
// when Required.
func NodeModules(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(RepoRoot(t), ".ci", "e2e", "node_modules")
	if _, err := os.Stat(filepath.Join(dir, ".package-lock.json")); err != nil {
		const msg = "no npm packages in .ci/e2e/node_modules (run: npm ci --prefix .ci/e2e)"
		if Required() {
			t.Fatal("HANDBOOK_E2E=1 but " + msg)
		}
		t.Skip("test skipped: " + msg)
	}
	return dir
}

// Node returns the path of the node binary, for the npm tools. Without it
// the test is skipped, or fails when Required.
func Node(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		if Required() {
			t.Fatal("HANDBOOK_E2E=1 but node is not on the PATH")
		}
		t.Skip("test skipped: node is not on the PATH")
	}
	return p
}
