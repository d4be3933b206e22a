// Package site is the model of a handbook site: plain structs for each kind
// of content, the cross-references between them, and the data derived from
// them (key-result progress, backlinks, tags, the status board).
//
// The model does no I/O. Package content fills the documents from files;
// New links them; package render turns the result into outputs.
package site

import (
	"encoding/binary"
	"html/template"
	"slices"
	"time"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/diag"
)

// Kind is the kind of a content document, given by its top folder under
// content/.
type Kind uint8

// The kinds of content, in the order lists and search results show them.
const (
	KindPage      Kind = iota + 1 // handbook/
	KindUpdate                    // updates/
	KindDecision                  // decisions/
	KindObjective                 // objectives/
	KindPerson                    // people/
	KindTeam                      // teams/
)

// Kinds lists every kind in order.
var Kinds = []Kind{KindPage, KindUpdate, KindDecision, KindObjective, KindPerson, KindTeam}

// Folder returns the top folder under content/ that holds documents of kind k.
func (k Kind) Folder() string {
	switch k {
	case KindPage:
		return "handbook"
	case KindUpdate:
		return "updates"
	case KindDecision:
		return "decisions"
	case KindObjective:
		return "objectives"
	case KindPerson:
		return "people"
	case KindTeam:
		return "teams"
	}
	return ""
}

// String returns the kind's singular name, as used in search filters and
// JSON: "page", "update", "decision", "objective", "person", "team".
func (k Kind) String() string {
	switch k {
	case KindPage:
		return "page"
	case KindUpdate:
		return "update"
	case KindDecision:
		return "decision"
	case KindObjective:
		return "objective"
	case KindPerson:
		return "person"
	case KindTeam:
		return "team"
	}
	return "unknown"
}

// KindOfFolder returns the kind whose documents live in folder, or 0.
func KindOfFolder(folder string) Kind {
	for _, k := range Kinds {
		if k.Folder() == folder {
			return k
		}
	}
	return 0
}

// Config is the site's configuration, read from content/site.toml.
type Config struct {
	Title       string
	BaseURL     string // absolute, ends in "/"; feeds and the sitemap use it
	Description string
	Language    string // BCP 47 tag; default "en"
	RepoURL     string // e.g. https://github.com/org/repo; empty disables "edit this page"
	EditBranch  string // default "main"
	ContentDir  string // the content folder's path inside the repository, for edit links; default "content"
	Timezone    *time.Location
	Cadence     Cadence // default check-in cadence of teams that set none

	// FeedItems is how many items each feed carries, the newest; older
	// ones stay on the site's paginated lists. Default DefaultFeedItems.
	FeedItems int

	// DecisionStatuses are the statuses a site adds to the standard ones.
	DecisionStatuses []string
	// RawHTML lets Markdown carry raw HTML through to pages. Off by default:
	// anyone who can open a pull request could otherwise run script in
	// every reader's browser.
	RawHTML bool
}

// DefaultFeedItems is how many items a feed carries unless site.toml sets
// feed_items: readers poll feeds often, and years of updates belong on
// the site, not in every poll.
const DefaultFeedItems = 50

// BasePath returns the path part of the base URL without its final slash,
// e.g. "" for https://example.com/ and "/handbook" for
// https://example.github.io/handbook/. Site paths are prefixed with it.
func (c *Config) BasePath() string {
	p := c.BaseURL
	if i := indexAfterScheme(p); i >= 0 {
		p = p[i:]
	} else {
		p = ""
	}
	for len(p) > 0 && p[len(p)-1] == '/' {
		p = p[:len(p)-1]
	}
	return p
}

// indexAfterScheme returns the index of the path in an absolute URL.
func indexAfterScheme(u string) int {
	for i := 0; i+2 < len(u); i++ {
		if u[i] == ':' && u[i+1] == '/' && u[i+2] == '/' {
			for j := i + 3; j < len(u); j++ {
				if u[j] == '/' {
					return j
				}
			}
			return len(u)
		}
	}
	return -1
}

