package site

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/handbook/handbook/generator/diag"
)

// Content is what package content loads: the configuration and every
// document, drafts included.
type Content struct {
	Config     Config
	Pages      []*Page
	Updates    []*Update
	Decisions  []*Decision
	Objectives []*Objective
	People     []*Person
	Teams      []*Team
	// Folders describes handbook folders, by their content path
	// ("handbook/guides"), as Docusaurus's _category_.json does.
	Folders map[string]Folder
}

// Options control how New builds the model. The zero value leaves drafts
// out and uses the zero time as "now", which callers should not rely on.
type Options struct {
	Now    time.Time // the build date: "current" period, windows, deadlines
	Drafts bool      // keep drafts
	// Check reports as errors what a build only warns about: broken links
	// and anchors, and decision numbers used twice.
	Check bool
}

// Site is the linked model of a site.
type Site struct {
	Config Config
	Now    time.Time

	Pages []*Page // handbook pages in sidebar order, depth first
	Nav   []*Page // top level of the handbook tree, in sidebar order
	Home  *Page   // handbook/index.md or _index.md, or one New generated
	// Folders holds the landing pages New generated for handbook folders
	// without an index file (Page.Generated), in sidebar order, depth
	// first. They are sections of the tree but not documents: Docs and
	// Pages leave them out.
	Folders    []*Page
	Updates    []*Update    // newest first
	Decisions  []*Decision  // by number, then id
	Objectives []*Objective // newest period first, then team, then title
	People     []*Person    // by name
	Teams      []*Team      // by name
	Tags       []*Tag       // by name
	Events     []*Event     // status changes of decisions and objectives, newest first

	Board Board

	docs   map[string]*Doc // by content path
	sorted []*Doc          // docs in content path order
	memo   memos
}

// memos keeps what Site's methods work out for every person or team at
// once, for the last time they were asked about.
type memos struct {
	attention memoAt[*attentionIndex]
	digests   memoAt[map[*Team][]*Digest]
}

// memoAt is a value worked out for a time, kept until it is asked for
// another.
type memoAt[T any] struct {
	mu  sync.Mutex
	ok  bool
	now time.Time
	v   T
}

// get returns the value for now, made with make the first time.
func (m *memoAt[T]) get(now time.Time, make func(time.Time) T) T {
	m.mu.Lock()
	defer m.mu.Unlock()
	// The same instant in another location is another time: the
	// values count days.
	if !m.ok || !m.now.Equal(now) || m.now.Location() != now.Location() {
		m.v, m.now, m.ok = make(now), now, true
	}
	return m.v
}

// Doc returns the document at content path p, or nil.
func (s *Site) Doc(p string) *Doc { return s.docs[p] }

// Docs returns every document in content path order.
func (s *Site) Docs() []*Doc { return slices.Clone(s.sorted) }

