package render

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/site"
)

// The JSON export is the model for other tools (chat bots, dashboards):
// /api/site.json holds everything, /api/<kind>.json one kind each, and
// /api/schema.json is the JSON Schema both follow. References between
// documents are ids, so every file stands alone. Times are RFC 3339; a
// date without a time is midnight in the site's time zone.

// APIVersion is the export's version; it changes when a field changes
// meaning or goes away, not when one is added.
const APIVersion = 2

// apiSchema is the JSON Schema of the export, kept beside this file and
// published as /api/schema.json.
//
//go:embed api.schema.json
var apiSchema []byte

// apiKinds are the per-kind files, in the order site.json lists them.
var apiKinds = []string{"people", "teams", "pages", "updates", "decisions", "objectives", "events"}

type apiFile struct {
	Schema    string          `json:"$schema"`
	Version   int             `json:"version"`
	Generated string          `json:"generated"`
	Site      *apiConfig      `json:"site,omitempty"`
	People    *[]apiPerson    `json:"people,omitempty"`
	Teams     *[]apiTeam      `json:"teams,omitempty"`
	Pages     *[]apiPage      `json:"pages,omitempty"`
	Updates   *[]apiUpdate    `json:"updates,omitempty"`
	Decisions *[]apiDecision  `json:"decisions,omitempty"`
	Objs      *[]apiObjective `json:"objectives,omitempty"`
	Events    *[]apiEvent     `json:"events,omitempty"`
}

type apiConfig struct {
	Title       string `json:"title"`
	BaseURL     string `json:"base_url"`
	Description string `json:"description"`
	Language    string `json:"language"`
	Timezone    string `json:"timezone"`
	Cadence     string `json:"cadence"`
}

type apiRef struct {
	Name   string  `json:"name"`
	Person *string `json:"person"`
	Team   *string `json:"team"`
}

type apiHours struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

type apiSpan struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type apiCheckIn struct {
	State       string  `json:"state"`
	WindowStart string  `json:"window_start"`
	WindowEnd   string  `json:"window_end"`
	Due         string  `json:"due"`
	Update      *string `json:"update"`
	Streak      int     `json:"streak"`
}

type apiAttention struct {
	Proposals      []string `json:"proposals"`
	CheckInMissing bool     `json:"checkin_missing"`
	Reviews        []string `json:"reviews"`
	KeyResults     []string `json:"key_results"`
	Blockers       []string `json:"blockers"`
}

type apiPerson struct {
	ID        string         `json:"id"`
	URL       string         `json:"url"`
	Name      string         `json:"name"`
	Team      *string        `json:"team"`
	Role      string         `json:"role"`
	Timezone  string         `json:"timezone"`
	Handle    string         `json:"handle"`
	Email     string         `json:"email"`
	Hours     *apiHours      `json:"hours"`
	Joined    *string        `json:"joined"`
	Away      []apiSpan      `json:"away"`
	CheckIn   apiCheckIn     `json:"checkin"`
	Attention apiAttention   `json:"attention"`
	Tags      []string       `json:"tags"`
	Params    map[string]any `json:"params"`
}

type apiTeam struct {
	ID       string         `json:"id"`
	URL      string         `json:"url"`
	Name     string         `json:"name"`
	Lead     *apiRef        `json:"lead"`
	Cadence  string         `json:"cadence"`
	Timezone string         `json:"timezone"`
	Members  []string       `json:"members"`
	Streak   int            `json:"streak"`
	Tags     []string       `json:"tags"`
	Params   map[string]any `json:"params"`
}

