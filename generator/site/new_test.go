package site

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/diag"
)

func TestFraction(t *testing.T) {
	t.Parallel()
	tests := []struct {
		start, target, v float64
		want             float64
	}{
		{0, 100, 0, 0},
		{0, 100, 50, 0.5},
		{0, 100, 100, 1},
		{0, 100, 150, 1},  // past the target: clamped
		{0, 100, -10, 0},  // below the start: clamped
		{20, 70, 45, 0.5}, // from a baseline
		{20, 70, 10, 0},
		// Targets below the start: latency down from 900 ms to 300 ms.
		{900, 300, 900, 0},
		{900, 300, 600, 0.5},
		{900, 300, 300, 1},
		{900, 300, 200, 1},
		{900, 300, 1000, 0},
		{1, 0, 0.25, 0.75},
		// Start equals target: done only when the value is there.
		{5, 5, 5, 1},
		{5, 5, 4, 0},
		{5, 5, 6, 0},
		{0, 0, 0, 1},
	}
	for _, tt := range tests {
		if got := Fraction(tt.start, tt.target, tt.v); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Fraction(%v, %v, %v) = %v, want %v", tt.start, tt.target, tt.v, got, tt.want)
		}
	}
}

func TestKeyResultProgress(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		start, target float64
		reports       []float64 // oldest first
		current       float64
		progress      float64
	}{
		{"no reports is the start", 0, 10, nil, 0, 0},
		{"no reports, start above target", 900, 300, nil, 900, 0},
		{"latest report counts", 0, 10, []float64{8, 3}, 3, 0.3},
		{"down to a target", 900, 300, []float64{800, 450}, 450, 0.75},
		{"overshoot clamps", 0, 10, []float64{12}, 12, 1},
		{"wrong direction clamps", 900, 300, []float64{1200}, 1200, 0},
		{"start equals target, kept", 0, 0, []float64{0}, 0, 1},
		{"start equals target, missed", 0, 0, []float64{2}, 2, 0},
	}
	for _, tt := range tests {
		kr := &KeyResult{ID: "kr", Start: tt.start, Target: tt.target}
		for i, v := range tt.reports {
			kr.Reports = append(kr.Reports, Report{Date: time.Date(2026, 11, 1+i, 0, 0, 0, 0, time.UTC), Value: v})
		}
		if got := kr.Current(); got != tt.current {
			t.Errorf("%s: Current() = %v, want %v", tt.name, got, tt.current)
		}
		if got := kr.Progress(); math.Abs(got-tt.progress) > 1e-9 {
			t.Errorf("%s: Progress() = %v, want %v", tt.name, got, tt.progress)
		}
		if got := kr.Reported(); got != (len(tt.reports) > 0) {
			t.Errorf("%s: Reported() = %v, want %v", tt.name, got, len(tt.reports) > 0)
		}
	}
}

func TestObjectiveProgress(t *testing.T) {
	t.Parallel()
	o := &Objective{}
	if got := o.Progress(); got != 0 {
		t.Errorf("Progress() without key results = %v, want 0", got)
	}
	o.KeyResults = []*KeyResult{
		{Start: 0, Target: 10, Reports: []Report{{Value: 5}}},      // 0.5
		{Start: 900, Target: 300, Reports: []Report{{Value: 300}}}, // 1
		{Start: 0, Target: 4}, // 0
	}
	if got, want := o.Progress(), 0.5; math.Abs(got-want) > 1e-9 {
		t.Errorf("Progress() = %v, want %v", got, want)
	}
}

// okrSite has an objective "faster-sync" of team "core" in 2026-Q4 with
// key results p99 (900 -> 300 ms) and shards (0 -> 8).
func okrSite() (Content, *Objective, *KeyResult, *KeyResult) {
	p99 := &KeyResult{ID: "p99", Title: "p99 latency", Start: 900, Target: 300, Unit: "ms"}
	shards := &KeyResult{ID: "shards", Title: "Shards", Start: 0, Target: 8}
	o := newObjective("faster-sync", "core", "2026-Q4", p99, shards)
	c := Content{
		Config:     utcConfig(),
		Teams:      []*Team{newTeam("core", "Core"), newTeam("platform", "Platform")},
		People:     []*Person{newPerson("ana", "Ana Souza", "core"), newPerson("kofi", "Kofi Mensah", "core"), newPerson("lukas", "Lukas", "platform")},
		Objectives: []*Objective{o},
	}
	return c, o, p99, shards
}