// Person returns the person with id, or nil.
func (s *Site) Person(id string) *Person {
	for _, p := range s.People {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// New links the documents of c into a site: it resolves references between
// documents, derives progress, backlinks and tags, computes the status
// board for opts.Now, and reports references it cannot resolve.
func New(c Content, opts Options) (*Site, diag.List) {
	var diags diag.List
	s := &Site{Config: c.Config, Now: opts.Now, docs: map[string]*Doc{}}
	drafts := map[string]bool{}
	keep := func(d *Doc) bool {
		if d.Draft && !opts.Drafts {
			drafts[d.Path] = true
			return false
		}
		s.docs[d.Path] = d
		return true
	}
	for _, p := range c.Pages {
		if keep(&p.Doc) {
			s.Pages = append(s.Pages, p)
		}
	}
	for _, u := range c.Updates {
		if keep(&u.Doc) {
			s.Updates = append(s.Updates, u)
		}
	}
	for _, d := range c.Decisions {
		if keep(&d.Doc) {
			s.Decisions = append(s.Decisions, d)
		}
	}
	for _, o := range c.Objectives {
		if keep(&o.Doc) {
			s.Objectives = append(s.Objectives, o)
		}
	}
	for _, p := range c.People {
		if keep(&p.Doc) {
			s.People = append(s.People, p)
		}
	}
	for _, t := range c.Teams {
		if keep(&t.Doc) {
			s.Teams = append(s.Teams, t)
		}
	}

	s.sorted = slices.SortedFunc(maps.Values(s.docs), func(a, b *Doc) int { return cmp.Compare(a.Path, b.Path) })
	l := &linker{site: s, diags: &diags, drafts: drafts, tolerated: diag.Warning, folders: c.Folders}
	if opts.Check {
		l.tolerated = diag.Error
	}
	l.linkPeople()
	l.linkTeams()
	l.linkObjectives()
	l.linkUpdates()
	l.linkDecisions()
	l.linkPages()
	l.linkLinks()
	l.linkTags()
	newEvents(s)
	s.Board = newBoard(s)
	return s, diags
}

type linker struct {
	site   *Site
	diags  *diag.List
	drafts map[string]bool
	// tolerated is the severity of problems a build publishes anyway.
	tolerated diag.Severity

	people     map[string]*Person
	teams      map[string]*Team
	objectives map[string]*Objective
	// byName finds people by name or handle and teams by name, in lower
	// case, for ref; made when first needed, and again when the order
	// of people or teams changes.
	byName *refNames
	// sections holds each handbook folder's landing page, for links to
	// folders (linkLinks); made by linkPages.
	sections map[string]*Page
	// folders is Content.Folders.
	folders map[string]Folder
}

// refNames is the first person, in the site's order, with each name and
// each handle, and the first team with each name, all in lower case.
type refNames struct {
	people map[string]*Person
	teams  map[string]*Team
}

func newRefNames(people []*Person, teams []*Team) *refNames {
	x := &refNames{people: map[string]*Person{}, teams: map[string]*Team{}}
	for _, p := range people {
		for _, k := range []string{strings.ToLower(p.Name), strings.ToLower(p.Handle)} {
			if x.people[k] == nil && k != "" {
				x.people[k] = p
			}
		}
	}
	for _, t := range teams {
		if k := strings.ToLower(t.Name); x.teams[k] == nil {
			x.teams[k] = t
		}
	}
	return x
}

func (l *linker) linkPeople() {
	s := l.site
	l.people = map[string]*Person{}
	for _, p := range s.People {
		l.people[p.ID] = p
	}
	l.teams = map[string]*Team{}
	for _, t := range s.Teams {
		l.teams[t.ID] = t
	}
	for _, p := range s.People {
		if p.TeamID == "" {
			continue
		}
		p.Team = l.teams[p.TeamID]
		if p.Team == nil {
			l.unknown(p.Pos("team"), "team", p.TeamID, slices.Collect(maps.Keys(l.teams)))
			continue
		}
		p.Team.Members = append(p.Team.Members, p)
	}
	slices.SortFunc(s.People, func(a, b *Person) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
}

func (l *linker) linkTeams() {
	for _, t := range l.site.Teams {
		t.LeadRef = l.ref(t.LeadRef.Name)
		slices.SortFunc(t.Members, func(a, b *Person) int {
			return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
		})
	}
	slices.SortFunc(l.site.Teams, func(a, b *Team) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	l.byName = nil
}

func (l *linker) linkObjectives() {
	l.objectives = map[string]*Objective{}
	for _, o := range l.site.Objectives {
		l.objectives[o.ID] = o
		o.OwnerRef = l.ref(o.OwnerRef.Name)
		if p := o.OwnerRef.Person; p != nil {
			p.Objectives = append(p.Objectives, o)
		}
		if o.TeamID != "" {
			o.Team = l.teams[o.TeamID]
			if o.Team == nil {
				l.unknown(o.Pos("team"), "team", o.TeamID, slices.Collect(maps.Keys(l.teams)))
			} else {
				o.Team.Objectives = append(o.Team.Objectives, o)
			}
		}
	}
	slices.SortFunc(l.site.Objectives, compareObjectives)
	for _, t := range l.site.Teams {
		slices.SortFunc(t.Objectives, compareObjectives)
	}
}

func compareObjectives(a, b *Objective) int {
	return cmp.Or(
		b.Period.Start.Compare(a.Period.Start),
		cmp.Compare(teamName(a.Team), teamName(b.Team)),
		cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)),
		cmp.Compare(a.ID, b.ID))
}

func teamName(t *Team) string {
	if t == nil {
		return "\uffff" // objectives without a team go last
	}
	return strings.ToLower(t.Name)
}

func (l *linker) linkUpdates() {
	s := l.site
	// Oldest first while linking, so that key-result reports come in order.
	slices.SortFunc(s.Updates, func(a, b *Update) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Path, b.Path))
	})
	handles := l.site.MentionIDs()
	names := newNameIndex(s.People)
	for _, u := range s.Updates {
		u.Author = l.people[u.AuthorID]
		if u.Author == nil && u.AuthorID != "" {
			l.unknownPerson(u.Pos("author"), "author", u.AuthorID)
		}
		if u.Title == "" {
			// A check-in needs no title: name it after its author and day.
			name := u.AuthorID
			if u.Author != nil {
				name = u.Author.Name
			}
			u.Title = fmt.Sprintf("Update from %s, %s", name, u.Date.Format("2 Jan 2006"))
		}
		teamID := u.TeamID
		if teamID == "" && u.Author != nil {
			teamID = u.Author.TeamID
		}
		if teamID != "" {
			u.Team = l.teams[teamID]
			if u.Team == nil && u.TeamID != "" {
				l.unknown(u.Pos("team"), "team", u.TeamID, slices.Collect(maps.Keys(l.teams)))
			}
		}
		seen := map[*Objective]bool{}
		addObjective := func(o *Objective) {
			if !seen[o] {
				seen[o] = true
				u.ObjectiveRefs = append(u.ObjectiveRefs, o)
				o.Updates = append(o.Updates, u)
			}
		}
		for _, id := range u.Objectives {
			o := l.objectives[id]
			if o == nil {
				l.unknown(u.Pos("objectives"), "objective", id, slices.Collect(maps.Keys(l.objectives)))
				continue
			}
			addObjective(o)
		}
		for i, p := range u.Progress {
			o := l.objectives[p.ObjectiveID]
			if o == nil {
				l.unknown(p.Pos, "objective", p.ObjectiveID, slices.Collect(maps.Keys(l.objectives)))
				continue
			}
			var kr *KeyResult
			var ids []string
			for _, k := range o.KeyResults {
				ids = append(ids, k.ID)
				if k.ID == p.KeyResultID {
					kr = k
				}
			}
			if kr == nil {
				l.diags.Errorf(p.Pos, "unknown key result %q of objective %q%s", p.KeyResultID, o.ID, diag.Suggest(p.KeyResultID, ids))
				continue
			}
			kr.Reports = append(kr.Reports, Report{Date: u.Date, Value: p.Value, Update: u})
			u.Progress[i].Objective, u.Progress[i].KeyResult = o, kr
			addObjective(o)
		}
		for _, m := range u.Mentions {
			if !slices.ContainsFunc(handles, func(h string) bool { return strings.EqualFold(h, m.Name) }) {
				l.diags.Warnf(m.Pos, "blockers: @%s is not a person or team%s", m.Name, diag.Suggest(m.Name, handles))
			}
		}
		for _, text := range u.Blockers {
			b := Blocker{Update: u, Text: text, Mentions: names.named(text)}
			u.Blocked = append(u.Blocked, b)
			for _, p := range b.Mentions {
				if !slices.Contains(u.BlockerMentions, p) {
					u.BlockerMentions = append(u.BlockerMentions, p)
				}
			}
		}
	}
	slices.Reverse(s.Updates)
	for _, u := range s.Updates {
		if u.Author != nil {
			u.Author.Updates = append(u.Author.Updates, u)
		}
		if u.Team != nil {
			u.Team.Updates = append(u.Team.Updates, u)
		}
	}
	for _, o := range s.Objectives {
		slices.Reverse(o.Updates)
		o.Status = o.Explicit
		if o.Status == "" {
			o.Status = derivedStatus(o)
		}
	}
}