type apiPage struct {
	Path        string         `json:"path"`
	URL         string         `json:"url"`
	Title       string         `json:"title"`
	Label       string         `json:"sidebar_label,omitempty"`
	Description string         `json:"description"`
	Section     bool           `json:"section"`
	Parent      *string        `json:"parent"`
	Owner       *apiRef        `json:"owner"`
	Created     *string        `json:"created"`
	Reviewed    *string        `json:"reviewed"`
	ReviewEvery string         `json:"review_every"`
	ReviewDue   *string        `json:"review_due"`
	Overdue     bool           `json:"overdue"`
	Modified    *string        `json:"modified"`
	ModifiedBy  string         `json:"modified_by"`
	Tags        []string       `json:"tags"`
	Summary     string         `json:"summary"`
	Params      map[string]any `json:"params"`
}

type apiProgress struct {
	Objective string  `json:"objective"`
	KeyResult string  `json:"key_result"`
	Value     float64 `json:"value"`
}

type apiBlocker struct {
	Text     string   `json:"text"`
	Mentions []string `json:"mentions"`
}

type apiUpdate struct {
	Path       string         `json:"path"`
	URL        string         `json:"url"`
	Title      string         `json:"title"`
	Author     string         `json:"author"`
	Team       *string        `json:"team"`
	Date       string         `json:"date"`
	Status     *string        `json:"status"`
	Objectives []string       `json:"objectives"`
	Progress   []apiProgress  `json:"progress"`
	Blockers   []apiBlocker   `json:"blockers"`
	Tags       []string       `json:"tags"`
	Summary    string         `json:"summary"`
	Params     map[string]any `json:"params"`
}

type apiDecision struct {
	ID             string         `json:"id"`
	Number         *int           `json:"number"`
	URL            string         `json:"url"`
	Title          string         `json:"title"`
	Status         string         `json:"status"`
	KnownStatus    bool           `json:"known_status"`
	Date           *string        `json:"date"`
	RespondBy      *string        `json:"respond_by"`
	Open           bool           `json:"open"`
	DecisionMakers []apiRef       `json:"decision_makers"`
	Consulted      []apiRef       `json:"consulted"`
	Informed       []apiRef       `json:"informed"`
	Supersedes     []string       `json:"supersedes"`
	SupersededBy   []string       `json:"superseded_by"`
	Tags           []string       `json:"tags"`
	Summary        string         `json:"summary"`
	Params         map[string]any `json:"params"`
}

type apiPeriod struct {
	Name  string `json:"name"`
	Start string `json:"start"`
	End   string `json:"end"`
}

type apiReport struct {
	Date   string  `json:"date"`
	Value  float64 `json:"value"`
	Update string  `json:"update"`
}

type apiKeyResult struct {
	ID       string      `json:"id"`
	Title    string      `json:"title"`
	Start    float64     `json:"start"`
	Target   float64     `json:"target"`
	Unit     string      `json:"unit"`
	Current  float64     `json:"current"`
	Progress float64     `json:"progress"`
	Reports  []apiReport `json:"reports"`
}

type apiObjective struct {
	ID         string         `json:"id"`
	URL        string         `json:"url"`
	Title      string         `json:"title"`
	Owner      *apiRef        `json:"owner"`
	Team       *string        `json:"team"`
	Period     apiPeriod      `json:"period"`
	Current    bool           `json:"current"`
	Status     *string        `json:"status"`
	Derived    bool           `json:"status_derived"`
	Progress   float64        `json:"progress"`
	KeyResults []apiKeyResult `json:"key_results"`
	Tags       []string       `json:"tags"`
	Summary    string         `json:"summary"`
	Params     map[string]any `json:"params"`
}

type apiEvent struct {
	Date   string  `json:"date"`
	Kind   string  `json:"kind"`
	ID     string  `json:"id"`
	URL    string  `json:"url"`
	From   *string `json:"from"`
	To     string  `json:"to"`
	Source string  `json:"source"`
	Text   string  `json:"text"`
}