func TestProgressReports(t *testing.T) {
	t.Parallel()
	c, o, p99, shards := okrSite()
	u1 := newUpdate("2026-10-07-ana", "ana", date(t, "2026-10-07"))
	u1.Progress = []Progress{{Key: "faster-sync/p99", ObjectiveID: "faster-sync", KeyResultID: "p99", Value: 700}}
	u2 := newUpdate("2026-11-04-kofi", "kofi", date(t, "2026-11-04"))
	u2.Progress = []Progress{
		{Key: "faster-sync/p99", ObjectiveID: "faster-sync", KeyResultID: "p99", Value: 450},
		{Key: "faster-sync/shards", ObjectiveID: "faster-sync", KeyResultID: "shards", Value: 2},
	}
	u3 := newUpdate("2026-10-21-ana", "ana", date(t, "2026-10-21"))
	u3.Progress = []Progress{{Key: "faster-sync/p99", ObjectiveID: "faster-sync", KeyResultID: "p99", Value: 600}}
	u3.Objectives = []string{"faster-sync"} // named and reported: listed once
	u4 := newUpdate("2026-11-05-lukas", "lukas", date(t, "2026-11-05"))
	// Newest first in the input: New must order reports by date.
	c.Updates = []*Update{u2, u4, u3, u1}

	s, diags := build(t, c, Options{Now: noon(t, "2026-11-25")})
	wantDiags(t, diags)

	var values []float64
	for _, r := range p99.Reports {
		values = append(values, r.Value)
	}
	if want := []float64{700, 600, 450}; !slices.Equal(values, want) {
		t.Errorf("p99.Reports values = %v, want %v (oldest first)", values, want)
	}
	if p99.Reports[2].Update != u2 || !p99.Reports[2].Date.Equal(u2.Date) {
		t.Errorf("p99.Reports[2] = %+v, want the report of %s", p99.Reports[2], u2.Path)
	}
	if got := p99.Current(); got != 450 {
		t.Errorf("p99.Current() = %v, want 450", got)
	}
	if got, want := p99.Progress(), 0.75; math.Abs(got-want) > 1e-9 {
		t.Errorf("p99.Progress() = %v, want %v", got, want)
	}
	if got, want := shards.Progress(), 0.25; math.Abs(got-want) > 1e-9 {
		t.Errorf("shards.Progress() = %v, want %v", got, want)
	}
	if got, want := o.Progress(), 0.5; math.Abs(got-want) > 1e-9 {
		t.Errorf("objective Progress() = %v, want %v", got, want)
	}
	if u2.Progress[1].Objective != o || u2.Progress[1].KeyResult != shards {
		t.Errorf("u2.Progress[1] links to %v, %v, want the objective and shards", u2.Progress[1].Objective, u2.Progress[1].KeyResult)
	}
	if len(u3.ObjectiveRefs) != 1 || u3.ObjectiveRefs[0] != o {
		t.Errorf("u3.ObjectiveRefs = %v, want [faster-sync] once", u3.ObjectiveRefs)
	}
	if len(u4.ObjectiveRefs) != 0 {
		t.Errorf("u4.ObjectiveRefs = %v, want none", u4.ObjectiveRefs)
	}
	var got []string
	for _, u := range o.Updates {
		got = append(got, u.Path)
	}
	if want := []string{u2.Path, u3.Path, u1.Path}; !slices.Equal(got, want) {
		t.Errorf("objective Updates = %q, want %q (newest first)", got, want)
	}
	var all []string
	for _, u := range s.Updates {
		all = append(all, u.Path)
	}
	if want := []string{u4.Path, u2.Path, u3.Path, u1.Path}; !slices.Equal(all, want) {
		t.Errorf("Site.Updates = %q, want %q (newest first)", all, want)
	}
}

func TestUpdateLinks(t *testing.T) {
	t.Parallel()
	c, _, _, _ := okrSite()
	byAna := newUpdate("2026-11-20-ana", "ana", date(t, "2026-11-20"))
	forPlatform := newUpdate("2026-11-21-ana", "ana", date(t, "2026-11-21"))
	forPlatform.TeamID = "platform"
	older := newUpdate("2026-11-01-ana", "ana", date(t, "2026-11-01"))
	c.Updates = []*Update{older, byAna, forPlatform}

	s, diags := build(t, c, Options{Now: noon(t, "2026-11-25")})
	wantDiags(t, diags)
	ana, core, platform := s.Person("ana"), c.Teams[0], c.Teams[1]
	if byAna.Author != ana || byAna.Team != core {
		t.Errorf("update without team: Author, Team = %v, %v, want ana, core (the author's team)", byAna.Author, byAna.Team)
	}
	if forPlatform.Team != platform {
		t.Errorf("update with team platform: Team = %v, want platform", forPlatform.Team)
	}
	var got []string
	for _, u := range ana.Updates {
		got = append(got, u.Path)
	}
	if want := []string{forPlatform.Path, byAna.Path, older.Path}; !slices.Equal(got, want) {
		t.Errorf("ana.Updates = %q, want %q (newest first)", got, want)
	}
	got = nil
	for _, u := range core.Updates {
		got = append(got, u.Path)
	}
	if want := []string{byAna.Path, older.Path}; !slices.Equal(got, want) {
		t.Errorf("core.Updates = %q, want %q", got, want)
	}
	if len(platform.Updates) != 1 || platform.Updates[0] != forPlatform {
		t.Errorf("platform.Updates = %v, want [%s]", platform.Updates, forPlatform.Path)
	}
	if core.Members[0].ID != "ana" || core.Members[1].ID != "kofi" || len(core.Members) != 2 {
		t.Errorf("core.Members = %v, want ana, kofi", core.Members)
	}
}

func TestDerivedObjectiveStatus(t *testing.T) {
	t.Parallel()
	type upd struct {
		author, date string
		status       Status
	}
	tests := []struct {
		name     string
		explicit Status
		updates  []upd
		want     Status
	}{
		{"no updates", "", nil, ""},
		{"one update", "", []upd{{"ana", "2026-11-02", AtRisk}}, AtRisk},
		{"worst of each author's latest", "", []upd{{"ana", "2026-11-02", OnTrack}, {"kofi", "2026-11-03", AtRisk}}, AtRisk},
		{"off-track is worst", "", []upd{{"ana", "2026-11-02", OffTrack}, {"kofi", "2026-11-20", OnTrack}}, OffTrack},
		{"an author's newer update replaces the older", "", []upd{{"ana", "2026-11-02", OffTrack}, {"ana", "2026-11-09", OnTrack}}, OnTrack},
		{"recovery in input order reversed", "", []upd{{"ana", "2026-11-09", OnTrack}, {"ana", "2026-11-02", OffTrack}}, OnTrack},
		{"a newer update without status keeps the last status", "", []upd{{"ana", "2026-11-02", AtRisk}, {"ana", "2026-11-09", ""}}, AtRisk},
		{"updates before the period do not count", "", []upd{{"ana", "2026-09-30", OffTrack}, {"kofi", "2026-10-01", OnTrack}}, OnTrack},
		{"updates after the period do not count", "", []upd{{"ana", "2027-01-01", OffTrack}}, ""},
		{"explicit status wins", OnTrack, []upd{{"ana", "2026-11-02", OffTrack}}, OnTrack},
		{"explicit status wins without updates", AtRisk, nil, AtRisk},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, o, _, _ := okrSite()
			o.Explicit = tt.explicit
			for i, u := range tt.updates {
				x := newUpdate(u.date+"-"+u.author+"-"+string(rune('a'+i)), u.author, date(t, u.date))
				x.Status = u.status
				x.Objectives = []string{"faster-sync"}
				c.Updates = append(c.Updates, x)
			}
			_, diags := build(t, c, Options{Now: noon(t, "2026-11-25")})
			wantDiags(t, diags)
			if o.Status != tt.want {
				t.Errorf("objective Status = %q, want %q", o.Status, tt.want)
			}
			if o.Explicit != tt.explicit {
				t.Errorf("objective Explicit = %q, want %q (unchanged)", o.Explicit, tt.explicit)
			}
		})
	}
}

