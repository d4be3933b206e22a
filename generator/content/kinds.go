package content

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/markdown"
	"github.com/handbook/handbook/generator/site"
)

// Each decode function reads one kind's front matter into its typed
// struct. Keys it does not ask for become the document's params.

func decodePage(f *fields, d site.Doc, h1 string) *site.Page {
	p := &site.Page{Doc: d}
	p.Section = isSection(d.Path)
	title := f.str("title")
	p.Title, p.NamedTitle = firstOf(title, h1, pageFallbackTitle(d.Path)), title == "" && h1 == ""
	p.Description = f.str("description", "summary")
	p.SidebarLabel = f.str("sidebar_label")
	p.Weight = f.optionalInteger("weight")
	p.SidebarPosition = f.optionalNumber("sidebar_position")
	p.NavOrder = f.optionalNumber("nav_order")
	p.Owner = site.Ref{Name: f.str("owner")}
	p.Reviewed = f.date("reviewed", "last_reviewed")
	// The last change; git history, when there is one, replaces it.
	p.Modified = f.date("updated", "last_modified", "modified")
	p.Created = f.date("created", "date")
	if v, key, ok := f.get("review_every"); ok {
		s, isText := scalarString(v)
		iv, err := site.ParseInterval(s)
		switch {
		case !isText:
			f.errorf(v, key, "want an interval such as \"6 months\", got %s", describe(v.v))
		case err != nil:
			f.errorf(v, key, "%v", err)
		default:
			p.ReviewEvery = iv
		}
	}
	return p
}

// pageFallbackTitle names a page without a title or a leading H1 after
// its file, or its folder's for an index file ("time-off.md" -> "Time
// off"); the site leaves a number prefix out (see site.NumberPrefix).
func pageFallbackTitle(rel string) string {
	if isSection(rel) {
		return site.FolderTitle(path.Dir(rel))
	}
	return humanize(path.Base(rel))
}

func decodeUpdate(f *fields, d site.Doc, md markdown.Result, bodyMentions []site.Mention) *site.Update {
	u := &site.Update{Doc: d}
	u.Title = firstOf(f.str("title"), md.Title)
	u.AuthorID = strings.ToLower(f.str("author"))
	f.require(d, "missing author: an update needs the id of the person who wrote it", "author")
	u.Date = f.date("date")
	f.require(d, "missing date: an update needs the date it reports on (YYYY-MM-DD)", "date")
	u.TeamID = strings.ToLower(f.str("team"))
	u.Status = f.status("status")
	for _, o := range f.strs(true, "objectives", "objective") {
		u.Objectives = append(u.Objectives, strings.ToLower(o))
	}
	if m, key := f.table("progress"); m != nil {
		for i, k := range m.keys {
			v := m.vals[i]
			pos := m.keyPos[i]
			obj, kr, ok := strings.Cut(k, "/")
			if !ok || obj == "" || kr == "" {
				f.diags.Errorf(pos, "%s: key %q must name an objective and a key result as \"objective-id/kr-id\"", key, k)
				continue
			}
			n, err := toNumber(v)
			if err != nil {
				f.diags.Errorf(v.pos, "%s: %s: %v", key, k, err)
				continue
			}
			u.Progress = append(u.Progress, site.Progress{Key: k, ObjectiveID: strings.ToLower(obj), KeyResultID: strings.ToLower(kr), Value: n, Pos: pos})
		}
	}
	decodeBlockers(f, u, md, bodyMentions)
	return u
}

// supersededBy matches MADR's "superseded by ADR-0123" status, also with
// a Markdown link: "superseded by [ADR-0123](0123-x.md)".
var supersededBy = regexp.MustCompile(`(?i)^superseded\s+by\b(.*)$`)
var decisionRef = regexp.MustCompile(`(?i)^\s*(?:adr[-_ ]?|#)?(\d+)`)

// markdownLink matches [text](target), to read a link's text.
var markdownLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