// apiOutputs returns /api/site.json, the per-kind files and the schema.
func (r *renderer) apiOutputs(emit func(Output) error) error {
	if err := emit(Output{Path: "api/schema.json", Data: apiSchema}); err != nil {
		return err
	}
	// Each item is made and encoded once, and site.json and each kind's
	// file are written from the same encoded lists: only the lists are
	// held in memory, never the items they were encoded from.
	s := r.site
	lists := make([]apiList, len(apiKinds))
	for i, kind := range apiKinds {
		l := &lists[i]
		l.name = kind
		switch kind {
		case "people":
			l.encode = listEncoder(s.People, r.apiPerson)
		case "teams":
			l.encode = listEncoder(s.Teams, r.apiTeam)
		case "pages":
			l.encode = listEncoder(s.Pages, r.apiPage)
		case "updates":
			// The updates are most of the export, and an update's
			// item depends on few other documents: their runs are
			// kept in the cache (see cachedRuns).
			l.encode = cachedRuns(r, "updates", s.Updates, r.apiUpdate, apiUpdateKey, func(u *site.Update) string { return u.URL })
		case "decisions":
			l.encode = listEncoder(s.Decisions, r.apiDecision)
		case "objectives":
			l.encode = listEncoder(s.Objectives, r.apiObjective)
		case "events":
			l.encode = listEncoder(s.Events, r.apiEvent)
		}
	}
	// A file is written from the lists as they were encoded, in runs of
	// items, never put together in a buffer of its own: at 100,000
	// documents site.json and the per-kind files assembled in memory
	// were 174 MB of copies, and half of what the export held at once.
	encoded := make([][][]byte, len(lists))
	for i, l := range lists {
		parts, err := encodeList(l)
		if err != nil {
			return fmt.Errorf("encode api/%s.json: %w", l.name, err)
		}
		encoded[i] = parts
	}
	shell, err := apiShell(r.apiHead(true))
	if err != nil {
		return fmt.Errorf("encode api/site.json: %w", err)
	}
	if err := emit(Output{Path: "api/site.json", Parts: apiFileParts(shell, encoded...)}); err != nil {
		return err
	}
	if shell, err = apiShell(r.apiHead(false)); err != nil {
		return err
	}
	for i, kind := range apiKinds {
		parts := apiFileParts(shell, encoded[i])
		encoded[i] = nil
		if err := emit(Output{Path: "api/" + kind + ".json", Parts: parts}); err != nil {
			return err
		}
	}
	return nil
}

// apiList is one list of an API file.
type apiList struct {
	name string
	// encode returns the list's items in runs, one after the other, each
	// item on a line of its own after a comma or the list's opening.
	encode func() ([][]byte, error)
}

// listEncoder returns the encode function of an apiList of the items
// item makes of each of list. Each item is on one line: an API file is
// indented down to its lists and has one item per line, readable, easy
// to diff and grep, and without the indentation that made up a third of
// a large export.
func listEncoder[S, T any](list []S, item func(S) T) func() ([][]byte, error) {
	return func() ([][]byte, error) {
		var spans [][2]int
		for lo := 0; lo < len(list); lo += apiRun {
			spans = append(spans, [2]int{lo, min(lo+apiRun, len(list))})
		}
		// A run is encoded into a scratch buffer another run has grown
		// already, then kept at its exact size.
		var scratch sync.Pool
		return encodeRuns(spans, func(lo, hi int) ([]byte, error) {
			buf, _ := scratch.Get().(*[]byte)
			if buf == nil {
				buf = new([]byte)
			}
			defer scratch.Put(buf)
			out, err := appendRun((*buf)[:0], list[lo:hi], item, lo == 0)
			if err != nil {
				return nil, err
			}
			*buf = out
			return bytes.Clone(out), nil
		})
	}
}