func TestUnknownReferences(t *testing.T) {
	t.Parallel()
	c, _, _, _ := okrSite()
	u := newUpdate("2026-11-20-x", "anna", date(t, "2026-11-20"))
	u.TeamID = "kore"
	u.Objectives = []string{"faster-sinc", "world-peace"}
	u.Progress = []Progress{
		{Key: "faster-sync/p99x", ObjectiveID: "faster-sync", KeyResultID: "p99x", Value: 1, Pos: diag.Pos{File: u.File, Line: 9, Col: 3}},
		{Key: "faster-sync/zzz", ObjectiveID: "faster-sync", KeyResultID: "zzz", Value: 1, Pos: diag.Pos{File: u.File, Line: 10, Col: 3}},
		{Key: "fastr-sync/p99", ObjectiveID: "fastr-sync", KeyResultID: "p99", Value: 1, Pos: diag.Pos{File: u.File, Line: 11, Col: 3}},
	}
	p := newPerson("zoe", "Zoe", "platfrom")
	o := newObjective("grow", "growht", "2026-Q4")
	c.Updates = []*Update{u}
	c.People = append(c.People, p)
	c.Objectives = append(c.Objectives, o)

	s, diags := build(t, c, Options{Now: noon(t, "2026-11-25")})
	wantDiags(t, diags,
		`content/objectives/grow.md:2:9: unknown team "growht"`,
		`content/people/zoe.md:3:9: unknown team "platfrom" (did you mean "platform"?)`,
		`content/updates/2026-11-20-x.md:2:9: unknown author "anna" (did you mean "ana"?)`,
		`content/updates/2026-11-20-x.md:4:9: unknown team "kore" (did you mean "core"?)`,
		`content/updates/2026-11-20-x.md:6:9: unknown objective "faster-sinc" (did you mean "faster-sync"?)`,
		`content/updates/2026-11-20-x.md:6:9: unknown objective "world-peace"`,
		`content/updates/2026-11-20-x.md:9:3: unknown key result "p99x" of objective "faster-sync" (did you mean "p99"?)`,
		`content/updates/2026-11-20-x.md:10:3: unknown key result "zzz" of objective "faster-sync"`,
		`content/updates/2026-11-20-x.md:11:3: unknown objective "fastr-sync" (did you mean "faster-sync"?)`,
	)
	if diags.Errors() != 9 {
		t.Errorf("%d errors, want 9", diags.Errors())
	}
	if u.Author != nil || u.Team != nil || len(u.ObjectiveRefs) != 0 {
		t.Errorf("unresolved update links to %v, %v, %v, want nothing", u.Author, u.Team, u.ObjectiveRefs)
	}
	if p.Team != nil {
		t.Errorf("zoe.Team = %v, want nil", p.Team)
	}
	for _, tm := range s.Teams {
		for _, m := range tm.Members {
			if m == p {
				t.Errorf("zoe is a member of %s", tm.ID)
			}
		}
	}
}

func TestBlockerMentions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		blocker string
		want    []string
	}{
		{"waiting on @kofim for review", []string{"kofi"}},
		{"waiting on @KofiM.", []string{"kofi"}},
		{"need ana to approve", []string{"ana"}},
		{"Need Ana Souza's sign-off", []string{"ana"}},
		{"lukas, then kofi.", []string{"kofi", "lukas"}},
		{"the banana supplier", nil},
		{"Kofi Mensah and @lukas", []string{"kofi", "lukas"}},
		{"nobody", nil},
	}
	for _, tt := range tests {
		c, _, _, _ := okrSite()
		c.People[1].Handle = "KofiM"
		u := newUpdate("2026-11-20-x", "ana", date(t, "2026-11-20"))
		u.Blockers = []string{tt.blocker}
		c.Updates = []*Update{u}
		build(t, c, Options{Now: noon(t, "2026-11-25")})
		var got []string
		for _, p := range u.BlockerMentions {
			got = append(got, p.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("blocker %q mentions %q, want %q", tt.blocker, got, tt.want)
		}
	}
}

func TestSupersedes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		supersedes []string // of 0003-new
		byStatus   []string // SupersededByIDs of 0001-old
	}{
		{"by number", []string{"1"}, nil},
		{"by padded number", []string{"0001"}, nil},
		{"by ADR number", []string{"ADR-0001"}, nil},
		{"by id", []string{"0001-old"}, nil},
		{"MADR superseded by", nil, []string{"0003"}},
		{"both ways, linked once", []string{"ADR-1"}, []string{"0003"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			old, mid, nu := newDecision("0001-old", Superseded), newDecision("0002-mid", Accepted), newDecision("0003-new", Accepted)
			nu.Supersedes = tt.supersedes
			old.SupersededByIDs = tt.byStatus
			_, diags := build(t, Content{Config: utcConfig(), Decisions: []*Decision{nu, old, mid}}, Options{Now: noon(t, "2026-11-25")})
			wantDiags(t, diags)
			if got := decisionIDs(nu.SupersedesRefs); !slices.Equal(got, []string{"0001-old"}) {
				t.Errorf("0003.SupersedesRefs = %q, want [0001-old]", got)
			}
			if got := decisionIDs(old.SupersededBy); !slices.Equal(got, []string{"0003-new"}) {
				t.Errorf("0001.SupersededBy = %q, want [0003-new]", got)
			}
			if len(mid.SupersedesRefs)+len(mid.SupersededBy)+len(nu.SupersededBy)+len(old.SupersedesRefs) != 0 {
				t.Errorf("unrelated links: mid %v %v, new %v, old %v", mid.SupersedesRefs, mid.SupersededBy, nu.SupersededBy, old.SupersedesRefs)
			}
		})
	}
}

