// Package serve is the dev server behind handbook serve: it builds the site
// into memory, serves it, watches the content and layouts folders, rebuilds
// when a file changes and tells open pages to reload. A broken edit does not
// stop it: the last good build stays up and every open page shows the
// problems in an overlay until they are fixed.
//
// The pipeline itself knows nothing of this: Build and Render never see a
// file event. The client is an external script (client/live.js), so pages
// keep a Content-Security-Policy without 'unsafe-inline' while writing.
package serve

import (
	"bytes"
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/gitinfo"
	"github.com/handbook/handbook/generator/render"
)

// Prefix is the path under which the server serves its own files; no site
// path starts with it.
const Prefix = "/_handbook/"

// ContentSecurityPolicy is the policy the dev server sends, the same one
// netlify.toml gives the published site, so that an inline script or style
// shows up while writing rather than after deploying.
const ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: https:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

//go:embed client
var client embed.FS

// Options configure a dev server.
type Options struct {
	// Config is the site to build. The server sets Dev, and BaseURL to
	// its own address. When Now is zero, builds are as of when the server
	// started, taken anew after an hour: pages that show the time would
	// otherwise all change with every save, and a save should rebuild only
	// what it changes.
	Config generator.Config
	// Log receives one line per build and the problems of failed ones.
	Log io.Writer
	// Debounce is how long the files must be quiet before a rebuild, so
	// that an editor's save (write, rename, chmod) rebuilds once. Default
	// 100ms.
	Debounce time.Duration
}

// Server serves the latest good build and reports on the latest build.
type Server struct {
	opts Options
	id   string // tells builds of this server from a restarted one's

	mu       sync.RWMutex
	files    map[string][]byte // output path -> data, of the last good build
	outs     []render.Output   // the same, with the keys of their inputs
	now      time.Time         // the time builds are as of, when Config.Now is zero
	problems diag.List         // of the last build, when it failed
	failure  string            // a failure that is not about content, such as a layout error
	version  int
	clients  map[chan event]bool
}

type event struct {
	name string
	data any
}

// New returns a server for opts. It builds nothing until Serve or Rebuild.
func New(opts Options) *Server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Debounce == 0 {
		opts.Debounce = 100 * time.Millisecond
	}
	opts.Config.Dev = true
	var b [6]byte
	rand.Read(b[:])
	return &Server{opts: opts, id: hex.EncodeToString(b[:]), clients: map[chan event]bool{}}
}

// Serve builds the site, serves it on ln and rebuilds on every change
// until ctx is done. The site's base URL becomes the listener's address.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.opts.Config.BaseURL = "http://" + ln.Addr().String() + "/"
	if !s.opts.Config.NoGit && s.opts.Config.Git == nil {
		// Commits do not happen while writing often enough to read the
		// history on every save.
		s.opts.Config.Git = gitinfo.ReadCached(ctx, s.opts.Config.Content, s.opts.Config.OpenCache())
	}
	w, err := newWatcher(s.opts.Config.Content, s.opts.Config.Layouts)
	if err != nil {
		return err
	}
	defer w.close()
	s.Rebuild(ctx, nil)

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	go w.run(ctx, s.opts.Debounce, func(changed []string) { s.Rebuild(ctx, changed) })

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.closeClients()
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// Rebuild builds the site and tells the open pages: to reload, to swap
// their stylesheets when only CSS changed, or what the problems are. The
// last good build stays served when this one fails.
func (s *Server) Rebuild(ctx context.Context, changed []string) {
	start := time.Now()
	cfg := s.opts.Config
	if cfg.Now.IsZero() {
		if start.Sub(s.now) > time.Hour {
			s.now = start
		}
		cfg.Now = s.now
	}
	s.mu.RLock()
	prev := s.outs
	s.mu.RUnlock()
	res, outs, err := generator.RenderFrom(ctx, cfg, prev)
	if ctx.Err() != nil {
		return
	}
	for _, d := range res.Diagnostics {
		fmt.Fprintln(s.opts.Log, d)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.problems = res.Diagnostics
		s.failure = ""
		var list diag.ErrorList
		if !errors.As(err, &list) {
			s.failure = err.Error()
			fmt.Fprintf(s.opts.Log, "rebuild failed: %v\n", err)
		}
		fmt.Fprintf(s.opts.Log, "rebuild failed: %d errors; still serving the last good build\n", res.Diagnostics.Errors())
		s.broadcast(event{"problems", s.statusLocked()})
		return
	}
	files := make(map[string][]byte, len(outs))
	for _, o := range outs {
		files[o.Path] = o.Data
	}
	s.files, s.outs, s.problems, s.failure = files, outs, nil, ""
	s.version++
	fmt.Fprintf(s.opts.Log, "built %d pages (%d pages and feed files made again), %d warnings in %s\n", res.Pages, res.Rendered, res.Diagnostics.Warnings(), time.Since(start).Round(time.Millisecond))
	if len(changed) > 0 && onlyCSS(changed) {
		s.broadcast(event{"css", s.statusLocked()})
		return
	}
	s.broadcast(event{"reload", s.statusLocked()})
}