// derivedStatus is the worst status among the latest update of each
// person reporting on o within its period: an objective is at risk while
// anyone working on it says so, and recovers when they report it has.
func derivedStatus(o *Objective) Status {
	var worst Status
	seen := map[string]bool{}
	for _, u := range o.Updates { // newest first
		if !o.Period.Contains(u.Date) || u.Status == "" || seen[u.AuthorID] {
			continue
		}
		seen[u.AuthorID] = true
		if u.Status.Rank() > worst.Rank() {
			worst = u.Status
		}
	}
	return worst
}

// nameIndex finds the people a text names. It lists each person under
// the words that can start a mention of them (their @handle, @id, id and
// the first word of a full name), so that a text is checked against the
// few people its words can name rather than against everyone: blockers
// grow with the site, and so do people.
type nameIndex struct {
	people []*Person
	first  map[string][]int // a word that can start a mention → indexes into people
}

func newNameIndex(people []*Person) nameIndex {
	x := nameIndex{people: people, first: map[string][]int{}}
	add := func(w string, i int) {
		if l := x.first[w]; len(l) == 0 || l[len(l)-1] != i {
			x.first[w] = append(l, i)
		}
	}
	for i, p := range people {
		if p.Handle != "" {
			add("@"+strings.ToLower(p.Handle), i)
		}
		add("@"+p.ID, i)
		add(p.ID, i)
		if name := strings.Fields(strings.ToLower(p.Name)); len(name) > 1 {
			add(name[0], i)
		}
	}
	return x
}