func TestSupersedesUnknown(t *testing.T) {
	t.Parallel()
	a, b := newDecision("0001-a", Accepted), newDecision("0002-b", Superseded)
	a.Supersedes = []string{"0042", "0001-a", "use-mysql"}
	b.SupersededByIDs = []string{"0002", "0099"}
	_, diags := build(t, Content{Config: utcConfig(), Decisions: []*Decision{a, b}}, Options{Now: noon(t, "2026-11-25")})
	wantDiags(t, diags,
		`content/decisions/0001-a.md:4:9: supersedes "0001-a": a decision cannot supersede itself`,
		`content/decisions/0001-a.md:4:9: supersedes unknown decision "0042"`,
		`content/decisions/0001-a.md:4:9: supersedes unknown decision "use-mysql"`,
		`content/decisions/0002-b.md:2:9: superseded by "0002": a decision cannot supersede itself`,
		`content/decisions/0002-b.md:2:9: superseded by unknown decision "0099"`,
	)
	if len(a.SupersedesRefs)+len(a.SupersededBy)+len(b.SupersedesRefs)+len(b.SupersededBy) != 0 {
		t.Errorf("unknown references were linked")
	}
}

func TestDuplicateDecisionNumbers(t *testing.T) {
	t.Parallel()
	ds := []*Decision{
		newDecision("0003-b", Accepted),
		newDecision("0001-a", Accepted),
		newDecision("0003-a", Accepted),
		newDecision("0005-c", Accepted),
		newDecision("0003-c", Accepted),
		newDecision("notes", Accepted), // no number: never a duplicate
		newDecision("more-notes", Accepted),
	}
	s, diags := build(t, Content{Config: utcConfig(), Decisions: ds}, Options{Now: noon(t, "2026-11-25")})
	wantDiags(t, diags,
		"content/decisions/0003-b.md: warning: decision number 0003 is also used by content/decisions/0003-a.md; the next free number is 0006 (rename this file to 0006-b.md)",
		"content/decisions/0003-c.md: warning: decision number 0003 is also used by content/decisions/0003-a.md; the next free number is 0007 (rename this file to 0007-c.md)",
	)
	if diags.Errors() != 0 {
		t.Errorf("duplicate numbers are errors, want warnings")
	}
	want := []string{"more-notes", "notes", "0001-a", "0003-a", "0003-b", "0003-c", "0005-c"}
	if got := decisionIDs(s.Decisions); !slices.Equal(got, want) {
		t.Errorf("Site.Decisions = %q, want %q (by number, then id)", got, want)
	}
	// A reference by number goes to the first decision with it.
	x := newDecision("0006-x", Accepted)
	x.Supersedes = []string{"3"}
	ds = append(ds, x)
	build(t, Content{Config: utcConfig(), Decisions: ds}, Options{Now: noon(t, "2026-11-25")})
	if got := decisionIDs(x.SupersedesRefs); !slices.Equal(got, []string{"0003-a"}) {
		t.Errorf("supersedes 3 links to %q, want [0003-a]", got)
	}
}

func TestPersonDecisions(t *testing.T) {
	t.Parallel()
	c, _, _, _ := okrSite()
	mk := func(id, d string, makers ...string) *Decision {
		x := newDecision(id, Accepted)
		x.Date = date(t, d)
		for _, m := range makers {
			x.DecisionMakers = append(x.DecisionMakers, Ref{Name: m})
		}
		return x
	}
	c.Decisions = []*Decision{
		mk("0001-a", "2026-01-01", "ana"),
		mk("0002-b", "2026-06-01", "Kofi Mensah", "@ana"),
		mk("0003-c", "2026-03-01", "Ana Souza"),
		mk("0004-d", "2026-09-01", "Someone Else"),
	}
	s, _ := build(t, c, Options{Now: noon(t, "2026-11-25")})
	if got, want := decisionIDs(s.Person("ana").Decisions), []string{"0002-b", "0003-c", "0001-a"}; !slices.Equal(got, want) {
		t.Errorf("ana.Decisions = %q, want %q (newest first)", got, want)
	}
	if got, want := decisionIDs(s.Person("kofi").Decisions), []string{"0002-b"}; !slices.Equal(got, want) {
		t.Errorf("kofi.Decisions = %q, want %q", got, want)
	}
	if r := c.Decisions[3].DecisionMakers[0]; r.Person != nil || r.Label() != "Someone Else" || r.URL() != "" {
		t.Errorf("unresolved decision maker = %+v, want the name as written", r)
	}
}

func TestRef(t *testing.T) {
	t.Parallel()
	ana := newPerson("ana", "Ana Souza", "core")
	ana.Handle = "AnaS"
	ana.URL = "/people/ana/"
	kofi := newPerson("kofi", "Kofi Mensah", "platform")
	core := newTeam("core", "Core Team")
	core.URL = "/teams/core/"
	platform := newTeam("platform", "Platform")
	tests := []struct {
		name       string
		person     *Person
		team       *Team
		label, url string
	}{
		{"ana", ana, nil, "Ana Souza", "/people/ana/"},
		{"ANA", ana, nil, "Ana Souza", "/people/ana/"},
		{" ana ", ana, nil, "Ana Souza", "/people/ana/"},
		{"@ana", ana, nil, "Ana Souza", "/people/ana/"},
		{"Ana Souza", ana, nil, "Ana Souza", "/people/ana/"},
		{"ana souza", ana, nil, "Ana Souza", "/people/ana/"},
		{"AnaS", ana, nil, "Ana Souza", "/people/ana/"},
		{"@anas", ana, nil, "Ana Souza", "/people/ana/"},
		{"kofi", kofi, nil, "Kofi Mensah", kofi.URL},
		{"core", nil, core, "Core Team", "/teams/core/"},
		{"Core Team", nil, core, "Core Team", "/teams/core/"},
		{"@platform", nil, platform, "Platform", platform.URL},
		{"Souza", nil, nil, "Souza", ""}, // part of a name is not a match
		{"Legal", nil, nil, "Legal", ""},
		{"", nil, nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			// Resolve through a handbook page's owner.
			p := newPage("x.md")
			p.Owner = Ref{Name: tt.name}
			c := Content{Config: utcConfig(), People: []*Person{clonePerson(ana), clonePerson(kofi)}, Teams: []*Team{cloneTeam(core), cloneTeam(platform)}, Pages: []*Page{p}}
			build(t, c, Options{Now: noon(t, "2026-11-25")})
			r := p.Owner
			if r.Name != tt.name {
				t.Errorf("Ref(%q).Name = %q, want it as written", tt.name, r.Name)
			}
			if (r.Person == nil) != (tt.person == nil) || r.Person != nil && r.Person.ID != tt.person.ID {
				t.Errorf("Ref(%q).Person = %v, want %v", tt.name, r.Person, tt.person)
			}
			if (r.Team == nil) != (tt.team == nil) || r.Team != nil && r.Team.ID != tt.team.ID {
				t.Errorf("Ref(%q).Team = %v, want %v", tt.name, r.Team, tt.team)
			}
			if got := r.Label(); got != tt.label {
				t.Errorf("Ref(%q).Label() = %q, want %q", tt.name, got, tt.label)
			}
			if got := r.URL(); got != tt.url {
				t.Errorf("Ref(%q).URL() = %q, want %q", tt.name, got, tt.url)
			}
			if r.Person != nil && (len(r.Person.Pages) != 1 || r.Person.Pages[0] != p) {
				t.Errorf("Ref(%q): owner's Pages = %v, want [x.md]", tt.name, r.Person.Pages)
			}
		})
	}
}