// Doc holds what every content document has.
type Doc struct {
	Kind Kind
	// Path is the document's path relative to the content folder, with
	// forward slashes: "updates/2026-11-20-ana-search-shards.md".
	Path string
	// File is the path as diagnostics print it: "content/updates/...".
	File string
	// URL is the document's path on the site, without the base path:
	// "/updates/2026-11-20-ana-search-shards/".
	URL   string
	Title string
	// TitleID is the id of the Markdown heading the title came from, when
	// that heading is not in Body: the page's own title carries the id,
	// so links to the heading resolve.
	TitleID string
	// Date orders the document in lists and feeds: an update's or a
	// decision's date, a handbook page's last change or review; zero for
	// people, teams and objectives.
	Date time.Time
	// Body is the rendered Markdown.
	Body template.HTML
	// Summary is the first paragraph as plain text, at most about 300 bytes.
	Summary  string
	Headings []Heading
	// Sections is the body's text split at its headings, for search.
	Sections []Section
	TOC      []TOCItem
	Links    []Link
	Tags     []string
	Draft    bool
	// Aliases are the site paths the document was published at before
	// it moved ("/handbook/old-name/"); each gets a page that redirects
	// here, and a line in Netlify's _redirects.
	Aliases []string
	// Params holds front-matter keys the kind does not define, so that
	// files written for other tools (MADR, Jekyll) still build.
	Params map[string]any
	// Fields holds the position of each front-matter key, so that the
	// model can report problems it finds while linking at the right line.
	Fields Fields
	// Modified and ModifiedBy come from the file's git history, when
	// known, for handbook pages, decisions, people and teams: the kinds
	// whose pages show them (gitinfo reads no other folder's last
	// changes).
	Modified   time.Time
	ModifiedBy string
	// Revisions holds the status the file had after each commit that
	// changed it, oldest first, when git history is known.
	Revisions []Revision

	// ListHash identifies what other pages may show of the document: its
	// file name, front matter, title, summary, headings and links.
	// SourceHash also covers its body, which only its own page, feeds and
	// the search index show. Builds use them to skip unchanged pages.
	ListHash, SourceHash cache.Key

	// Backlinks lists the documents whose body links to this one, in
	// path order. Filled by New.
	Backlinks []*Doc
}

// Pos returns the position of the front-matter key, or the file itself
// when the key is absent.
func (d *Doc) Pos(key string) diag.Pos {
	if p, ok := d.FieldPos(key); ok {
		return p
	}
	return diag.Pos{File: d.File, Line: 1, Col: 1}
}

// FieldPos returns the position of the front-matter key, and whether the
// front matter has it.
func (d *Doc) FieldPos(key string) (diag.Pos, bool) {
	line, col, ok := d.Fields.lookup(key)
	return diag.Pos{File: d.File, Line: line, Col: col}, ok
}

// Fields records where each key of a document's front matter was
// written, by normalised key. It is one string rather than a map: a
// site of 100,000 documents would otherwise keep a million small
// objects (maps, and the keys' strings) for the collector to trace
// through every cycle of a build.
type Fields string

// Field is where a front-matter key was written.
type Field struct {
	Key       string
	Line, Col int
}

// MakeFields records fields. The last of two with the same key wins, as
// in a map.
func MakeFields(fields ...Field) Fields {
	var b []byte
	for _, f := range fields {
		b = binary.AppendUvarint(b, uint64(len(f.Key)))
		b = append(b, f.Key...)
		b = binary.AppendUvarint(b, uint64(max(f.Line, 0)))
		b = binary.AppendUvarint(b, uint64(max(f.Col, 0)))
	}
	return Fields(b)
}

// lookup returns the line and column of key.
func (f Fields) lookup(key string) (line, col int, ok bool) {
	s := string(f)
	next := func() int {
		v, n := binary.Uvarint([]byte(s))
		if n <= 0 {
			s = ""
			return 0
		}
		s = s[n:]
		return int(v)
	}
	for s != "" {
		n := next()
		if n > len(s) {
			break
		}
		k := s[:n]
		s = s[n:]
		l, c := next(), next()
		if k == key {
			line, col, ok = l, c, true
		}
	}
	return line, col, ok
}

// Heading is a heading of a document's body.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Section is the text under one heading of a document's body. ID is ""
// for text before the first heading.
type Section struct {
	ID    string
	Title string
	// Text is the section's plain text, for the search index, which lets
	// go of it once read when the site is rendered.
	Text string
}

// TOCItem is an entry of a document's table of contents.
type TOCItem struct {
	ID    string
	Text  string
	Items []TOCItem
}

// Link is a link or image in a document's body.
type Link struct {
	Pos  diag.Pos
	Dest string // as written
	// Target is the linked content path ("handbook/x.md") when the link is
	// relative and points into the content folder, or a handbook folder
	// with a slash ("handbook/guides/") when it points to one without an
	// index file, whose landing page New finds; empty otherwise.
	Target   string
	Fragment string // without "#"
	Image    bool
	// Hint, for a link to a missing file, says where the file went.
	Hint string
}

// Status is an update's or objective's status.
type Status string

// The statuses an update or objective can have, best first.
const (
	OnTrack  Status = "on-track"
	AtRisk   Status = "at-risk"
	OffTrack Status = "off-track"
)

// Statuses lists the valid statuses, best first.
var Statuses = []Status{OnTrack, AtRisk, OffTrack}