// named returns the people text names by @handle, id or full name, in the
// order of people.
func (x nameIndex) named(text string) []*Person {
	if text == "" {
		return nil
	}
	ws := words(text)
	var checked, found []int
	for _, w := range ws {
		for _, i := range x.first[strings.TrimRight(w, ".")] {
			if slices.Contains(checked, i) {
				continue
			}
			checked = append(checked, i)
			if mentionedIn(ws, x.people[i]) {
				found = append(found, i)
			}
		}
	}
	slices.Sort(found)
	var out []*Person
	for _, i := range found {
		out = append(out, x.people[i])
	}
	return out
}

// words splits text, lower case, into the words names are matched against.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r == '@' || r == '-' || r == '_' || r == '.' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r > 127)
	})
}

func mentionedIn(words []string, p *Person) bool {
	handle, at := "@"+strings.ToLower(p.Handle), "@"+p.ID
	name := strings.Fields(strings.ToLower(p.Name))
	for i, w := range words {
		w = strings.TrimRight(w, ".")
		if w == handle && p.Handle != "" || w == at || w == p.ID {
			return true
		}
		if len(name) > 1 && i+len(name) <= len(words) && w == name[0] {
			match := true
			for j, n := range name[1:] {
				if strings.TrimRight(words[i+1+j], ".") != n {
					match = false
					break
				}
			}
			if match {
				return true
			}
		}
	}
	return false
}