// TestRefFirstByName checks which of several people and teams a name
// names: people before teams, and of those the first in the site's order
// (by name, then id) whose name or handle it is.
func TestRefFirstByName(t *testing.T) {
	t.Parallel()
	zed := newPerson("p1", "Zed", "")
	zed.Handle = "Ops"
	amy := newPerson("p2", "Amy", "")
	amy.Handle = "zed"
	opsB, opsA := newTeam("ops-b", "Ops Team"), newTeam("ops-a", "Ops Team")
	for name, want := range map[string]string{"p1": "p1", "zed": "p2", "Zed": "p2", "ops": "p1", "ops team": "ops-a", "amy": "p2", "nobody": ""} {
		p := newPage("x.md")
		p.Owner = Ref{Name: name}
		c := Content{Config: utcConfig(), People: []*Person{zed, amy}, Teams: []*Team{opsB, opsA}, Pages: []*Page{p}}
		build(t, c, Options{Now: noon(t, "2026-11-25")})
		got := ""
		switch r := p.Owner; {
		case r.Person != nil:
			got = r.Person.ID
		case r.Team != nil:
			got = r.Team.ID
		}
		if got != want {
			t.Errorf("Ref(%q) names %q, want %q", name, got, want)
		}
	}
}

func clonePerson(p *Person) *Person { x := *p; x.Fields = ""; return &x }
func cloneTeam(t *Team) *Team       { x := *t; x.Fields = ""; return &x }

func TestRefOwnersAndLeads(t *testing.T) {
	t.Parallel()
	c, o, _, _ := okrSite()
	o.OwnerRef = Ref{Name: "Kofi Mensah"}
	c.Teams[0].LeadRef = Ref{Name: "@ana"}
	s, _ := build(t, c, Options{Now: noon(t, "2026-11-25")})
	if o.OwnerRef.Person != s.Person("kofi") {
		t.Errorf("objective OwnerRef = %+v, want kofi", o.OwnerRef)
	}
	if got := s.Person("kofi").Objectives; len(got) != 1 || got[0] != o {
		t.Errorf("kofi.Objectives = %v, want [faster-sync]", got)
	}
	if c.Teams[0].LeadRef.Person != s.Person("ana") {
		t.Errorf("core LeadRef = %+v, want ana", c.Teams[0].LeadRef)
	}
}

func TestLinks(t *testing.T) {
	t.Parallel()
	home := newPage("index.md")
	guide := newPage("guide.md")
	guide.Headings = []Heading{{Level: 2, ID: "install", Text: "Install"}}
	draft := newPage("draft.md")
	draft.Draft = true
	u := newUpdate("2026-11-20-ana", "ana", date(t, "2026-11-20"))
	link := func(d *Doc, line int, dest, target, frag string) {
		d.Links = append(d.Links, Link{Pos: diag.Pos{File: d.File, Line: line, Col: 3}, Dest: dest, Target: target, Fragment: frag})
	}
	link(&home.Doc, 5, "guide.md", "handbook/guide.md", "")
	link(&home.Doc, 6, "guide.md#install", "handbook/guide.md", "install")
	link(&home.Doc, 7, "guide.md#nope", "handbook/guide.md", "nope")
	link(&home.Doc, 8, "gone.md", "handbook/gone.md", "")
	link(&home.Doc, 9, "draft.md", "handbook/draft.md", "")
	link(&home.Doc, 10, "#local", "", "local")
	link(&home.Doc, 11, "#fn:1", "", "fn:1")
	link(&home.Doc, 12, "#fnref:1", "", "fnref:1")
	link(&home.Doc, 13, "https://example.com/x#y", "", "")
	link(&home.Doc, 14, "index.md", "handbook/index.md", "") // a link to itself is no backlink
	link(&guide.Doc, 3, "../updates/2026-11-20-ana.md", "updates/2026-11-20-ana.md", "")
	link(&u.Doc, 9, "../handbook/guide.md", "handbook/guide.md", "")
	home.Headings = []Heading{{Level: 2, ID: "here", Text: "Here"}}
	c := Content{Config: utcConfig(), Pages: []*Page{home, guide, draft}, Updates: []*Update{u}, People: []*Person{newPerson("ana", "Ana", "")}}

	s, diags := build(t, c, Options{Now: noon(t, "2026-11-25")})
	wantDiags(t, diags,
		"content/handbook/index.md:7:3: warning: link to missing heading #nope in handbook/guide.md",
		"content/handbook/index.md:8:3: warning: link to missing file gone.md",
		"content/handbook/index.md:9:3: warning: link to draft draft.md",
		"content/handbook/index.md:10:3: warning: link to missing heading #local",
	)
	if diags.Errors() != 0 {
		t.Errorf("broken links are errors, want warnings")
	}
	if got, want := paths(guide.Backlinks), []string{"handbook/index.md", "updates/2026-11-20-ana.md"}; !slices.Equal(got, want) {
		t.Errorf("guide.Backlinks = %q, want %q (each once, in path order)", got, want)
	}
	if got, want := paths(u.Backlinks), []string{"handbook/guide.md"}; !slices.Equal(got, want) {
		t.Errorf("update Backlinks = %q, want %q", got, want)
	}
	if len(home.Backlinks) != 0 {
		t.Errorf("home.Backlinks = %q, want none", paths(home.Backlinks))
	}

	// With drafts kept, the draft link resolves.
	draft.Draft = true
	for _, d := range []*Doc{&home.Doc, &guide.Doc, &u.Doc} {
		d.Backlinks = nil
	}
	s, diags = build(t, c, Options{Now: noon(t, "2026-11-25"), Drafts: true})
	for _, d := range diags {
		if strings.Contains(d.Msg, "draft") {
			t.Errorf("with Drafts: %v", d)
		}
	}
	if s.Doc("handbook/draft.md") == nil {
		t.Errorf("with Drafts: Doc(handbook/draft.md) = nil")
	}
}

