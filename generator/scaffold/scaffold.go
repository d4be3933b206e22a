// Package scaffold writes the skeleton of a new document: the front matter
// its kind needs, filled in with what is known (the author, today, the next
// free decision number), and the body sections writers are expected to
// fill (an update's Done, Next and Blockers; a decision record's MADR
// sections), at the path the site will publish it from.
package scaffold

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/content"
	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/site"
)

// Request is what the writer asked for.
type Request struct {
	Kind  site.Kind
	Title string
	// Author names the writer: a person's id, handle or name. Empty means
	// the person Email or Name (the git identity) belongs to.
	Author      string
	Email, Name string
	// Team is a team's id, or empty.
	Team string
	// Now is when the document is written; its day in the author's time
	// zone (else the site's) is the date.
	Now time.Time
	// Folder is, for a page, the folder under handbook/ it goes in
	// ("operations/runbooks"); "" for handbook/ itself.
	Folder string
}

// Doc is a new document.
type Doc struct {
	Path string // content path: "updates/2026-11-25-ana-batched-writes.md"
	Data []byte
	// Author is the person it was written for, or nil when unknown.
	Author *site.Person
}

// Error is a request that cannot be met: an unknown author or team, a
// missing title. Commands report it as a usage error.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

func errorf(format string, args ...any) error { return &Error{Msg: fmt.Sprintf(format, args...)} }

// New returns the document req asks for in the content folder fsys. It
// reads only site.toml, people, teams and the names of decision files, so
// it is quick however large the site is. It writes nothing.
func New(fsys fs.FS, req Request) (Doc, error) {
	if req.Kind.Folder() == "" {
		return Doc{}, errorf("unknown kind")
	}
	req.Title = strings.Join(strings.Fields(req.Title), " ")
	if req.Title == "" && req.Kind != site.KindUpdate {
		return Doc{}, errorf("a new %s needs a title: --title %q", req.Kind, "...")
	}
	loaded, _ := content.Load(only(fsys, content.ConfigFile, site.KindPerson.Folder(), site.KindTeam.Folder()), content.Options{})
	c := loaded.Content
	cfg := c.Config

	var author *site.Person
	if req.Author != "" {
		author = findPerson(c.People, req.Author)
		if author == nil {
			return Doc{}, errorf("unknown author %q%s", req.Author, diag.Suggest(req.Author, personIDs(c.People)))
		}
	} else {
		author = site.MatchPerson(c.People, req.Email, req.Name)
	}
	if author == nil && req.Kind == site.KindUpdate {
		who := strings.TrimSpace(req.Name + " <" + req.Email + ">")
		return Doc{}, errorf("cannot tell who is writing: git's user.email and user.name (%s) match no person in %s/; pass --author ID", who, site.KindPerson.Folder())
	}
	// The date is today where the author is: a check-in written on
	// Friday in Tokyo is Friday's, whatever the site's zone says.
	loc := cfg.Timezone
	if author != nil && author.Location != nil {
		loc = author.Location
	}
	day := req.Now.In(loc)
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc)

	var team *site.Team
	if req.Team != "" {
		for _, t := range c.Teams {
			if t.ID == strings.ToLower(req.Team) {
				team = t
			}
		}
		if team == nil {
			var ids []string
			for _, t := range c.Teams {
				ids = append(ids, t.ID)
			}
			return Doc{}, errorf("unknown team %q%s", req.Team, diag.Suggest(req.Team, ids))
		}
	} else if author != nil && req.Kind != site.KindUpdate {
		// An update's team defaults to its author's when it is built.
		for _, t := range c.Teams {
			if t.ID == author.TeamID {
				team = t
			}
		}
	}

	w := &writer{title: req.Title, by: author, forTeam: team, day: day, cfg: cfg}
	doc := Doc{Author: author}
	slug := Slug(req.Title)
	switch req.Kind {
	case site.KindUpdate:
		name := day.Format("2006-01-02") + "-" + author.ID
		if slug != "" {
			name += "-" + slug
		}
		doc.Path = "updates/" + name + ".md"
		w.update()
	case site.KindDecision:
		n, err := NextDecision(fsys)
		if err != nil {
			return Doc{}, err
		}
		doc.Path = fmt.Sprintf("decisions/%04d-%s.md", n, slug)
		w.decision()
	case site.KindObjective:
		doc.Path = "objectives/" + slug + ".md"
		w.objective()
	case site.KindPage:
		dir, err := pageFolder(req.Folder)
		if err != nil {
			return Doc{}, err
		}
		name := slug
		if n, width, ok := nextNumber(fsys, dir); ok && slug != "" {
			// A folder ordered by number prefixes stays so: a name
			// without one would make every number part of its name.
			name = numbered(n, width, slug)
			if _, _, ok := site.NumberPrefix(name); !ok {
				return Doc{}, errorf("the pages in %s/ are ordered by the numbers their names start with, and a name that starts with a digit cannot take one (%s): start the title with a letter", dir, name)
			}
		}
		doc.Path = dir + "/" + name + ".md"
		w.page()
	case site.KindPerson:
		doc.Path = "people/" + slug + ".md"
		w.person()
	case site.KindTeam:
		doc.Path = "teams/" + slug + ".md"
		w.team()
	}
	if slug == "" && req.Kind != site.KindUpdate {
		return Doc{}, errorf("title %q has no letters or digits to name the file after", req.Title)
	}
	doc.Data = []byte(w.b.String())
	return doc, nil
}