func (l *linker) linkDecisions() {
	s := l.site
	slices.SortFunc(s.Decisions, func(a, b *Decision) int {
		return cmp.Or(cmp.Compare(a.Number, b.Number), cmp.Compare(a.ID, b.ID))
	})
	byNumber := map[int][]*Decision{}
	byID := map[string]*Decision{}
	maxNumber := 0
	for _, d := range s.Decisions {
		byID[d.ID] = d
		if d.Number > 0 {
			byNumber[d.Number] = append(byNumber[d.Number], d)
			maxNumber = max(maxNumber, d.Number)
		}
	}
	// Two pull requests took the same number: say what to rename each
	// later file to, handing out free numbers in file order.
	next := maxNumber
	for _, d := range s.Decisions {
		ds := byNumber[d.Number]
		if d.Number == 0 || len(ds) < 2 || ds[0] == d {
			continue
		}
		next++
		rest := strings.TrimLeft(path.Base(d.Path), "0123456789")
		l.diags.Addf(l.tolerated, diag.Pos{File: d.File}, "decision number %04d is also used by %s; the next free number is %04d (rename this file to %04d%s)", d.Number, ds[0].File, next, next, rest)
	}
	find := func(ref string) *Decision {
		if d := byID[ref]; d != nil {
			return d
		}
		if n, ok := DecisionNumber(ref); ok && len(byNumber[n]) > 0 {
			return byNumber[n][0]
		}
		return nil
	}
	link := func(newer, older *Decision) {
		if !slices.Contains(newer.SupersedesRefs, older) {
			newer.SupersedesRefs = append(newer.SupersedesRefs, older)
		}
		if !slices.Contains(older.SupersededBy, newer) {
			older.SupersededBy = append(older.SupersededBy, newer)
		}
	}
	for _, d := range s.Decisions {
		for _, r := range [][]Ref{d.DecisionMakers, d.Consulted, d.Informed} {
			for i := range r {
				r[i] = l.ref(r[i].Name)
			}
		}
		for _, r := range d.DecisionMakers {
			if r.Person != nil {
				r.Person.Decisions = append(r.Person.Decisions, d)
			}
		}
		for _, ref := range d.Supersedes {
			old := find(ref)
			switch {
			case old == d:
				l.diags.Errorf(d.Pos("supersedes"), "supersedes %q: a decision cannot supersede itself", ref)
				continue
			case old == nil:
				l.diags.Errorf(d.Pos("supersedes"), "supersedes unknown decision %q", ref)
				continue
			}
			link(d, old)
		}
		for _, ref := range d.SupersededByIDs {
			newer := find(ref)
			switch {
			case newer == d:
				l.diags.Errorf(d.Pos("status"), "superseded by %q: a decision cannot supersede itself", ref)
				continue
			case newer == nil:
				l.diags.Errorf(d.Pos("status"), "superseded by unknown decision %q", ref)
				continue
			}
			link(newer, d)
		}
	}
	for _, p := range s.People {
		slices.SortFunc(p.Decisions, func(a, b *Decision) int { return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(b.Number, a.Number)) })
	}
}

// DecisionNumber parses a reference to a decision by number: "7", "0007",
// "ADR-0007", "adr 7", "#7" or "0007-use-postgres".
func DecisionNumber(ref string) (int, bool) {
	r := strings.TrimSpace(strings.ToLower(ref))
	r = strings.TrimPrefix(r, "#")
	r = strings.TrimPrefix(r, "adr")
	r = strings.TrimLeft(r, "-_ #")
	end := 0
	for end < len(r) && r[end] >= '0' && r[end] <= '9' {
		end++
	}
	if end == 0 || end > 9 || (end < len(r) && r[end] != '-' && r[end] != '_') {
		return 0, false
	}
	n, err := strconv.Atoi(r[:end])
	return n, err == nil && n > 0
}