func TestDrafts(t *testing.T) {
	t.Parallel()
	mkContent := func() (Content, *Update, *Decision) {
		c, o, _, _ := okrSite()
		du := newUpdate("2026-11-24-ana-draft", "ana", date(t, "2026-11-24"))
		du.Draft = true
		du.Status = OffTrack
		du.Objectives = []string{"faster-sync"}
		dd := newDecision("0002-draft", Accepted)
		dd.Draft = true
		dp := newPage("wip.md")
		dp.Draft = true
		dp.Tags = []string{"wip"}
		dobj := newObjective("secret", "core", "2026-Q4")
		dobj.Draft = true
		c.Updates = []*Update{du, newUpdate("2026-11-20-ana", "ana", date(t, "2026-11-20"))}
		c.Decisions = []*Decision{dd, newDecision("0001-a", Accepted)}
		c.Pages = []*Page{dp}
		c.Objectives = append(c.Objectives, dobj)
		_ = o
		return c, du, dd
	}

	c, du, dd := mkContent()
	s, _ := build(t, c, Options{Now: noon(t, "2026-11-25")})
	if len(s.Updates) != 1 || s.Updates[0] == du {
		t.Errorf("Updates = %d, want the one that is not a draft", len(s.Updates))
	}
	if slices.Contains(s.Decisions, dd) || len(s.Decisions) != 1 {
		t.Errorf("Decisions = %q, want [0001-a]", decisionIDs(s.Decisions))
	}
	if len(s.Pages) != 0 || len(s.Objectives) != 1 || len(s.Tags) != 0 {
		t.Errorf("Pages, Objectives, Tags = %d, %d, %d, want 0, 1, 0", len(s.Pages), len(s.Objectives), len(s.Tags))
	}
	if s.Doc(du.Path) != nil {
		t.Errorf("Doc(%q) = %v, want nil for a draft", du.Path, s.Doc(du.Path))
	}
	if ups := s.Person("ana").Updates; len(ups) != 1 || ups[0].Draft {
		t.Errorf("ana.Updates holds a draft")
	}
	if st := s.Objectives[0].Status; st != "" {
		t.Errorf("objective Status = %q: a draft update counted", st)
	}
	for _, d := range s.Docs() {
		if d.Draft {
			t.Errorf("Docs() holds draft %s", d.Path)
		}
	}

	c, du, dd = mkContent()
	s, _ = build(t, c, Options{Now: noon(t, "2026-11-25"), Drafts: true})
	if len(s.Updates) != 2 || !slices.Contains(s.Updates, du) || !slices.Contains(s.Decisions, dd) || len(s.Pages) != 1 || len(s.Objectives) != 2 {
		t.Errorf("with Drafts: Updates %d, Decisions %d, Pages %d, Objectives %d, want 2, 2, 1, 2", len(s.Updates), len(s.Decisions), len(s.Pages), len(s.Objectives))
	}
	if len(s.Tags) != 1 || s.Tags[0].Slug != "wip" {
		t.Errorf("with Drafts: Tags = %v, want [wip]", s.Tags)
	}
	for _, o := range s.Objectives {
		if o.ID == "faster-sync" && o.Status != OffTrack {
			t.Errorf("with Drafts: faster-sync Status = %q, want %q from the draft update", o.Status, OffTrack)
		}
	}
}

func TestTags(t *testing.T) {
	t.Parallel()
	a := newPage("a.md")
	a.Title = "Alpha"
	a.Tags = []string{"Remote Work", "async"}
	b := newPage("b.md")
	b.Title = "beta"
	b.Tags = []string{"remote-work", "Remote work", "!!!"} // same tag thrice, and one with no slug
	u := newUpdate("2026-11-20-ana", "ana", date(t, "2026-11-20"))
	u.Title = "Zed"
	u.Tags = []string{"REMOTE WORK"}
	old := newUpdate("2026-10-01-ana", "ana", date(t, "2026-10-01"))
	old.Tags = []string{"remote_work"}
	apple := newPage("e.md") // after Banana's file, before it by title
	apple.Title, apple.Tags = "apple", []string{"async"}
	banana := newPage("d.md")
	banana.Title, banana.Tags = "Banana", []string{"async"}
	c := Content{Config: utcConfig(), Pages: []*Page{b, a, banana, apple}, Updates: []*Update{old, u}, People: []*Person{newPerson("ana", "Ana", "")}}
	s, _ := build(t, c, Options{Now: noon(t, "2026-11-25")})

	if len(s.Tags) != 2 {
		t.Fatalf("Tags = %v, want async and remote-work", s.Tags)
	}
	async, remote := s.Tags[0], s.Tags[1]
	if async.Slug != "async" || async.Name != "async" || async.URL != "/tags/async/" {
		t.Errorf("Tags[0] = %+v, want async", async)
	}
	if remote.Slug != "remote-work" || remote.URL != "/tags/remote-work/" {
		t.Errorf("Tags[1] = %+v, want slug remote-work", remote)
	}
	// The name is the first spelling in content path order.
	if remote.Name != "Remote Work" {
		t.Errorf("Tags[1].Name = %q, want %q (from handbook/a.md)", remote.Name, "Remote Work")
	}
	// Dated documents newest first, then undated ones by title.
	if got, want := paths(remote.Docs), []string{"updates/2026-11-20-ana.md", "updates/2026-10-01-ana.md", "handbook/a.md", "handbook/b.md"}; !slices.Equal(got, want) {
		t.Errorf("remote-work Docs = %q, want %q", got, want)
	}
	// Titles compare without regard to case.
	if got, want := paths(async.Docs), []string{"handbook/a.md", "handbook/e.md", "handbook/d.md"}; !slices.Equal(got, want) {
		t.Errorf("async Docs = %q, want %q", got, want)
	}
}