// Rank orders statuses from best (1) to worst (3); 0 for none.
func (s Status) Rank() int {
	switch s {
	case OnTrack:
		return 1
	case AtRisk:
		return 2
	case OffTrack:
		return 3
	}
	return 0
}

// Label returns the status as readers see it: "On track".
func (s Status) Label() string {
	switch s {
	case OnTrack:
		return "On track"
	case AtRisk:
		return "At risk"
	case OffTrack:
		return "Off track"
	}
	return "No status"
}

// Page is an evergreen handbook page.
type Page struct {
	Doc
	Description string
	// Weight, SidebarPosition (Docusaurus's key) and NavOrder (Jekyll
	// just-the-docs's) order the page among its siblings, in that order
	// of precedence: for each key in turn, pages that set it come first,
	// lowest value first (as Hugo orders by weight); then titles. nil
	// when the front matter does not set the key. Positions may be
	// fractions (2.5, between 2 and 3); New sets SidebarPosition, where
	// the front matter does not, from the folder's _category_.json or
	// the number the name starts with (see number).
	Weight                    *int
	SidebarPosition, NavOrder *float64
	// NamedTitle is set when the title was made from the file's or the
	// folder's name, for want of a title or a leading H1.
	NamedTitle bool
	// SidebarLabel names the page in the sidebar and breadcrumbs instead
	// of its title (Docusaurus's sidebar_label; for a folder's landing
	// page, its _category_.json label); "" for the title. See Label.
	SidebarLabel string
	Owner        Ref
	Reviewed     time.Time
	ReviewEvery  Interval
	// Created is when the page was first written: its front matter's
	// created date, else its first commit when git history is known.
	Created time.Time
	// Section is true for a folder's landing page: its index.md, _index.md
	// or README.md; else, as New finds, a page beside it with its address
	// (guides.md beside guides/), or one New generated.
	Section bool
	// Generated is true for the landing page New made for a folder
	// without an index file: titled after the folder, it has a URL and
	// children but no file, body or front matter.
	Generated bool

	// Derived by New.
	Parent    *Page   // the section holding the page; nil for Home
	Children  []*Page // sections and pages in sidebar order
	ReviewDue time.Time
}

// Label is how the sidebar and breadcrumbs name the page: its sidebar
// label, or its title.
func (p *Page) Label() string {
	if p.SidebarLabel != "" {
		return p.SidebarLabel
	}
	return p.Title
}

// Update is a check-in.
type Update struct {
	Doc
	AuthorID   string
	TeamID     string // defaults to the author's team
	Status     Status
	Objectives []string
	Progress   []Progress
	// Blockers are read from the body's "## Blockers" section when it
	// has one (BlockersInBody), else from front matter; "None" is none.
	Blockers       []string
	BlockersInBody bool
	// Mentions are the @handles written in the blockers, where they are
	// written, for reporting the ones that name nobody.
	Mentions []Mention

	// Derived by New.
	Author          *Person
	Team            *Team
	ObjectiveRefs   []*Objective
	BlockerMentions []*Person // people named in blockers, by id, name or handle
	Blocked         []Blocker // each blocker with the people it names
}

// Mention is an @handle written in a blocker, and where.
type Mention struct {
	Name string // without the "@"
	Pos  diag.Pos
}

// Progress is a key-result value an update reports.
type Progress struct {
	Key         string // "objective-id/kr-id" as written
	ObjectiveID string
	KeyResultID string
	Value       float64
	Pos         diag.Pos

	// Derived by New.
	Objective *Objective
	KeyResult *KeyResult
}

// Decision is a decision record.
type Decision struct {
	Doc
	// ID is the file's base name without extension: "0007-use-postgres".
	ID string
	// Number is the leading number of the file name; 0 when there is none.
	Number int
	// Status is the status, lower case when it is a known one: "accepted".
	// An unknown status is kept as written. MADR's "superseded by
	// ADR-0012" becomes "superseded" with SupersededByIDs.
	Status string
	// Known is false when Status is neither a standard status nor one the
	// site declares.
	Known          bool
	DecisionMakers []Ref
	Consulted      []Ref
	Informed       []Ref
	Supersedes     []string // decision numbers or ids as written
	RespondBy      time.Time
	// SupersededByIDs holds successors named in the status field.
	SupersededByIDs []string
	// History is the front-matter history list, as written.
	History []StatusChange

	// Derived by New.
	SupersedesRefs []*Decision
	SupersededBy   []*Decision
	Events         []*Event // status changes, oldest first
}

// Standard decision statuses, from MADR.
const (
	Proposed   = "proposed"
	Accepted   = "accepted"
	Rejected   = "rejected"
	Deprecated = "deprecated"
	Superseded = "superseded"
)