func (l *linker) linkPages() {
	s := l.site
	sections := map[string]*Page{} // folder -> landing page
	folder := map[*Page]string{}   // landing page -> its folder
	for _, p := range s.Pages {
		if p.Section {
			sections[path.Dir(p.Path)] = p
			folder[p] = path.Dir(p.Path)
		}
		p.Owner = l.ref(p.Owner.Name)
		if person := p.Owner.Person; person != nil {
			person.Pages = append(person.Pages, p)
		}
		p.Date = latest(latest(p.Modified, p.Reviewed), p.Created)
		if !p.Reviewed.IsZero() && !p.ReviewEvery.IsZero() {
			p.ReviewDue = p.ReviewEvery.After(p.Reviewed)
		}
	}
	// A page beside a folder with its address, handbook/x.md beside
	// handbook/x/, is the landing page of a folder without an index file,
	// as a parent page is in Jekyll's just-the-docs. With an index file in
	// the folder, both pages have that address, and the build reports it.
	beside := map[string]string{} // folder's URL -> folder, for folders with pages in them
	for _, p := range s.Pages {
		for dir := path.Dir(p.Path); dir != "." && dir != KindPage.Folder(); dir = path.Dir(dir) {
			beside[folderURL(dir)] = dir
		}
	}
	for _, p := range s.Pages {
		if dir, ok := beside[p.URL]; ok && !p.Section && path.Dir(dir) == path.Dir(p.Path) && sections[dir] == nil {
			p.Section, sections[dir], folder[p] = true, p, dir
		}
	}
	// Every folder is a section: one without a landing page of its own
	// gets a generated one, so that it has a place in the sidebar and
	// breadcrumbs, and a URL that lists what it holds.
	var section func(dir string) *Page
	section = func(dir string) *Page {
		if p := sections[dir]; p != nil {
			return p
		}
		f := l.folders[dir]
		p := &Page{Doc: Doc{Kind: KindPage, Path: dir + "/", URL: folderURL(dir), Title: cmp.Or(f.Label, FolderTitle(dir))}, Description: f.Description, Section: true, Generated: true}
		sections[dir] = p
		if dir != KindPage.Folder() {
			p.Parent = section(path.Dir(dir))
		}
		return p
	}
	s.Home = section(KindPage.Folder())
	for _, p := range s.Pages {
		if p == s.Home {
			continue
		}
		dir := path.Dir(p.Path)
		if f, ok := folder[p]; ok {
			dir = path.Dir(f)
		}
		p.Parent = section(dir)
	}
	// Folders whose names make one address ("Ops" and "ops") would share
	// a landing page. Two pages of that address are reported as such by
	// the loader; a landing page the site generates is reported here, at
	// the first page in the later folder.
	byURL := map[string]string{}
	for _, dir := range slices.Sorted(maps.Keys(sections)) {
		p := sections[dir]
		other, dup := byURL[p.URL]
		if !dup {
			byURL[p.URL] = dir
			continue
		}
		if p.Generated || sections[other].Generated {
			// A page under the folder is where it is reported, and
			// says how files are named: after the content folder.
			var at diag.Pos
			var content string
			for _, q := range s.Pages {
				if strings.HasPrefix(q.Path, dir+"/") {
					at, content = q.Pos(""), strings.TrimSuffix(q.File, q.Path)
					break
				}
			}
			l.diags.Errorf(at, "the folder %s/ has the address %s, as %s/ has; rename one of the folders", content+dir, p.URL, content+other)
		}
	}
	for _, dir := range slices.Sorted(maps.Keys(sections)) {
		if p := sections[dir]; p.Parent != nil {
			p.Parent.Children = append(p.Parent.Children, p)
		}
	}
	for _, p := range s.Pages {
		if !p.Section && p.Parent != nil {
			p.Parent.Children = append(p.Parent.Children, p)
		}
	}
	l.number(sections)
	// Pages and Folders in sidebar order, depth first.
	var pages, folders []*Page
	var walk func(*Page)
	walk = func(p *Page) {
		slices.SortFunc(p.Children, comparePages)
		if p.Generated {
			folders = append(folders, p)
		} else {
			pages = append(pages, p)
		}
		for _, c := range p.Children {
			walk(c)
		}
	}
	walk(s.Home)
	s.Pages, s.Folders, s.Nav = pages, folders, s.Home.Children
	l.sections = sections
}

// comparePages orders the pages of a section: by each ordering key in
// turn (weight, then sidebar_position, then nav_order), pages that set
// it before those that do not, as Hugo does with weight; then by title,
// as the section's page lists them.
func comparePages(a, b *Page) int {
	for _, key := range []func(*Page) *float64{
		func(p *Page) *float64 {
			if p.Weight == nil {
				return nil
			}
			w := float64(*p.Weight)
			return &w
		},
		func(p *Page) *float64 { return p.SidebarPosition },
		func(p *Page) *float64 { return p.NavOrder },
	} {
		x, y := key(a), key(b)
		switch {
		case x != nil && y != nil:
			if c := cmp.Compare(*x, *y); c != 0 {
				return c
			}
		case x != nil:
			return -1
		case y != nil:
			return 1
		}
	}
	return cmp.Or(cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)), cmp.Compare(a.Path, b.Path))
}