func TestPageTree(t *testing.T) {
	t.Parallel()
	n := func(v int) *int { return &v }
	f := func(v float64) *float64 { return &v }
	mk := func(rel, title string, weight *int) *Page {
		p := newPage(rel)
		p.Title, p.Weight = title, weight
		return p
	}
	home := mk("_index.md", "Handbook", nil)
	ops := mk("operations/index.md", "Operations", n(2))
	oncall := mk("operations/on-call.md", "On call", nil)
	deep := mk("operations/runbooks/db/restore.md", "Restore", nil) // no landing page for runbooks/ or db/
	comms := mk("communication/README.md", "Communication", n(1))
	zeta := mk("communication/zeta.md", "zeta", nil)
	alpha := mk("communication/alpha.md", "Alpha", nil)
	heavy := mk("communication/first.md", "Zzz first", n(-1))
	zero := mk("communication/zero.md", "Zzz zero", n(0)) // weight 0 is set: before pages without
	docusaurus := mk("communication/docusaurus.md", "Docusaurus", nil)
	docusaurus.SidebarPosition = f(1)
	jtd := mk("communication/jtd.md", "Just the docs", nil)
	jtd.NavOrder = f(1)
	loose := mk("loose.md", "Loose", n(5))
	c := Content{Config: utcConfig(), Pages: []*Page{loose, zeta, ops, deep, home, heavy, alpha, comms, oncall, zero, docusaurus, jtd}}
	s, _ := build(t, c, Options{Now: noon(t, "2026-11-25")})

	if s.Home != home {
		t.Fatalf("Home = %v, want _index.md", s.Home)
	}
	want := []string{
		"handbook/_index.md",
		"handbook/communication/README.md",
		"handbook/communication/first.md",
		"handbook/communication/zero.md",
		"handbook/communication/docusaurus.md",
		"handbook/communication/jtd.md",
		"handbook/communication/alpha.md",
		"handbook/communication/zeta.md",
		"handbook/operations/index.md",
		"handbook/operations/on-call.md",
		"handbook/operations/runbooks/db/restore.md",
		"handbook/loose.md",
	}
	if got := pagePaths(s.Pages); !slices.Equal(got, want) {
		t.Errorf("Pages =\n%q\nwant\n%q", got, want)
	}
	if got, want := pagePaths(s.Nav), []string{"handbook/communication/README.md", "handbook/operations/index.md", "handbook/loose.md"}; !slices.Equal(got, want) {
		t.Errorf("Nav = %q, want %q", got, want)
	}
	// Folders without an index file are sections with generated landing
	// pages, nested as the folders are.
	if got, want := pagePaths(s.Folders), []string{"handbook/operations/runbooks/", "handbook/operations/runbooks/db/"}; !slices.Equal(got, want) {
		t.Fatalf("Folders = %q, want %q", got, want)
	}
	runbooks, db := s.Folders[0], s.Folders[1]
	if !runbooks.Generated || !runbooks.Section || runbooks.Title != "Runbooks" || runbooks.URL != "/handbook/operations/runbooks/" || db.URL != "/handbook/operations/runbooks/db/" || db.Title != "Db" {
		t.Errorf("runbooks = %+v, db = %+v", runbooks.Doc, db.Doc)
	}
	if deep.Parent != db || db.Parent != runbooks || runbooks.Parent != ops || ops.Parent != home || loose.Parent != home || home.Parent != nil {
		t.Errorf("parents: restore %v, db %v, runbooks %v, operations %v, loose %v, home %v", deep.Parent, db.Parent, runbooks.Parent, ops.Parent, loose.Parent, home.Parent)
	}
	if got, want := pagePaths(ops.Children), []string{"handbook/operations/on-call.md", "handbook/operations/runbooks/"}; !slices.Equal(got, want) {
		t.Errorf("operations Children = %q, want %q", got, want)
	}
	if got := pagePaths(home.Children); !slices.Equal(got, pagePaths(s.Nav)) {
		t.Errorf("Home.Children = %q, want the Nav", got)
	}
	if s.Doc("handbook/operations/runbooks/") != nil {
		t.Error("a generated landing page is a document")
	}
}

// A handbook without an index file, or without any folder's, still has a
// home and sections: the folders, titled after their names.
func TestPageTreeWithoutIndexFiles(t *testing.T) {
	t.Parallel()
	a := newPage("engineering-practices/code_review.md")
	b := newPage("engineering-practices/testing/unit.md")
	c := newPage("top.md")
	s, _ := build(t, Content{Config: utcConfig(), Pages: []*Page{a, b, c}}, Options{Now: noon(t, "2026-11-25")})
	if s.Home == nil || !s.Home.Generated || s.Home.URL != "/handbook/" || s.Home.Title != "Handbook" {
		t.Fatalf("Home = %+v, want a generated /handbook/", s.Home)
	}
	if got, want := pagePaths(s.Folders), []string{"handbook/", "handbook/engineering-practices/", "handbook/engineering-practices/testing/"}; !slices.Equal(got, want) {
		t.Fatalf("Folders = %q, want %q", got, want)
	}
	ep := s.Folders[1]
	if ep.Title != "Engineering practices" || ep.URL != "/handbook/engineering-practices/" || a.Parent != ep || b.Parent != s.Folders[2] || s.Folders[2].Parent != ep || c.Parent != s.Home {
		t.Errorf("engineering-practices = %q at %s; parents %v, %v, %v", ep.Title, ep.URL, a.Parent, b.Parent, c.Parent)
	}
	if got, want := pagePaths(s.Pages), []string{"handbook/engineering-practices/code_review.md", "handbook/engineering-practices/testing/unit.md", "handbook/top.md"}; !slices.Equal(got, want) {
		t.Errorf("Pages = %q, want %q", got, want)
	}
}

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Remote Work", "remote-work"},
		{"remote-work", "remote-work"},
		{"remote_work", "remote-work"},
		{"  --Hello__World--  ", "hello-world"},
		{"2026 Q4", "2026-q4"},
		{"C++ & Go!", "c-go"},
		{"a.b.c", "a-b-c"},
		{"Time Off", "time-off"},
		{"Café Crème", "café-crème"},
		{"Über async", "über-async"},
		{"日本語 テキスト", "日本語-テキスト"},
		{"Ελληνικά", "ελληνικά"},
		{"Ünïcödé-2", "ünïcödé-2"},
		{"١٢٣ arabic digits", "١٢٣-arabic-digits"},
		{"emoji 🎉 party", "emoji-party"},
		// Accents typed as combining marks (macOS file names are often
		// NFD) are composed, so both spellings give one slug.
		{"Cafe\u0301 Cre\u0300me", "café-crème"},
		{"Re\u0301sume\u0301", "résumé"},
		{"", ""},
		{"!!!", ""},
		{"../../etc/passwd", "etc-passwd"},
		// Names that are slugs already, and names that nearly are.
		{"2026-11-24-ana-batched-writes", "2026-11-24-ana-batched-writes"},
		{"a", "a"},
		{"-a", "a"},
		{"a-", "a"},
		{"a--b", "a-b"},
		{"-", ""},
		{"aB", "ab"},
		{"a_b", "a-b"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// A slug is its own slug.
		if got := Slug(tt.want); got != tt.want {
			t.Errorf("Slug(%q) = %q, want it unchanged", tt.want, got)
		}
	}
}