func onlyCSS(paths []string) bool {
	for _, p := range paths {
		if path.Ext(p) != ".css" {
			return false
		}
	}
	return true
}

// Status is what the server tells pages about the latest build.
type Status struct {
	Build    string    `json:"build"` // changes with every good build
	OK       bool      `json:"ok"`
	Problems []Problem `json:"problems"`
	// Styles are the hrefs of the site's stylesheets, for swapping them
	// without a reload.
	Styles []string `json:"styles"`
}

// Problem is one diagnostic, as the overlay shows it.
type Problem struct {
	Pos      string `json:"pos"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func (s *Server) statusLocked() Status {
	st := Status{Build: fmt.Sprintf("%s-%d", s.id, s.version), OK: s.problems.Errors() == 0 && s.failure == "", Problems: []Problem{}, Styles: []string{}}
	for _, d := range s.problems {
		st.Problems = append(st.Problems, Problem{Pos: d.Pos.String(), Severity: d.Severity.String(), Message: d.Msg})
	}
	if s.failure != "" {
		st.Problems = append(st.Problems, Problem{Pos: "layouts", Severity: "error", Message: s.failure})
	}
	for p := range s.files {
		if strings.HasPrefix(p, "assets/") && path.Ext(p) == ".css" {
			st.Styles = append(st.Styles, "/"+p)
		}
	}
	return st
}

// Status reports on the latest build.
func (s *Server) Status() Status {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.statusLocked()
}

func (s *Server) broadcast(e event) {
	for c := range s.clients {
		select {
		case c <- e:
		default: // a stalled page gets the next event instead
		}
	}
}

func (s *Server) closeClients() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		close(c)
		delete(s.clients, c)
	}
}

// ServeHTTP serves the site, the client files and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Security-Policy", ContentSecurityPolicy)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case Prefix + "events":
		s.events(w, r)
		return
	case Prefix + "status":
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(s.Status())
		return
	}
	if name, ok := strings.CutPrefix(r.URL.Path, Prefix); ok {
		data, err := client.ReadFile("client/" + name)
		if err != nil || strings.Contains(name, "/") {
			http.NotFound(w, r)
			return
		}
		serveData(w, r, name, data)
		return
	}
	s.site(w, r)
}

func (s *Server) site(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	files, problems := s.files, s.statusLocked()
	s.mu.RUnlock()
	if files == nil {
		// No build has worked yet: a page that shows why and reloads
		// when it does.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		failedPage.Execute(w, problems)
		return
	}
	p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") && p != "" {
		p += "/"
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	if data, ok := files[p]; ok {
		serveData(w, r, p, data)
		return
	}
	if _, ok := files[p+"/index.html"]; ok {
		http.Redirect(w, r, "/"+p+"/", http.StatusMovedPermanently)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(files["404.html"])
}

func serveData(w http.ResponseWriter, r *http.Request, name string, data []byte) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// events streams server-sent events: "hello" on connecting, then
// "reload", "css" or "problems" after each build.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	c := make(chan event, 8)
	s.mu.Lock()
	s.clients[c] = true
	hello := s.statusLocked()
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.clients[c] {
			delete(s.clients, c)
		}
		s.mu.Unlock()
	}()
	send := func(e event) bool {
		data, _ := json.Marshal(e.data)
		_, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, data)
		flusher.Flush()
		return err == nil
	}
	if !send(event{"hello", hello}) {
		return
	}
	keepalive := time.NewTicker(30 * time.Second)
	defer keepalive.Stop()
	for {
		select {
		case e, ok := <-c:
			if !ok || !send(e) {
				return
			}
		case <-keepalive.C:
			if _, err := io.WriteString(w, ": keepalive\n\n"); err != nil {
				return
			}
			flusher.Flush()
		case <-r.Context().Done():
			return
		}
	}
}

var failedPage = template.Must(template.New("failed").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed · handbook serve</title>
<link rel="stylesheet" href="/_handbook/live.css">
<script src="/_handbook/live.js" defer></script>
</head>
<body class="handbook-failed">
<h1>The site does not build yet</h1>
<p>Fix these problems and save; this page reloads when the build works.</p>
<ul class="handbook-problems">
{{range .Problems}}<li><code>{{.Pos}}</code> {{.Severity}}: {{.Message}}</li>
{{end}}</ul>
</body>
</html>
`))