// folderURL returns the site path of a handbook folder, named as its
// pages' URLs name it: "handbook/Engineering Practices" ->
// "/handbook/engineering-practices/".
func folderURL(dir string) string {
	var b strings.Builder
	for _, seg := range strings.Split(dir, "/") {
		if slug := Slug(seg); slug != "" {
			b.WriteString("/" + slug)
		}
	}
	return b.String() + "/"
}

// links checks each body link against the documents it names and records
// backlinks. A link to a missing file or heading is a warning: the page is
// still worth publishing.
func (l *linker) linkLinks() {
	for _, d := range l.site.Docs() {
		for _, link := range d.Links {
			if link.Target == "" {
				if link.Fragment != "" && link.Dest[0] == '#' && !hasHeading(d, link.Fragment) {
					l.diags.Addf(l.tolerated, link.Pos, "link to missing heading #%s", link.Fragment)
				}
				continue
			}
			target := l.site.docs[link.Target]
			if dir, ok := strings.CutSuffix(link.Target, "/"); ok {
				// A folder: its landing page, which may be one the
				// site generates, with no headings, no backlinks and
				// no document of its own.
				p := l.sections[dir]
				switch {
				case p == nil:
					l.diags.Addf(l.tolerated, link.Pos, "link to %s, a folder with no published pages", link.Dest)
					continue
				case p.Generated:
					continue
				}
				target = &p.Doc
			}
			if target == nil {
				if l.drafts[link.Target] {
					l.diags.Addf(l.tolerated, link.Pos, "link to draft %s", link.Dest)
				} else {
					msg := "link to missing file " + link.Dest
					if link.Hint != "" {
						msg += "; " + link.Hint
					}
					l.diags.Addf(l.tolerated, link.Pos, "%s", msg)
				}
				continue
			}
			if link.Fragment != "" && !hasHeading(target, link.Fragment) {
				l.diags.Addf(l.tolerated, link.Pos, "link to missing heading #%s in %s", link.Fragment, target.Path)
			}
			if target != d && !slices.Contains(target.Backlinks, d) {
				target.Backlinks = append(target.Backlinks, d)
			}
		}
	}
}

func hasHeading(d *Doc, id string) bool {
	if d.TitleID != "" && d.TitleID == id {
		return true
	}
	for _, h := range d.Headings {
		if h.ID == id {
			return true
		}
	}
	// Footnotes and other generated anchors are not headings.
	return strings.HasPrefix(id, "fn:") || strings.HasPrefix(id, "fnref:")
}

func (l *linker) linkTags() {
	byslug := map[string]*Tag{}
	// Each tag's documents, by their index in docs, and each document's
	// title in lower case: the sorts below compare indexes into these,
	// where looking documents up in a map for every comparison was most
	// of the time they took at 100,000 documents.
	docs := l.site.Docs()
	members := map[*Tag][]int32{}
	lower := make([]string, len(docs))
	var slugs []string
	for i, d := range docs {
		// A document is in a tag once, however many of its tags have
		// that slug ("Go" and "go").
		slugs = slugs[:0]
		for _, name := range d.Tags {
			slug := Slug(name)
			if slug == "" || slices.Contains(slugs, slug) {
				continue
			}
			slugs = append(slugs, slug)
			t := byslug[slug]
			if t == nil {
				t = &Tag{Name: name, Slug: slug, URL: "/tags/" + slug + "/"}
				byslug[slug] = t
			}
			members[t] = append(members[t], int32(i))
		}
		if len(slugs) > 0 {
			lower[i] = strings.ToLower(d.Title)
		}
	}
	// The tags are sorted in parallel: linking is otherwise one
	// goroutine's work, with the other processors idle.
	var wg sync.WaitGroup
	for t, m := range members {
		wg.Go(func() {
			slices.SortFunc(m, func(a, b int32) int {
				x, y := docs[a], docs[b]
				return cmp.Or(y.Date.Compare(x.Date), cmp.Compare(lower[a], lower[b]), cmp.Compare(x.Path, y.Path))
			})
			t.Docs = make([]*Doc, len(m))
			for i, k := range m {
				t.Docs[i] = docs[k]
			}
		})
	}
	wg.Wait()
	l.site.Tags = slices.SortedFunc(maps.Values(byslug), func(a, b *Tag) int { return cmp.Compare(a.Slug, b.Slug) })
}