// Combining marks are part of the letters they follow: the vowel signs
// and viramas of Indic scripts have no precomposed form to fold into.
func TestSlugCombiningMarks(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"हिन्दी", "हिन्दी"},
		{"தமிழ்", "தமிழ்"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecisionNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"7", 7, true},
		{"0007", 7, true},
		{"ADR-0007", 7, true},
		{"adr-7", 7, true},
		{"adr 7", 7, true},
		{"ADR_0007", 7, true},
		{"ADR0007", 7, true},
		{"#7", 7, true},
		{" 0012 ", 12, true},
		{"0007-use-postgres", 7, true},
		{"0007_use_postgres", 7, true},
		{"0007-use-postgres.md", 7, true},
		{"123456789", 123456789, true},
		{"1234567890", 0, false}, // too long to be a decision number
		{"0", 0, false},
		{"0000", 0, false},
		{"", 0, false},
		{"adr", 0, false},
		{"use-postgres", 0, false},
		{"7a", 0, false},
		{"v2", 0, false},
		{"-7", 7, true}, // separators after "adr" are trimmed even without it
	}
	for _, tt := range tests {
		got, ok := DecisionNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("DecisionNumber(%q) = %d, %v, want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNumberString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		n    int
		want string
	}{{0, ""}, {7, "0007"}, {42, "0042"}, {12345, "12345"}}
	for _, tt := range tests {
		if got := (&Decision{Number: tt.n}).NumberString(); got != tt.want {
			t.Errorf("Decision{Number: %d}.NumberString() = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s     Status
		rank  int
		label string
	}{
		{OnTrack, 1, "On track"},
		{AtRisk, 2, "At risk"},
		{OffTrack, 3, "Off track"},
		{"", 0, "No status"},
		{"unknown", 0, "No status"},
	}
	for _, tt := range tests {
		if got := tt.s.Rank(); got != tt.rank {
			t.Errorf("Status(%q).Rank() = %d, want %d", tt.s, got, tt.rank)
		}
		if got := tt.s.Label(); got != tt.label {
			t.Errorf("Status(%q).Label() = %q, want %q", tt.s, got, tt.label)
		}
	}
}

func TestKindFolder(t *testing.T) {
	t.Parallel()
	for _, k := range Kinds {
		if got := KindOfFolder(k.Folder()); got != k {
			t.Errorf("KindOfFolder(%q) = %v, want %v", k.Folder(), got, k)
		}
	}
	if got := KindOfFolder("static"); got != 0 {
		t.Errorf("KindOfFolder(%q) = %v, want 0", "static", got)
	}
}

func TestBasePath(t *testing.T) {
	t.Parallel()
	tests := []struct{ base, want string }{
		{"", ""},
		{"/", ""},
		{"https://example.com/", ""},
		{"https://example.com", ""},
		{"https://x.example/handbook/", "/handbook"},
		{"https://x.example/handbook", "/handbook"},
		{"http://localhost:1313/a/b/", "/a/b"},
	}
	for _, tt := range tests {
		c := Config{BaseURL: tt.base}
		if got := c.BasePath(); got != tt.want {
			t.Errorf("Config{BaseURL: %q}.BasePath() = %q, want %q", tt.base, got, tt.want)
		}
	}
}

func TestDocPos(t *testing.T) {
	t.Parallel()
	d := newDoc(KindUpdate, "updates/x.md")
	d.Fields = MakeFields(Field{Key: "title", Line: 2, Col: 8}, Field{Key: "author", Line: 3, Col: 9})
	if got, want := d.Pos("author"), (diag.Pos{File: "content/updates/x.md", Line: 3, Col: 9}); got != want {
		t.Errorf("Pos(author) = %v, want %v", got, want)
	}
	if got, want := d.Pos("team"), (diag.Pos{File: "content/updates/x.md", Line: 1, Col: 1}); got != want {
		t.Errorf("Pos(team) = %v, want %v (the file)", got, want)
	}
}

func TestFields(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("k", 300)
	f := MakeFields(Field{Key: "a", Line: 1, Col: 2}, Field{Key: long, Line: 400, Col: 70000}, Field{Key: "a", Line: 5, Col: 6}, Field{Key: "", Line: 7, Col: 8})
	for _, tt := range []struct {
		key       string
		line, col int
		ok        bool
	}{
		{"a", 5, 6, true}, // the last one written
		{long, 400, 70000, true},
		{"", 7, 8, true},
		{"b", 0, 0, false},
		{"k", 0, 0, false},
	} {
		if line, col, ok := f.lookup(tt.key); line != tt.line || col != tt.col || ok != tt.ok {
			t.Errorf("lookup(%.10q) = %d, %d, %v; want %d, %d, %v", tt.key, line, col, ok, tt.line, tt.col, tt.ok)
		}
	}
	for _, damaged := range []Fields{"\xff", "\x05ab", "\x01a\x01", Fields(string(f)[:len(f)-3])} {
		if _, _, ok := damaged.lookup("zz"); ok {
			t.Errorf("lookup in %q found a key it does not hold", damaged)
		}
	}
}