// encodeRuns returns what encode makes of each span, in order, made in
// parallel: at 100,000 documents one goroutine encoding the export took
// 2 s, most of it after the last page was made. An item is made just
// before it is encoded, so that only the runs being encoded hold theirs:
// all of them, made first, were a sixth of the objects the collector
// traced at a big site's peak.
func encodeRuns(spans [][2]int, encode func(lo, hi int) ([]byte, error)) ([][]byte, error) {
	runs := make([][]byte, len(spans))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for k, span := range spans {
		g.Go(func() error {
			var err error
			runs[k], err = encode(span[0], span[1])
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return runs, nil
}

// appendRun appends the items item makes of list to out, each encoded on
// a line of its own after a comma, or, for the first of the list, after
// the list's opening.
func appendRun[S, T any](out []byte, list []S, item func(S) T, first bool) ([]byte, error) {
	for i, x := range list {
		data, err := json.Marshal(item(x))
		if err != nil {
			return nil, err
		}
		if i > 0 || !first {
			out = append(out, ',')
		}
		out = append(out, "\n    "...)
		out = append(out, data...)
	}
	return out, nil
}

// cachedRuns is listEncoder for a list whose items have a key (key adds
// to a hasher everything item reads of one, beyond the build's base
// key): runs whose items' keys are those of a run of an earlier build
// are taken from the cache, and only the others are made and encoded.
// An edit at 10,000 documents encoded every update again, 7,500 items
// and a fifth of a second of CPU, for the one item that changed.
//
// Where a run ends depends on its last item alone (cache.Runs), as with
// the search index's groups: a new update, at the start of the list,
// changes its own run, not every run after it.
func cachedRuns[S, T any](r *renderer, name string, list []S, item func(S) T, key func(*cache.Hasher, S), url func(S) string) func() ([][]byte, error) {
	return func() ([][]byte, error) {
		spans := cache.Runs(len(list), apiRun, func(i int) string { return url(list[i]) })
		return encodeRuns(spans, func(lo, hi int) ([]byte, error) {
			h := cache.NewHasher(apiRunNS).Int(apiRunVersion).Key(r.base).String(name).Bool(lo == 0)
			for _, x := range list[lo:hi] {
				key(h, x)
			}
			// An entry is the run, then its hash: a damaged one is made
			// again.
			runKey := h.Sum()
			if data, ok := r.opts.Cache.Get(apiRunNS, runKey); ok && len(data) >= len(runKey) {
				run, sum := data[:len(data)-len(runKey)], data[len(data)-len(runKey):]
				if cache.Sum(run) == cache.Key(sum) {
					return run, nil
				}
			}
			out, err := appendRun(nil, list[lo:hi], item, lo == 0)
			if err != nil {
				return nil, err
			}
			sum := cache.Sum(out)
			r.opts.Cache.PutParts(apiRunNS, runKey, [][]byte{out, sum[:]})
			return out, nil
		})
	}
}

// The cache's namespace of encoded runs of the export (see cachedRuns),
// and the version of their keys.
const (
	apiRunNS      = "api-run"
	apiRunVersion = 1
)

// apiRun is how many items listEncoder encodes together, and how many a
// run of cachedRuns holds on average (cache.Runs).
const apiRun = 256

// encodeList returns the parts of l as a member of an API file's
// top-level object, `"name": [...]`.
func encodeList(l apiList) ([][]byte, error) {
	name, _ := json.Marshal(l.name)
	runs, err := l.encode()
	if err != nil {
		return nil, err
	}
	end := []byte("]")
	if len(runs) > 0 {
		end = []byte("\n  ]")
	}
	return slices.Concat([][]byte{append(name, ": ["...)}, runs, [][]byte{end}), nil
}

// apiShell is what encodeJSON writes for head, without
// its closing "\n}\n": the lists go there.
func apiShell(head apiFile) ([]byte, error) {
	shell, err := encodeJSON(head)
	if err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(shell, []byte("\n}\n")), nil
}

// apiFileParts returns the parts of an API file, its shell and its
// encoded lists, nil ones left out: the JSON encodeJSON would write for
// the whole file, except that each item is on one line.
func apiFileParts(shell []byte, lists ...[][]byte) [][]byte {
	sep, end := []byte(",\n  "), []byte("\n}\n")
	parts := [][]byte{shell}
	for _, l := range lists {
		if l != nil {
			parts = append(parts, sep)
			parts = append(parts, l...)
		}
	}
	return append(parts, end)
}

func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	// The default HTML escaping of <, > and & keeps the files safe to
	// embed in a page.
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// apiHead is the head of every API file; with site, that of site.json.
func (r *renderer) apiHead(site bool) apiFile {
	s := r.site
	f := apiFile{Schema: r.abs("/api/schema.json"), Version: APIVersion, Generated: s.Now.Format(time.RFC3339)}
	if site {
		loc := s.Location(nil)
		f.Site = &apiConfig{Title: s.Config.Title, BaseURL: s.Config.BaseURL, Description: s.Config.Description, Language: s.Config.Language, Timezone: loc.String(), Cadence: s.Cadence(nil).String()}
	}
	return f
}

// apiPerson is a person in the export.
func (r *renderer) apiPerson(p *site.Person) apiPerson {
	s, now := r.site, r.site.Now
	ap := apiPerson{ID: p.ID, URL: r.abs(p.URL), Name: p.Name, Role: p.Role, Timezone: p.Timezone, Handle: p.Handle, Email: p.Email, Joined: apiTime(p.Joined), Away: []apiSpan{}, Tags: strs(p.Tags), Params: params(p.Params)}
	ap.Team = apiTeamID(p.Team)
	if p.Hours.Set {
		ap.Hours = &apiHours{Start: clock(p.Hours.Start), End: clock(p.Hours.End)}
	}
	for _, a := range p.Away {
		ap.Away = append(ap.Away, apiSpan{From: a.From.Format(time.RFC3339), To: a.To.Format(time.RFC3339)})
	}
	c := s.CheckInAt(p, now)
	ap.CheckIn = apiCheckIn{State: c.Record.Slug(), WindowStart: c.Start.Format(time.RFC3339), WindowEnd: c.End.Format(time.RFC3339), Due: c.Due.Format(time.RFC3339), Streak: s.Accountability(p, now, 1).Streak}
	if c.Update != nil {
		u := r.abs(c.Update.URL)
		ap.CheckIn.Update = &u
	}
	a := s.Attention(p, now)
	ap.Attention = apiAttention{Proposals: []string{}, CheckInMissing: len(a.CheckIns) > 0, Reviews: []string{}, KeyResults: []string{}, Blockers: []string{}}
	for _, x := range a.Proposals {
		ap.Attention.Proposals = append(ap.Attention.Proposals, x.Decision.ID)
	}
	for _, pg := range a.Reviews {
		ap.Attention.Reviews = append(ap.Attention.Reviews, pg.Path)
	}
	for _, k := range a.KeyResults {
		ap.Attention.KeyResults = append(ap.Attention.KeyResults, k.Objective.ID+"/"+k.KeyResult.ID)
	}
	for _, b := range a.Blockers {
		ap.Attention.Blockers = append(ap.Attention.Blockers, b.Update.Path)
	}
	return ap
}

// apiTeam is a team in the export.
func (r *renderer) apiTeam(t *site.Team) apiTeam {
	s, now := r.site, r.site.Now
	at := apiTeam{ID: t.ID, URL: r.abs(t.URL), Name: t.Name, Lead: apiRefOf(t.LeadRef), Cadence: s.Cadence(t).String(), Timezone: s.Location(t).String(), Members: []string{}, Tags: strs(t.Tags), Params: params(t.Params)}
	for _, m := range t.Members {
		at.Members = append(at.Members, m.ID)
	}
	at.Streak = s.TeamAccountability(t, now, 1).Streak
	return at
}

// apiPage is a handbook page in the export.
func (r *renderer) apiPage(p *site.Page) apiPage {
	now := r.site.Now
	ap := apiPage{Path: p.Path, URL: r.abs(p.URL), Title: p.Title, Label: p.SidebarLabel, Description: p.Description, Section: p.Section, Owner: apiRefOf(p.Owner),
		Created: apiTime(p.Created), Reviewed: apiTime(p.Reviewed), ReviewEvery: p.ReviewEvery.String(), ReviewDue: apiTime(p.ReviewDue), Overdue: p.Overdue(now),
		Modified: apiTime(p.Modified), ModifiedBy: p.ModifiedBy, Tags: strs(p.Tags), Summary: p.Summary, Params: params(p.Params)}
	if p.Parent != nil {
		u := r.abs(p.Parent.URL)
		ap.Parent = &u
	}
	return ap
}

// apiUpdateKey adds to h everything apiUpdate reads of u, beyond the
// build's base key (the site's configuration, where r.abs takes its
// host): its document as lists show it (ListHash: its front matter,
// summary and blockers), its URL and date, and what New linked to it.
func apiUpdateKey(h *cache.Hasher, u *site.Update) {
	// The instant and the offset are what RFC 3339 writes; UnixNano
	// would overflow past 2262, a year front matter may hold.
	_, offset := u.Date.Zone()
	h.Key(u.ListHash).String(u.Path).String(u.URL).String(u.Title).String(u.AuthorID).Int(u.Date.Unix()).Int(int64(u.Date.Nanosecond())).Int(int64(offset)).String(string(u.Status))
	h.String(u.Summary).Int(int64(len(u.Tags)))
	for _, t := range u.Tags {
		h.String(t)
	}
	if u.Team != nil {
		h.String(u.Team.ID)
	} else {
		h.String("no team")
	}
	h.Int(int64(len(u.ObjectiveRefs)))
	for _, o := range u.ObjectiveRefs {
		h.String(o.ID)
	}
	h.Int(int64(len(u.Progress)))
	for _, p := range u.Progress {
		if p.KeyResult != nil {
			h.String(p.Objective.ID).String(p.KeyResult.ID).Int(int64(math.Float64bits(p.Value)))
		} else {
			h.String("no key result")
		}
	}
	h.Int(int64(len(u.Blocked)))
	for _, b := range u.Blocked {
		h.String(b.Text).Int(int64(len(b.Mentions)))
		for _, p := range b.Mentions {
			h.String(p.ID)
		}
	}
}

// apiUpdate is an update in the export.
func (r *renderer) apiUpdate(u *site.Update) apiUpdate {
	au := apiUpdate{Path: u.Path, URL: r.abs(u.URL), Title: u.Title, Author: u.AuthorID, Date: u.Date.Format(time.RFC3339), Objectives: []string{}, Progress: []apiProgress{}, Blockers: []apiBlocker{}, Tags: strs(u.Tags), Summary: u.Summary, Params: params(u.Params)}
	au.Team, au.Status = apiTeamID(u.Team), apiStatus(u.Status)
	for _, o := range u.ObjectiveRefs {
		au.Objectives = append(au.Objectives, o.ID)
	}
	for _, p := range u.Progress {
		if p.KeyResult != nil {
			au.Progress = append(au.Progress, apiProgress{Objective: p.Objective.ID, KeyResult: p.KeyResult.ID, Value: p.Value})
		}
	}
	for _, b := range u.Blocked {
		ab := apiBlocker{Text: b.Text, Mentions: []string{}}
		for _, p := range b.Mentions {
			ab.Mentions = append(ab.Mentions, p.ID)
		}
		au.Blockers = append(au.Blockers, ab)
	}
	return au
}

// apiDecision is a decision in the export.
func (r *renderer) apiDecision(d *site.Decision) apiDecision {
	now := r.site.Now
	ad := apiDecision{ID: d.ID, URL: r.abs(d.URL), Title: d.Title, Status: d.Status, KnownStatus: d.Known, Date: apiTime(d.Date), RespondBy: apiTime(d.RespondBy), Open: d.Open(now),
		DecisionMakers: apiRefs(d.DecisionMakers), Consulted: apiRefs(d.Consulted), Informed: apiRefs(d.Informed), Supersedes: []string{}, SupersededBy: []string{}, Tags: strs(d.Tags), Summary: d.Summary, Params: params(d.Params)}
	if d.Number > 0 {
		n := d.Number
		ad.Number = &n
	}
	for _, x := range d.SupersedesRefs {
		ad.Supersedes = append(ad.Supersedes, x.ID)
	}
	for _, x := range d.SupersededBy {
		ad.SupersededBy = append(ad.SupersededBy, x.ID)
	}
	return ad
}

// apiObjective is an objective in the export.
func (r *renderer) apiObjective(o *site.Objective) apiObjective {
	now := r.site.Now
	ao := apiObjective{ID: o.ID, URL: r.abs(o.URL), Title: o.Title, Owner: apiRefOf(o.OwnerRef), Current: o.Period.Contains(now), Derived: o.Explicit == "", Progress: o.Progress(),
		Period:     apiPeriod{Name: o.Period.Name, Start: o.Period.Start.Format(time.RFC3339), End: o.Period.End.Format(time.RFC3339)},
		KeyResults: []apiKeyResult{}, Tags: strs(o.Tags), Summary: o.Summary, Params: params(o.Params)}
	ao.Team, ao.Status = apiTeamID(o.Team), apiStatus(o.Status)
	for _, kr := range o.KeyResults {
		ak := apiKeyResult{ID: kr.ID, Title: kr.Title, Start: kr.Start, Target: kr.Target, Unit: kr.Unit, Current: kr.Current(), Progress: kr.Progress(), Reports: []apiReport{}}
		for _, rep := range kr.Reports {
			ak.Reports = append(ak.Reports, apiReport{Date: rep.Date.Format(time.RFC3339), Value: rep.Value, Update: rep.Update.Path})
		}
		ao.KeyResults = append(ao.KeyResults, ak)
	}
	return ao
}

// apiEvent is an event in the export.
func (r *renderer) apiEvent(e *site.Event) apiEvent {
	ae := apiEvent{Date: e.Date.Format(time.RFC3339), URL: r.abs(e.URL()), To: e.To, Source: e.Source.String(), Text: e.Text()}
	if e.Decision != nil {
		ae.Kind, ae.ID = "decision", e.Decision.ID
	} else {
		ae.Kind, ae.ID = "objective", e.Objective.ID
	}
	if e.From != "" {
		from := e.From
		ae.From = &from
	}
	return ae
}

// apiTeamID is the id of t, null without a team.
func apiTeamID(t *site.Team) *string {
	if t == nil {
		return nil
	}
	return &t.ID
}

// apiStatus is s, null when there is none.
func apiStatus(s site.Status) *string {
	if s == "" {
		return nil
	}
	str := string(s)
	return &str
}

func apiTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.RFC3339)
	return &s
}

func apiRefOf(ref site.Ref) *apiRef {
	if ref.Name == "" {
		return nil
	}
	a := &apiRef{Name: ref.Name}
	if ref.Person != nil {
		a.Person = &ref.Person.ID
	}
	if ref.Team != nil {
		a.Team = &ref.Team.ID
	}
	return a
}

func apiRefs(refs []site.Ref) []apiRef {
	out := make([]apiRef, 0, len(refs))
	for _, ref := range refs {
		if a := apiRefOf(ref); a != nil {
			out = append(out, *a)
		}
	}
	return out
}

func strs(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// params returns front-matter keys the model does not know, as JSON can
// carry them: numbers JSON has no words for (.nan, .inf) become text.
func params(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = jsonSafe(v)
	}
	return out
}

func jsonSafe(v any) any {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
	case map[string]any:
		return params(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonSafe(e)
		}
		return out
	}
	return v
}

func clock(minutes int) string { return fmt.Sprintf("%02d:%02d", minutes/60, minutes%60) }
