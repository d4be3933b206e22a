package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"text/template"
	"time"
)

// starterFS holds the templates of a new site, content and deployment
// alike, so that everything "handbook init" writes is in one folder.
// They use <% %> as delimiters: workflows are full of ${{ }}.
//
//go:embed starter
var starterFS embed.FS

// GoVersion is the Go version the deployment files set up; the same as
// go.mod's go line, which TestStarterGoVersion checks.
const GoVersion = "1.26.8"

// Starter is what a new site is made from.
type Starter struct {
	// Title is the site's title.
	Title string
	// Name and Email make the first person; Email may be empty.
	Name, Email string
	// Timezone is the person's and the site's time zone; nil means UTC.
	Timezone *time.Location
	// Now is when the site is made: the first check-in's day, the
	// objective's quarter.
	Now time.Time
	// Version is the handbook version the workflows and netlify.toml
	// install; empty means "latest".
	Version string
	// BaseURL is the address the site is published at, written to
	// site.toml; empty leaves the key commented out.
	BaseURL string
}

// File is a file of a new site, its path relative to the site's folder
// and slash-separated.
type File struct {
	Path string
	Data []byte
}

type starterData struct {
	Title, Description string
	Person             struct{ ID, Name, Email string }
	Team               struct{ ID string }
	Objective          struct{ ID, Title string }
	Update             struct{ ID string }
	Timezone           string
	Today, Quarter     string
	Version, GoVersion string
	BaseURL            string
}

func (s Starter) data() (starterData, error) {
	var d starterData
	d.Title = strings.Join(strings.Fields(s.Title), " ")
	if d.Title == "" {
		d.Title = "Handbook"
	}
	d.Description = "How we work: our handbook, weekly check-ins, decision records and objectives."
	d.Person.Name = strings.Join(strings.Fields(s.Name), " ")
	d.Person.Email = strings.TrimSpace(s.Email)
	d.Person.ID = Slug(d.Person.Name)
	if d.Person.ID == "" {
		return d, errorf("the first person's name %q has no letters or digits to name their file after", s.Name)
	}
	d.Team.ID = "core"
	loc := s.Timezone
	if loc == nil {
		loc = time.UTC
	}
	d.Timezone = loc.String()
	if _, err := time.LoadLocation(d.Timezone); err != nil || d.Timezone == "Local" {
		return d, errorf("time zone %q is not an IANA name such as \"Europe/Berlin\"", d.Timezone)
	}
	now := s.Now.In(loc)
	d.Today = now.Format("2006-01-02")
	d.Quarter = fmt.Sprintf("%d-Q%d", now.Year(), (int(now.Month())+2)/3)
	d.Objective.Title = "Make the handbook where we work"
	d.Objective.ID = Slug(d.Objective.Title)
	d.Update.ID = d.Today + "-" + d.Person.ID + "-started-our-handbook"
	d.Version = s.Version
	if d.Version == "" {
		d.Version = "latest"
	}
	d.GoVersion = GoVersion
	d.BaseURL = s.BaseURL
	return d, nil
}

// Site returns the files of a small new site: site.toml, one person, one
// team, a handbook landing page, a first check-in, decision 0001, an
// objective for the current quarter, and the deployment files. It builds
// without a warning.
func Site(s Starter) ([]File, error) {
	d, err := s.data()
	if err != nil {
		return nil, err
	}
	files := []struct{ tmpl, path string }{
		{"site.toml", "content/site.toml"},
		{"person.md", "content/people/" + d.Person.ID + ".md"},
		{"team.md", "content/teams/" + d.Team.ID + ".md"},
		{"handbook.md", "content/handbook/_index.md"},
		{"update.md", "content/updates/" + d.Update.ID + ".md"},
		{"decision.md", "content/decisions/0001-record-decisions.md"},
		{"objective.md", "content/objectives/" + d.Objective.ID + ".md"},
	}
	var out []File
	for _, f := range files {
		data, err := execute(f.tmpl, d)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: f.path, Data: data})
	}
	deploy, err := deployFiles(d)
	if err != nil {
		return nil, err
	}
	return append(out, deploy...), nil
}

// Example returns the files of the example site whose content folder is
// example, with the same deployment files as Site.
func Example(example fs.FS, s Starter) ([]File, error) {
	var out []File
	err := fs.WalkDir(example, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(example, p)
		if err != nil {
			return err
		}
		out = append(out, File{Path: path.Join("content", p), Data: data})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the example: %w", err)
	}
	d := starterData{Version: s.Version, GoVersion: GoVersion}
	if d.Version == "" {
		d.Version = "latest"
	}
	deploy, err := deployFiles(d)
	if err != nil {
		return nil, err
	}
	return append(out, deploy...), nil
}

// deployFiles are the files that check, build and publish a site kept in
// a repository of its own: its GitHub workflows, netlify.toml and
// .gitignore.
func deployFiles(d starterData) ([]File, error) {
	var out []File
	for _, f := range []struct{ tmpl, path string }{
		{"handbook.yml", ".github/workflows/handbook.yml"},
		{"pages.yml", ".github/workflows/pages.yml"},
		{"netlify.toml", "netlify.toml"},
		{"gitignore", ".gitignore"},
	} {
		data, err := execute(f.tmpl, d)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: f.path, Data: data})
	}
	return out, nil
}

func execute(name string, d starterData) ([]byte, error) {
	src, err := starterFS.ReadFile("starter/" + name)
	if err != nil {
		return nil, err
	}
	t, err := template.New(name).Delims("<%", "%>").Funcs(template.FuncMap{
		"yaml": yamlString,
		"toml": quoted,
	}).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return b.Bytes(), nil
}