// DecisionStatuses lists the standard decision statuses.
var DecisionStatuses = []string{Proposed, Accepted, Rejected, Deprecated, Superseded}

// Objective is an objective with key results.
type Objective struct {
	Doc
	ID         string
	OwnerRef   Ref
	TeamID     string
	Period     Period
	KeyResults []*KeyResult
	// Explicit is the status set in front matter; empty when derived.
	Explicit Status
	// History is the front-matter history list, as written.
	History []StatusChange

	// Derived by New.
	Team    *Team
	Status  Status    // Explicit, or the worst status of its updates in the period
	Updates []*Update // updates that name it or report on it, newest first
	Events  []*Event  // status changes, oldest first
}

// Progress returns the mean progress of the objective's key results, 0..1.
func (o *Objective) Progress() float64 {
	if len(o.KeyResults) == 0 {
		return 0
	}
	var sum float64
	for _, kr := range o.KeyResults {
		sum += kr.Progress()
	}
	return sum / float64(len(o.KeyResults))
}

// KeyResult is a measurable result of an objective.
type KeyResult struct {
	ID     string
	Title  string
	Start  float64
	Target float64
	Unit   string
	Pos    diag.Pos

	// Derived by New: every reported value, oldest first.
	Reports []Report
}

// Report is one value of a key result, reported by an update.
type Report struct {
	Date   time.Time
	Value  float64
	Update *Update
}

// Current returns the latest reported value, or Start when there is none.
func (kr *KeyResult) Current() float64 {
	if len(kr.Reports) == 0 {
		return kr.Start
	}
	return kr.Reports[len(kr.Reports)-1].Value
}

// Reported reports whether any update has reported a value.
func (kr *KeyResult) Reported() bool { return len(kr.Reports) > 0 }

// Progress returns how far Current is from Start towards Target, clamped
// to 0..1. Targets below the start (latency down from 900 ms to 300 ms)
// work the same way.
func (kr *KeyResult) Progress() float64 {
	return Fraction(kr.Start, kr.Target, kr.Current())
}

// Fraction returns how far v is on the way from start to target, clamped
// to 0..1.
func Fraction(start, target, v float64) float64 {
	if target == start {
		if v == target {
			return 1
		}
		return 0
	}
	f := (v - start) / (target - start)
	return max(0, min(1, f))
}

// Person is a member of the team.
type Person struct {
	Doc
	ID       string
	Name     string
	TeamID   string
	Role     string
	Timezone string
	Location *time.Location
	Handle   string
	Email    string
	Hours    Hours
	Joined   time.Time
	Away     []Span

	// Derived by New.
	Team       *Team
	Updates    []*Update    // newest first
	Objectives []*Objective // objectives they own
	Decisions  []*Decision  // decisions they made (decision-makers), newest first
	Pages      []*Page      // handbook pages they own
}

// AwayOn reports whether the person is away at t.
func (p *Person) AwayOn(t time.Time) bool {
	for _, s := range p.Away {
		if s.Contains(t) {
			return true
		}
	}
	return false
}

// Team is a team of people.
type Team struct {
	Doc
	ID       string
	Name     string
	LeadRef  Ref
	Cadence  Cadence
	Timezone string
	Location *time.Location

	// Derived by New.
	Members    []*Person    // by name
	Updates    []*Update    // newest first
	Objectives []*Objective // in period then title order
}

// Ref is a name written in front matter (owner, decision-makers, ...). It
// links to a person or team when it matches one and is shown as written
// otherwise: real decision records name people freely.
type Ref struct {
	Name   string // as written
	Person *Person
	Team   *Team
}

// Label returns the name readers see: the person's or team's name when the
// ref resolved, the text as written otherwise.
func (r Ref) Label() string {
	switch {
	case r.Person != nil:
		return r.Person.Name
	case r.Team != nil:
		return r.Team.Name
	}
	return r.Name
}

// URL returns the page of the person or team, or "".
func (r Ref) URL() string {
	switch {
	case r.Person != nil:
		return r.Person.URL
	case r.Team != nil:
		return r.Team.URL
	}
	return ""
}

// Tag is a tag and the documents that carry it.
type Tag struct {
	Name string
	Slug string
	URL  string
	Docs []*Doc // newest first for dated documents, then by title
}

// MentionIDs lists what an @mention may name: every person's id and
// handle and every team's id, sorted, each once.
func (s *Site) MentionIDs() []string {
	var ids []string
	for _, p := range s.People {
		ids = append(ids, p.ID)
		if p.Handle != "" {
			ids = append(ids, p.Handle)
		}
	}
	for _, t := range s.Teams {
		ids = append(ids, t.ID)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