// Slug names a file after a title: the site's slug, cut at a word to at
// most 60 bytes.
func Slug(title string) string {
	s := site.Slug(title)
	for len(s) > 60 {
		i := strings.LastIndexByte(s[:60], '-')
		if i <= 0 {
			return s[:60]
		}
		s = s[:i]
	}
	return s
}

// pageFolder returns the content path of the folder under handbook/ that
// Request.Folder names.
func pageFolder(folder string) (string, error) {
	f := strings.TrimSuffix(strings.ReplaceAll(folder, "\\", "/"), "/")
	if f == "" || f == "handbook" {
		return "handbook", nil
	}
	f = strings.TrimPrefix(f, "handbook/")
	// A volume ("C:/x") is a valid path to fs, and would be a folder
	// named "C:" here.
	if !fs.ValidPath(f) || len(f) > 1 && f[1] == ':' {
		return "", errorf("folder %q is not a folder under handbook/: give its path from there (operations/runbooks)", folder)
	}
	for _, name := range strings.Split(f, "/") {
		if strings.HasPrefix(name, ".") {
			return "", errorf("folder %q is hidden: files in folders whose names start with a dot are not published", folder)
		}
	}
	return "handbook/" + f, nil
}

// numbered returns the name of a page numbered n, with at least width
// digits, before the name slug: "03-on-call". A number of more than
// three digits starts with a zero, as site.NumberPrefix wants of one.
func numbered(n, width int, slug string) string {
	num := fmt.Sprintf("%0*d", width, n)
	if len(num) > 3 && num[0] != '0' {
		num = "0" + num
	}
	return num + "-" + slug
}

// nextNumber reports whether every page and folder in the folder dir has
// a number prefix ("01-intro.md", "02-guides/"), which then orders the
// folder (see site.NumberPrefix), and returns the number after the
// highest and how many digits it is written with ("03" after "02").
func nextNumber(fsys fs.FS, dir string) (next, width int, ok bool) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return 0, 0, false
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, ".") || !e.IsDir() && !e.Type().IsRegular():
			continue // not read as content: hidden, or a link
		case e.IsDir() && !hasPages(fsys, path.Join(dir, name)):
			continue // images, say: not a section of the sidebar
		case !e.IsDir() && (!content.IsMarkdown(name) || site.LandingFile(name)):
			continue
		case !e.IsDir():
			name = strings.TrimSuffix(name, path.Ext(name))
		}
		_, n, numbered := site.NumberPrefix(name)
		if !numbered {
			return 0, 0, false
		}
		if n >= next {
			next = n + 1
			width = len(name) - len(strings.TrimLeft(name, "0123456789"))
		}
	}
	return next, width, next > 0
}