func latest(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// ref resolves a name written in front matter to a person or team: by id,
// by name (ignoring case) or by handle (with or without "@").
func (l *linker) ref(name string) Ref {
	r := Ref{Name: name}
	key := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "@"))
	if key == "" {
		return r
	}
	if p := l.people[key]; p != nil {
		r.Person = p
		return r
	}
	if t := l.teams[key]; t != nil {
		r.Team = t
		return r
	}
	// By name or handle: looked up in an index, as refs are made for
	// every decision, page and objective, and a name that is no one's
	// (informed: everyone) went through every person and team.
	if l.byName == nil {
		l.byName = newRefNames(l.site.People, l.site.Teams)
	}
	if p := l.byName.people[key]; p != nil {
		r.Person = p
		return r
	}
	r.Team = l.byName.teams[key]
	return r
}

// unknownPerson reports a person's id that names nobody: with the id
// meant when it is a likely typo, else with some of the ids there are and
// how to add the missing person.
func (l *linker) unknownPerson(pos diag.Pos, what, id string) {
	known := slices.Sorted(maps.Keys(l.people))
	if s := diag.Suggest(id, known); s != "" {
		l.diags.Errorf(pos, "unknown %s %q%s", what, id, s)
		return
	}
	hint := "add them to " + KindPerson.Folder() + "/"
	if id == Slug(id) {
		hint = fmt.Sprintf("add %s/%s.md for them: handbook new person --title %q", KindPerson.Folder(), id, id)
	}
	switch n := len(known); {
	case n == 0:
		l.diags.Errorf(pos, "unknown %s %q: there are no people yet; %s", what, id, hint)
	case n <= 5:
		l.diags.Errorf(pos, "unknown %s %q (people are %s); %s", what, id, strings.Join(known, ", "), hint)
	default:
		l.diags.Errorf(pos, "unknown %s %q (people are %s and %d more); %s", what, id, strings.Join(known[:4], ", "), n-4, hint)
	}
}

func (l *linker) unknown(pos diag.Pos, what, id string, known []string) {
	slices.Sort(known)
	l.diags.Errorf(pos, "unknown %s %q%s", what, id, diag.Suggest(id, known))
}

// Slug turns a name into a URL path segment: lower case, letters and
// digits of any script kept, everything else folded into single hyphens.
// Names are put in Unicode's composed form first, so that "ü" written as
// one character or as "u" and a combining diaeresis (as macOS writes file
// names) give the same slug.
func Slug(name string) string {
	if isSlug(name) {
		// Most file names are slugs already ("2026-11-24-ana-batched-
		// writes"): each document's id and address are made from them.
		return name
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(norm.NFC.String(name)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 127 && isWordRune(r) && (b.Len() > 0 || !unicode.In(r, unicode.Mn, unicode.Mc)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// isSlug reports whether Slug returns name as it is: ASCII lower-case
// letters and digits, single hyphens between them.
func isSlug(name string) bool {
	if name == "" || name[0] == '-' || name[len(name)-1] == '-' {
		return false
	}
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && name[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// String formats a decision's number the way decision logs do: "0007".
func (d *Decision) NumberString() string {
	if d.Number == 0 {
		return ""
	}
	return fmt.Sprintf("%04d", d.Number)
}