// successors reads the decisions named after "superseded by": a list
// separated by commas or "and", each starting with a number, "ADR-0012"
// or "#12", written plain or as a Markdown link. Words after a reference
// ("ADR-0006 on 2026-11-20") are not references.
func successors(s string) []string {
	s = markdownLink.ReplaceAllString(s, "$1")
	var out []string
	for _, part := range regexp.MustCompile(`(?i),|;|\band\b|&`).Split(s, -1) {
		if m := decisionRef.FindStringSubmatch(part); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

func decodeDecision(f *fields, d site.Doc, h1 string, cfg *site.Config) *site.Decision {
	x := &site.Decision{Doc: d, ID: ID(d.Path)}
	x.Number, _ = site.DecisionNumber(path.Base(d.Path))
	x.Title = firstOf(f.str("title"), h1, decisionFallbackTitle(d.Path))
	if v, key, ok := f.get("status"); ok {
		s, isText := scalarString(v)
		if !isText {
			f.errorf(v, key, "want a status such as %q, got %s", site.Accepted, describe(v.v))
		}
		status := strings.ToLower(strings.TrimSpace(s))
		if m := supersededBy.FindStringSubmatch(s); m != nil {
			status = site.Superseded
			x.SupersededByIDs = successors(m[1])
		}
		x.Status = status
		if isText {
			x.Known = decisionStatusKnown(f, v, s, cfg)
			if !x.Known {
				x.Status = strings.TrimSpace(s)
			}
		}
	} else {
		f.diags.Warnf(diag.Pos{File: d.File, Line: 1, Col: 1}, "decision has no status (want %s)", strings.Join(site.DecisionStatuses, ", "))
	}
	x.History = decodeHistory(f, func(sub *fields) string {
		v, key, ok := sub.get("status")
		if !ok {
			return ""
		}
		s, isText := scalarString(v)
		if !isText {
			sub.errorf(v, key, "want a status such as %q, got %s", site.Accepted, describe(v.v))
			return ""
		}
		if supersededBy.MatchString(s) {
			return site.Superseded
		}
		if !decisionStatusKnown(sub, v, s, cfg) {
			return strings.TrimSpace(s)
		}
		return strings.ToLower(strings.TrimSpace(s))
	})
	if n := len(x.History); n > 0 && x.Status != "" && lastByDate(x.History).Status != x.Status {
		v, key, _ := f.get("history")
		f.diags.Warnf(v.pos, "%s: the latest entry says %q but status is %q; add an entry for the current status", key, lastByDate(x.History).Status, x.Status)
	}
	x.Date = f.date("date")
	refs := func(keys ...string) []site.Ref {
		var out []site.Ref
		for _, n := range f.strs(true, keys...) {
			out = append(out, site.Ref{Name: n})
		}
		return out
	}
	x.DecisionMakers = refs("decision-makers", "deciders", "decision_makers")
	x.Consulted = refs("consulted")
	x.Informed = refs("informed")
	x.Supersedes = f.strs(true, "supersedes")
	x.RespondBy = f.date("respond-by", "respond_by", "comment-by")
	return x
}

// decisionStatusKnown reports whether s is a standard status or one the
// site declares, and warns at v when it is neither.
func decisionStatusKnown(f *fields, v value, s string, cfg *site.Config) bool {
	status := strings.ToLower(strings.TrimSpace(s))
	if supersededBy.MatchString(s) {
		status = site.Superseded
	}
	known := append(slices.Clone(site.DecisionStatuses), cfg.DecisionStatuses...)
	if slices.Contains(known, status) {
		return true
	}
	f.diags.Warnf(v.pos, "unknown decision status %q (want %s, or declare it in site.toml's decision_statuses)%s", s, strings.Join(known, ", "), diag.Suggest(s, known))
	return false
}

// decodeHistory reads a history list, the dated statuses a document had:
// [{date: 2026-11-02, status: proposed}, {date: 2026-11-20, status: accepted}].
// status reads and checks one entry's status.
func decodeHistory(f *fields, status func(*fields) string) []site.StatusChange {
	list, key := f.list("history")
	var out []site.StatusChange
	for i, item := range list {
		m, ok := item.v.(*mapping)
		if !ok {
			f.diags.Errorf(item.pos, "%s: item %d: want a date and a status, got %s", key, i+1, describe(item.v))
			continue
		}
		hf := f.sub(m)
		c := site.StatusChange{Date: hf.date("date"), Status: status(hf), Pos: item.pos}
		switch {
		case !hf.has("date"):
			f.diags.Errorf(item.pos, "%s: item %d: missing date", key, i+1)
			continue
		case !hf.has("status"):
			f.diags.Errorf(item.pos, "%s: item %d: missing status", key, i+1)
			continue
		}
		for k := range hf.params() {
			f.diags.Warnf(m.posOf(k), "%s: unknown key %q in item %d is ignored (want date and status)", key, k, i+1)
		}
		if c.Date.IsZero() || c.Status == "" {
			continue // reported by the accessors
		}
		out = append(out, c)
	}
	return out
}

// lastByDate returns the latest entry of a history list; of entries on
// the same day, the one written last.
func lastByDate(h []site.StatusChange) site.StatusChange {
	last := h[0]
	for _, c := range h[1:] {
		if !c.Date.Before(last.Date) {
			last = c
		}
	}
	return last
}

func decisionFallbackTitle(rel string) string {
	base := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	return humanize(strings.TrimLeft(base, "0123456789-_"))
}

func decodeObjective(f *fields, d site.Doc, h1 string) *site.Objective {
	o := &site.Objective{Doc: d, ID: ID(d.Path)}
	o.Title = firstOf(f.str("title"), h1, humanize(path.Base(d.Path)))
	o.OwnerRef = site.Ref{Name: f.str("owner")}
	o.TeamID = strings.ToLower(f.str("team"))
	if v, key, ok := f.get("period"); ok {
		s, _ := scalarString(v)
		p, err := site.ParsePeriod(s, f.loc)
		if err != nil {
			f.errorf(v, key, "%v, got %s", err, describe(v.v))
		}
		o.Period = p
	} else {
		f.require(d, "missing period: an objective needs the period it covers, such as 2026-Q4", "period")
	}
	o.Explicit = f.status("status")
	o.History = decodeHistory(f, func(sub *fields) string { return string(sub.status("status")) })
	if len(o.History) > 0 {
		last := site.Status(lastByDate(o.History).Status)
		switch {
		case o.Explicit == "":
			// A written history sets the status: it is not derived.
			o.Explicit = last
		case last != o.Explicit:
			v, key, _ := f.get("history")
			f.diags.Warnf(v.pos, "%s: the latest entry says %q but status is %q; add an entry for the current status", key, last, o.Explicit)
		}
	}
	list, key := f.list("key_results", "key-results", "krs")
	seen := map[string]bool{}
	for i, item := range list {
		m, ok := item.v.(*mapping)
		if !ok {
			f.diags.Errorf(item.pos, "%s: item %d: want id, title, start, target and unit, got %s", key, i+1, describe(item.v))
			continue
		}
		kf := f.sub(m)
		kr := &site.KeyResult{Pos: item.pos}
		kr.Title = kf.str("title", "name")
		kr.ID = strings.ToLower(kf.str("id"))
		if kr.ID == "" {
			kr.ID = site.Slug(kr.Title)
		}
		if strings.Contains(kr.ID, "/") {
			v, _, _ := kf.get("id")
			f.diags.Errorf(v.pos, "%s: item %d: key result id %q cannot contain \"/\" (updates report progress as \"objective-id/kr-id\")", key, i+1, kr.ID)
			continue
		}
		if kr.ID == "" {
			// A wrong-typed id or title is reported already.
			switch {
			case !kf.has("id", "title", "name"):
				f.diags.Errorf(item.pos, "%s: item %d: a key result needs an id or a title", key, i+1)
			case kr.Title != "":
				f.diags.Errorf(item.pos, "%s: item %d: title %q has no letter or digit to make an id from; give the key result an id", key, i+1, kr.Title)
			}
			continue
		}
		if seen[kr.ID] {
			f.diags.Errorf(item.pos, "%s: key result id %q is used twice", key, kr.ID)
			continue
		}
		seen[kr.ID] = true
		if kr.Title == "" {
			kr.Title = kr.ID
		}
		kr.Start, _ = kf.number("start", "baseline")
		var hasTarget bool
		kr.Target, hasTarget = kf.number("target", "goal")
		if !hasTarget && !kf.has("target", "goal") {
			f.diags.Errorf(item.pos, "%s: key result %q has no target", key, kr.ID)
		}
		kr.Unit = kf.str("unit")
		for k := range kf.params() {
			f.diags.Warnf(m.posOf(k), "%s: unknown key %q in key result %q is ignored", key, k, kr.ID)
		}
		o.KeyResults = append(o.KeyResults, kr)
	}
	return o
}

func decodePerson(f *fields, d site.Doc, h1 string) *site.Person {
	p := &site.Person{Doc: d, ID: ID(d.Path)}
	p.Name = firstOf(f.str("name"), f.str("title"), h1)
	if p.Name == "" {
		f.require(d, "missing name: a person needs the name readers see", "name", "title")
		p.Name = p.ID
	}
	p.Title = p.Name
	p.TeamID = strings.ToLower(f.str("team"))
	p.Role = f.str("role")
	p.Timezone = f.str("timezone", "tz")
	if p.Timezone != "" {
		loc, err := time.LoadLocation(p.Timezone)
		if err != nil {
			v, key, _ := f.get("timezone", "tz")
			f.errorf(v, key, "%s", unknownZone(p.Timezone, "America/Sao_Paulo"))
		} else {
			p.Location = loc
		}
	}
	p.Handle = strings.TrimPrefix(f.str("handle", "github"), "@")
	p.Email = f.str("email")
	if v, key, ok := f.get("hours", "working_hours"); ok {
		s, _ := scalarString(v)
		h, err := site.ParseHours(s)
		if err != nil {
			f.errorf(v, key, "%v, got %s", err, describe(v.v))
		}
		p.Hours = h
	}
	p.Joined = f.date("joined", "start_date")
	list, key := f.list("away")
	for i, item := range list {
		m, ok := item.v.(*mapping)
		if !ok {
			f.diags.Errorf(item.pos, "%s: item %d: want from and to dates, got %s", key, i+1, describe(item.v))
			continue
		}
		af := f.sub(m)
		span := site.Span{From: af.date("from"), To: af.date("to", "until")}
		switch {
		case !af.has("from"):
			f.diags.Errorf(item.pos, "%s: item %d: missing from date", key, i+1)
		case !af.has("to", "until"):
			span.To = span.From
		case span.To.Before(span.From):
			f.diags.Errorf(item.pos, "%s: item %d: ends (%s) before it starts (%s)", key, i+1, span.To.Format("2006-01-02"), span.From.Format("2006-01-02"))
			continue
		}
		af.params()
		p.Away = append(p.Away, span)
	}
	return p
}

func decodeTeam(f *fields, d site.Doc, h1 string) *site.Team {
	t := &site.Team{Doc: d, ID: ID(d.Path)}
	t.Name = firstOf(f.str("name"), f.str("title"), h1, humanize(path.Base(d.Path)))
	t.Title = t.Name
	t.LeadRef = site.Ref{Name: f.str("lead")}
	if v, key, ok := f.get("cadence"); ok {
		s, _ := scalarString(v)
		c, ok := site.ParseCadence(s)
		if !ok {
			f.errorf(v, key, "unknown cadence %q (want %s)%s", s, strings.Join(site.Cadences, ", "), diag.Suggest(s, site.Cadences))
		}
		t.Cadence = c
	}
	t.Timezone = f.str("timezone", "tz")
	if t.Timezone != "" {
		loc, err := time.LoadLocation(t.Timezone)
		if err != nil {
			v, key, _ := f.get("timezone", "tz")
			f.errorf(v, key, "%s", unknownZone(t.Timezone, "Europe/Berlin"))
		} else {
			t.Location = loc
		}
	}
	return t
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