// hasPages reports whether the folder dir holds a Markdown file the
// site reads, at any depth: not hidden, not a link.
func hasPages(fsys fs.FS, dir string) bool {
	found := false
	fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case p != dir && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return fs.SkipDir
			}
		case d.Type().IsRegular() && content.IsMarkdown(p):
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// NextDecision returns one more than the highest decision number in
// fsys's decisions folder, or 1 when there is none.
func NextDecision(fsys fs.FS) (int, error) {
	highest := 0
	err := fs.WalkDir(fsys, site.KindDecision.Folder(), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == site.KindDecision.Folder() && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		if n, ok := site.DecisionNumber(d.Name()); ok && !d.IsDir() {
			highest = max(highest, n)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("read decisions: %w", err)
	}
	return highest + 1, nil
}

func findPerson(people []*site.Person, name string) *site.Person {
	name = strings.TrimPrefix(strings.TrimSpace(name), "@")
	for _, p := range people {
		if strings.EqualFold(p.ID, name) {
			return p
		}
	}
	return site.MatchPerson(people, "", name)
}

func personIDs(people []*site.Person) []string {
	var ids []string
	for _, p := range people {
		ids = append(ids, p.ID)
	}
	slices.Sort(ids)
	return ids
}

// writer writes a document: YAML front matter, then Markdown.
type writer struct {
	b       strings.Builder
	title   string
	by      *site.Person
	forTeam *site.Team
	day     time.Time
	cfg     site.Config
}

func (w *writer) line(s string, args ...any) { fmt.Fprintf(&w.b, s+"\n", args...) }

// field writes "key: value" with the value quoted when YAML needs it, and
// nothing when the value is empty.
func (w *writer) field(key, value string) {
	if value != "" {
		w.line("%s: %s", key, yamlString(value))
	}
}

func (w *writer) date(key string, t time.Time) { w.line("%s: %s", key, t.Format("2006-01-02")) }

func (w *writer) authorID() string {
	if w.by == nil {
		return ""
	}
	return w.by.ID
}

func (w *writer) teamID() string {
	if w.forTeam == nil {
		return ""
	}
	return w.forTeam.ID
}

func (w *writer) update() {
	w.line("---")
	w.field("title", w.title)
	w.field("author", w.authorID())
	w.date("date", w.day)
	w.field("team", w.teamID())
	w.line("status: on-track          # on-track, at-risk or off-track")
	w.line("# objectives: [objective-id]")
	w.line("# progress:")
	w.line("#   objective-id/key-result-id: 42")
	w.line("---")
	w.line("## Done")
	w.line("- What you finished since your last check-in.")
	w.line("")
	w.line("## Next")
	w.line("- What you will work on until the next one.")
	w.line("")
	w.line("## Blockers")
	w.line("- None.")
}

// decision writes a MADR 4 record, open for comments for two weeks.
func (w *writer) decision() {
	w.line("---")
	w.line("status: proposed")
	w.date("date", w.day)
	if id := w.authorID(); id != "" {
		w.line("decision-makers: [%s]", id)
	} else {
		w.line("decision-makers: []")
	}
	w.line("consulted: []")
	if id := w.teamID(); id != "" {
		w.line("informed: [%s]", id)
	} else {
		w.line("informed: [everyone]")
	}
	w.date("respond-by", w.day.AddDate(0, 0, 14))
	w.line("---")
	w.line("# %s", w.title)
	w.line("")
	w.line("## Context and Problem Statement")
	w.line("")
	w.line("Describe the context and the problem in two or three sentences, or as a")
	w.line("question. Link to the updates and pages that show it.")
	w.line("")
	w.line("## Decision Drivers")
	w.line("")
	w.line("- A force or concern that the decision must take into account.")
	w.line("")
	w.line("## Considered Options")
	w.line("")
	w.line("- Option one")
	w.line("- Option two")
	w.line("")
	w.line("## Decision Outcome")
	w.line("")
	w.line("Proposed option: \"Option one\", because it is the only option that meets")
	w.line("every decision driver.")
	w.line("")
	w.line("### Consequences")
	w.line("")
	w.line("- Good, because of a benefit it brings.")
	w.line("- Bad, because of a cost it has.")
	w.line("")
	w.line("## Pros and Cons of the Options")
	w.line("")
	w.line("### Option one")
	w.line("")
	w.line("- Good, because of an argument for it.")
	w.line("- Bad, because of an argument against it.")
	w.line("")
	w.line("### Option two")
	w.line("")
	w.line("- Good, because of an argument for it.")
	w.line("- Bad, because of an argument against it.")
}

// objective writes an objective for the current quarter with one key
// result to rename.
func (w *writer) objective() {
	w.line("---")
	w.field("title", w.title)
	w.field("owner", w.authorID())
	w.field("team", w.teamID())
	w.line("period: %d-Q%d", w.day.Year(), (int(w.day.Month())+2)/3)
	w.line("key_results:")
	w.line("  - id: first-result")
	w.line("    title: The first measurable result")
	w.line("    start: 0")
	w.line("    target: 100")
	w.line("    unit: \"%%\"")
	w.line("---")
	w.line("Why this objective matters, and how each key result is measured.")
}

func (w *writer) page() {
	w.line("---")
	w.field("title", w.title)
	owner := w.authorID()
	if owner == "" {
		owner = w.teamID()
	}
	w.field("owner", owner)
	w.date("reviewed", w.day)
	w.line("review_every: 6 months")
	w.line("---")
	w.line("What this page is for, in a sentence or two: the first paragraph is the")
	w.line("page's summary in lists and search.")
}

func (w *writer) person() {
	w.line("---")
	w.field("name", w.title)
	w.field("team", w.teamID())
	w.line("role:")
	w.field("timezone", w.cfg.Timezone.String())
	w.line("handle:                   # GitHub handle")
	w.line("email:")
	w.line("hours: \"09:00-17:00\"")
	w.date("joined", w.day)
	w.line("---")
	w.line("A few lines about %s: what they work on, and what to ask them about.", w.title)
}

func (w *writer) team() {
	w.line("---")
	w.field("name", w.title)
	w.field("lead", w.authorID())
	w.field("cadence", w.cfg.Cadence.String())
	w.field("timezone", w.cfg.Timezone.String())
	w.line("---")
	w.line("What the team owns, and how to reach it.")
}

// yamlString writes s as a YAML scalar: plain when that reads back as the
// same string, double-quoted (JSON's quoting is valid YAML) otherwise.
func yamlString(s string) string {
	plain := s != "" && !strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`~ ") &&
		!strings.Contains(s, ": ") && !strings.Contains(s, " #") && !strings.HasSuffix(s, ":") &&
		!strings.HasSuffix(s, " ") && !strings.ContainsAny(s, "\"'\\\n\t")
	if plain {
		switch strings.ToLower(s) {
		case "true", "false", "yes", "no", "on", "off", "null", "~":
			plain = false
		}
		if _, err := json.Number(s).Float64(); err == nil {
			plain = false
		}
		if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
			plain = false // a date
		}
	}
	if plain {
		return s
	}
	return quoted(s)
}

// quoted writes s in double quotes, escaped as JSON does, which both YAML
// and TOML read back as s.
func quoted(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
