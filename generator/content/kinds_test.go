package content

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/site"
)

func TestDecisionStatus(t *testing.T) {
	t.Parallel()
	const want = "want proposed, accepted, rejected, deprecated, superseded, or declare it in site.toml's decision_statuses"
	tests := []struct {
		name       string
		config     string
		status     string // the front-matter line
		wantStatus string
		known      bool
		succ       []int // numbers of SupersededByIDs
		diags      []string
	}{
		{"accepted", "", "status: accepted", site.Accepted, true, nil, nil},
		{"upper case", "", "status: Accepted", site.Accepted, true, nil, nil},
		{"spaces", "", "status: '  PROPOSED '", site.Proposed, true, nil, nil},
		{"plain superseded", "", "status: superseded", site.Superseded, true, nil, nil},
		{"MADR superseded by", "", "status: superseded by ADR-0006", site.Superseded, true, []int{6}, nil},
		{"MADR superseded by, capitalised", "", "status: Superseded by ADR-0006", site.Superseded, true, []int{6}, nil},
		{"MADR superseded by a link", "", "status: superseded by [ADR-0006](0006-use-kafka.md)", site.Superseded, true, []int{6}, nil},
		{"superseded by two", "", "status: superseded by ADR-0006 and ADR-0009", site.Superseded, true, []int{6, 9}, nil},
		{"typo", "", "status: acepted", "acepted", false, nil, []string{
			`content/decisions/0002-x.md:2:9: warning: unknown decision status "acepted" (` + want + `) (did you mean "accepted"?)`}},
		{"unrelated", "", "status: on hold", "on hold", false, nil, []string{
			`content/decisions/0002-x.md:2:9: warning: unknown decision status "on hold" (` + want + `)`}},
		{"declared in site.toml", "decision_statuses = [\"Parked\"]\n", "status: parked", "parked", true, nil, nil},
		{"declared, any case", "decision_statuses = [\"parked\"]\n", "status: PARKED", "parked", true, nil, nil},
		{"declared statuses are suggested", "decision_statuses = [\"parked\"]\n", "status: parkd", "parkd", false, nil, []string{
			`content/decisions/0002-x.md:2:9: warning: unknown decision status "parkd" (want proposed, accepted, rejected, deprecated, superseded, parked, or declare it in site.toml's decision_statuses) (did you mean "parked"?)`}},
		{"no status", "", "title: X", "", false, nil, []string{
			"content/decisions/0002-x.md:1:1: warning: decision has no status (want proposed, accepted, rejected, deprecated, superseded)"}},
		{"not text", "", "status: [accepted]", "", false, nil, []string{
			`content/decisions/0002-x.md:2:9: status: want a status such as "accepted", got a list`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{"decisions/0002-x.md": "---\n" + tt.status + "\n---\n# X\n"}
			if tt.config != "" {
				files["site.toml"] = tt.config
			}
			res, diags := load(t, files, Options{})
			wantDiags(t, diags, tt.diags...)
			d := decision(t, res, "decisions/0002-x.md")
			if d.Status != tt.wantStatus || d.Known != tt.known {
				t.Errorf("%s: Status, Known = %q, %v, want %q, %v", tt.status, d.Status, d.Known, tt.wantStatus, tt.known)
			}
			var nums []int
			for _, ref := range d.SupersededByIDs {
				n, ok := site.DecisionNumber(ref)
				if !ok {
					t.Errorf("%s: SupersededByIDs holds %q, not a decision reference", tt.status, ref)
				}
				if !slices.Contains(nums, n) {
					nums = append(nums, n)
				}
			}
			if !slices.Equal(nums, tt.succ) {
				t.Errorf("%s: SupersededByIDs = %q, want decisions %v", tt.status, d.SupersededByIDs, tt.succ)
			}
		})
	}
}

// Only the decisions named after "superseded by" are successors: not the
// digits of a date or of a linked file's name.
func TestDecisionSupersededByOtherDigits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status string
		want   int
	}{
		{"superseded by [ADR-0012](0012-move-to-http2.md)", 12},
		{"superseded by ADR-0006 on 2026-11-20", 6},
		{"superseded by ADR-0006 (see v2 notes)", 6},
	}
	for _, tt := range tests {
		res, _ := load(t, map[string]string{"decisions/0001-x.md": "---\nstatus: " + tt.status + "\n---\n"}, Options{})
		d := decision(t, res, "decisions/0001-x.md")
		for _, ref := range d.SupersededByIDs {
			if n, _ := site.DecisionNumber(ref); n != tt.want {
				t.Errorf("status %q: SupersededByIDs = %q, want only decision %d", tt.status, d.SupersededByIDs, tt.want)
				break
			}
		}
	}
}

func TestDecisionFields(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, front string
		makers      []string
	}{
		{"decision-makers list", "decision-makers: [Ana, Kofi]", []string{"Ana", "Kofi"}},
		{"deciders alias", "deciders: [Ana, Kofi]", []string{"Ana", "Kofi"}},
		{"deciders as text", "deciders: Ana, Kofi", []string{"Ana", "Kofi"}},
		{"decision_makers", "decision_makers:\n  - \"@ana\"\n  - Platform team", []string{"@ana", "Platform team"}},
		{"none", "title: x", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, diags := load(t, map[string]string{"decisions/0007-Use Postgres.md": "---\nstatus: accepted\n" + tt.front + "\n---\n"}, Options{})
			wantDiags(t, diags)
			d := decision(t, res, "decisions/0007-Use Postgres.md")
			var got []string
			for _, r := range d.DecisionMakers {
				got = append(got, r.Name)
			}
			if !slices.Equal(got, tt.makers) {
				t.Errorf("DecisionMakers = %q, want %q", got, tt.makers)
			}
			if _, ok := d.Params["deciders"]; ok {
				t.Errorf("Params holds deciders: %v", d.Params)
			}
			if d.ID != "0007-use-postgres" || d.Number != 7 || d.URL != "/decisions/0007-use-postgres/" {
				t.Errorf("ID, Number, URL = %q, %d, %q", d.ID, d.Number, d.URL)
			}
		})
	}

	res, diags := load(t, map[string]string{
		"decisions/0008-x.md": "---\nstatus: proposed\ndate: 2026-11-18\nrespond_by: 2026-11-27\nconsulted: Priya\ninformed: [everyone]\nsupersedes: [3, ADR-0004]\n---\n",
		"decisions/notes.md":  "---\nstatus: accepted\ncomment-by: 2026-12-01\nsupersedes: 0005\n---\n",
	}, Options{})
	wantDiags(t, diags)
	d := decision(t, res, "decisions/0008-x.md")
	if !d.RespondBy.Equal(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)) || !d.Date.Equal(time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Date, RespondBy = %v, %v", d.Date, d.RespondBy)
	}
	if len(d.Consulted) != 1 || d.Consulted[0].Name != "Priya" || len(d.Informed) != 1 || d.Informed[0].Name != "everyone" {
		t.Errorf("Consulted, Informed = %v, %v", d.Consulted, d.Informed)
	}
	if want := []string{"3", "ADR-0004"}; !slices.Equal(d.Supersedes, want) {
		t.Errorf("Supersedes = %q, want %q", d.Supersedes, want)
	}
	n := decision(t, res, "decisions/notes.md")
	if n.Number != 0 || n.ID != "notes" || n.RespondBy.IsZero() {
		t.Errorf("notes.md: Number, ID, RespondBy = %d, %q, %v", n.Number, n.ID, n.RespondBy)
	}
	if len(n.Supersedes) != 1 {
		t.Errorf("notes.md: Supersedes = %q, want one reference", n.Supersedes)
	} else if num, ok := site.DecisionNumber(n.Supersedes[0]); !ok || num != 5 {
		t.Errorf("notes.md: Supersedes = %q, want decision 5", n.Supersedes)
	}
}

func TestDates(t *testing.T) {
	t.Parallel()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, front string
		want        time.Time
		diag        string
	}{
		{"date only is midnight in the site's zone", "date: 2026-11-20", time.Date(2026, 11, 20, 0, 0, 0, 0, berlin), ""},
		{"quoted date", "date: \"2026-11-20\"", time.Date(2026, 11, 20, 0, 0, 0, 0, berlin), ""},
		{"RFC 3339 UTC", "date: \"2026-11-20T09:30:00Z\"", time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC), ""},
		{"RFC 3339 offset", "date: 2026-11-20T09:30:00+05:30", time.Date(2026, 11, 20, 4, 0, 0, 0, time.UTC), ""},
		{"date and time without zone", "date: 2026-11-20 09:30", time.Date(2026, 11, 20, 9, 30, 0, 0, berlin), ""},
		{"date T time without zone", "date: 2026-11-20T09:30:15", time.Date(2026, 11, 20, 9, 30, 15, 0, berlin), ""},
		{"leap day", "date: 2028-02-29", time.Date(2028, 2, 29, 0, 0, 0, 0, berlin), ""},
		{"february 30", "date: 2026-02-30", time.Time{}, `content/updates/x.md:3:7: date: impossible date "2026-02-30"`},
		{"not a leap year", "date: 2026-02-29", time.Time{}, `content/updates/x.md:3:7: date: impossible date "2026-02-29"`},
		{"month 13", "date: 2026-13-01", time.Time{}, `content/updates/x.md:3:7: date: impossible date "2026-13-01"`},
		{"day first", "date: 20/11/2026", time.Time{}, `content/updates/x.md:3:7: date: want a date (YYYY-MM-DD or RFC 3339), got "20/11/2026"`},
		{"words", "date: yesterday", time.Time{}, `content/updates/x.md:3:7: date: want a date (YYYY-MM-DD or RFC 3339), got "yesterday"`},
		{"a number", "date: 20261120", time.Time{}, `content/updates/x.md:3:7: date: want a date (YYYY-MM-DD or RFC 3339), got the number 20261120`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, diags := load(t, map[string]string{
				"site.toml":    "timezone = \"Europe/Berlin\"\n",
				"updates/x.md": "---\nauthor: ana\n" + tt.front + "\n---\n",
			}, Options{})
			var want []string
			if tt.diag != "" {
				want = []string{tt.diag}
			}
			wantDiags(t, diags, want...)
			if u := update(t, res, "updates/x.md"); !u.Date.Equal(tt.want) {
				t.Errorf("%s: Date = %v, want %v", tt.front, u.Date, tt.want)
			}
		})
	}
}

func TestTOMLDates(t *testing.T) {
	t.Parallel()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		front string
		want  time.Time
	}{
		{"date = 2026-11-20", time.Date(2026, 11, 20, 0, 0, 0, 0, berlin)},
		{"date = 2026-11-20T09:30:00", time.Date(2026, 11, 20, 9, 30, 0, 0, berlin)},
		{"date = 2026-11-20T09:30:00Z", time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)},
		{"date = 2026-11-20T09:30:00-08:00", time.Date(2026, 11, 20, 17, 30, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		res, diags := load(t, map[string]string{
			"site.toml":    "timezone = \"Europe/Berlin\"\n",
			"updates/x.md": "+++\nauthor = \"ana\"\n" + tt.front + "\n+++\n",
		}, Options{})
		wantDiags(t, diags)
		if u := update(t, res, "updates/x.md"); !u.Date.Equal(tt.want) {
			t.Errorf("%s: Date = %v, want %v", tt.front, u.Date, tt.want)
		}
	}
}

func TestUpdateRequired(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      []string
	}{
		{"missing author", "---\ndate: 2026-11-20\n---\n", []string{"content/updates/x.md:1:1: missing author: an update needs the id of the person who wrote it"}},
		{"empty author", "---\nauthor:\ndate: 2026-11-20\n---\n", []string{"content/updates/x.md:1:1: missing author: an update needs the id of the person who wrote it"}},
		{"missing date", "---\nauthor: ana\n---\n", []string{"content/updates/x.md:1:1: missing date: an update needs the date it reports on (YYYY-MM-DD)"}},
		{"no front matter", "# Just text\n", []string{
			"content/updates/x.md:1:1: missing author: an update needs the id of the person who wrote it",
			"content/updates/x.md:1:1: missing date: an update needs the date it reports on (YYYY-MM-DD)",
		}},
		{"all there", "---\nauthor: Ana\ndate: 2026-11-20\n---\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, diags := load(t, map[string]string{"updates/x.md": tt.src}, Options{})
			wantDiags(t, diags, tt.want...)
		})
	}
}

func TestUpdateFields(t *testing.T) {
	t.Parallel()
	res, diags := load(t, map[string]string{
		"updates/x.md": "---\nauthor: Ana\ndate: 2026-11-20\nteam: Core\nstatus: On Track\nobjective: Faster-Sync\nblockers: waiting on legal, and on @kofi\n---\n",
		"updates/y.md": "---\nauthor: ana\ndate: 2026-11-20\nstatus: off_track\nobjectives: [a, b]\nblockers:\n  - one\n  - two\n---\n",
	}, Options{})
	wantDiags(t, diags)
	x := update(t, res, "updates/x.md")
	if x.AuthorID != "ana" || x.TeamID != "core" || x.Status != site.OnTrack {
		t.Errorf("x: AuthorID, TeamID, Status = %q, %q, %q, want lower-case ids and on-track", x.AuthorID, x.TeamID, x.Status)
	}
	if want := []string{"faster-sync"}; !slices.Equal(x.Objectives, want) {
		t.Errorf("x: Objectives = %q, want %q", x.Objectives, want)
	}
	if want := []string{"waiting on legal, and on @kofi"}; !slices.Equal(x.Blockers, want) {
		t.Errorf("x: Blockers = %q, want %q (blockers are not split at commas)", x.Blockers, want)
	}
	y := update(t, res, "updates/y.md")
	if y.Status != site.OffTrack || !slices.Equal(y.Objectives, []string{"a", "b"}) || !slices.Equal(y.Blockers, []string{"one", "two"}) {
		t.Errorf("y: Status, Objectives, Blockers = %q, %q, %q", y.Status, y.Objectives, y.Blockers)
	}
}

func TestUpdateStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want site.Status
		diag string
	}{
		{"on-track", site.OnTrack, ""},
		{"On Track", site.OnTrack, ""},
		{"at_risk", site.AtRisk, ""},
		{"OFF-TRACK", site.OffTrack, ""},
		{"on-trak", "", `content/updates/x.md:4:9: unknown status "on-trak" (want on-track, at-risk, off-track) (did you mean "on-track"?)`},
		{"green", "", `content/updates/x.md:4:9: unknown status "green" (want on-track, at-risk, off-track)`},
		{"[a]", "", "content/updates/x.md:4:9: status: want one of on-track, at-risk, off-track, got a list"},
	}
	for _, tt := range tests {
		res, diags := load(t, map[string]string{"updates/x.md": "---\nauthor: ana\ndate: 2026-11-20\nstatus: " + tt.in + "\n---\n"}, Options{})
		var want []string
		if tt.diag != "" {
			want = []string{tt.diag}
		}
		wantDiags(t, diags, want...)
		if got := update(t, res, "updates/x.md").Status; got != tt.want {
			t.Errorf("status %q: Status = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestProgress(t *testing.T) {
	t.Parallel()
	res, diags := load(t, map[string]string{
		"updates/x.md": "---\nauthor: ana\ndate: 2026-11-20\nprogress:\n  Faster-Sync/P99: 450\n  faster-sync/conversion: \"42%\"\n  grow/signups: \"1,200\"\n  grow/ratio: 0.5\n  nokey: 4\n  /kr: 1\n  obj/: 1\n  grow/bad: lots\n---\n",
	}, Options{})
	const must = `must name an objective and a key result as "objective-id/kr-id"`
	wantDiags(t, diags,
		`content/updates/x.md:9:3: progress: key "nokey" `+must,
		`content/updates/x.md:10:3: progress: key "/kr" `+must,
		`content/updates/x.md:11:3: progress: key "obj/" `+must,
		`content/updates/x.md:12:13: progress: grow/bad: want a number, got "lots"`,
	)
	u := update(t, res, "updates/x.md")
	type p struct {
		key, obj, kr string
		value        float64
		line         int
	}
	var got []p
	for _, x := range u.Progress {
		got = append(got, p{x.Key, x.ObjectiveID, x.KeyResultID, x.Value, x.Pos.Line})
	}
	want := []p{
		{"Faster-Sync/P99", "faster-sync", "p99", 450, 5},
		{"faster-sync/conversion", "faster-sync", "conversion", 42, 6},
		{"grow/signups", "grow", "signups", 1200, 7},
		{"grow/ratio", "grow", "ratio", 0.5, 8},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Progress =\n%+v\nwant\n%+v", got, want)
	}
}

func TestObjective(t *testing.T) {
	t.Parallel()
	res, diags := load(t, map[string]string{
		"objectives/faster-sync.md": "---\ntitle: Faster sync\nowner: ana\nteam: Core\nperiod: 2026-q4\nstatus: at risk\nkey_results:\n  - id: P99\n    title: p99 latency\n    start: 900\n    target: 300\n    unit: ms\n  - title: Shards Done\n    goal: 8\n  - name: Only baseline\n    baseline: 3\n    target: \"10\"\n---\n",
	}, Options{})
	wantDiags(t, diags)
	var o *site.Objective
	for _, x := range res.Content.Objectives {
		o = x
	}
	if o == nil {
		t.Fatal("no objective")
	}
	if o.ID != "faster-sync" || o.Title != "Faster sync" || o.OwnerRef.Name != "ana" || o.TeamID != "core" || o.Explicit != site.AtRisk {
		t.Errorf("objective = id %q, title %q, owner %q, team %q, status %q", o.ID, o.Title, o.OwnerRef.Name, o.TeamID, o.Explicit)
	}
	if o.Period.Name != "2026-Q4" || !o.Period.Start.Equal(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Period = %+v, want 2026-Q4 from October", o.Period)
	}
	type kr struct {
		id, title     string
		start, target float64
		unit          string
	}
	var got []kr
	for _, k := range o.KeyResults {
		got = append(got, kr{k.ID, k.Title, k.Start, k.Target, k.Unit})
	}
	want := []kr{
		{"p99", "p99 latency", 900, 300, "ms"},
		{"shards-done", "Shards Done", 0, 8, ""},
		{"only-baseline", "Only baseline", 3, 10, ""},
	}
	if !slices.Equal(got, want) {
		t.Errorf("KeyResults =\n%+v\nwant\n%+v", got, want)
	}
}

func TestObjectiveErrors(t *testing.T) {
	t.Parallel()
	res, diags := loadNoItemCols(t, map[string]string{
		"objectives/o.md": "---\nperiod: 2026-Q5\nkey_results:\n  - id: a\n    target: 1\n    colour: red\n  - id: a\n    target: 2\n  - just text\n  - title: \"!!!\"\n    target: 1\n  - id: b\n    target: lots\n---\n",
		"objectives/p.md": "---\ntitle: No period\n---\n",
	}, Options{})
	wantDiags(t, diags,
		`content/objectives/o.md:2:9: period: want a period such as 2026, 2026-H2, 2026-Q4 or 2026-11, got "2026-Q5"`,
		`content/objectives/o.md:6:5: warning: key_results: unknown key "colour" in key result "a" is ignored`,
		// Item-level errors are checked without columns here: see
		// TestListItemPosition.
		`content/objectives/o.md:7: key_results: key result id "a" is used twice`,
		`content/objectives/o.md:9:5: key_results: item 3: want id, title, start, target and unit, got "just text"`,
		`content/objectives/o.md:10: key_results: item 4: title "!!!" has no letter or digit to make an id from; give the key result an id`,
		`content/objectives/o.md:13:13: target: want a number, got "lots"`,
		"content/objectives/p.md:1:1: missing period: an objective needs the period it covers, such as 2026-Q4",
	)
	for _, o := range res.Content.Objectives {
		if o.ID == "o" && len(o.KeyResults) != 2 {
			t.Errorf("o.md KeyResults = %d, want 2 (a and b)", len(o.KeyResults))
		}
	}
}

// A problem with a whole list item is reported where the item starts, not
// at the colon after its first key.
func TestListItemPosition(t *testing.T) {
	t.Parallel()
	_, diags := load(t, map[string]string{
		"objectives/o.md": "---\nperiod: 2026-Q4\nkey_results:\n  - id: p95\n    title: p95\n  - id: a\n    target: 1\n  - id: a\n    target: 2\n  - title: \"!!!\"\n    target: 1\n---\n",
		"people/ana.md":   "---\nname: Ana\naway:\n  - from: 2026-11-10\n    to: 2026-11-01\n  - to: 2026-11-12\n---\n",
	}, Options{})
	wantDiags(t, diags,
		`content/objectives/o.md:4:5: key_results: key result "p95" has no target`,
		`content/objectives/o.md:8:5: key_results: key result id "a" is used twice`,
		`content/objectives/o.md:10:5: key_results: item 4: title "!!!" has no letter or digit to make an id from; give the key result an id`,
		"content/people/ana.md:4:5: away: item 1: ends (2026-11-01) before it starts (2026-11-10)",
		"content/people/ana.md:6:5: away: item 2: missing from date",
	)
}

// loadNoItemCols is load with the column left out of diagnostics about
// whole list items (their column is wrong; see TestListItemPosition).
func loadNoItemCols(t *testing.T, files map[string]string, opts Options) (Result, diag.List) {
	t.Helper()
	res, diags := load(t, files, opts)
	for i, d := range diags {
		if strings.Contains(d.Msg, "used twice") || strings.Contains(d.Msg, "needs an id or a title") || strings.Contains(d.Msg, "to make an id from") || strings.Contains(d.Msg, "missing from date") {
			diags[i].Pos.Col = 0
		}
	}
	return res, diags
}

func TestPerson(t *testing.T) {
	t.Parallel()
	res, diags := load(t, map[string]string{
		"people/Ana Souza.md": "---\nname: Ana Souza\nteam: Core\nrole: Engineer\ntimezone: America/Sao_Paulo\nhandle: \"@anas\"\nemail: ana@example.com\nhours: 09:00-17:30\njoined: 2025-03-03\naway:\n  - from: 2026-12-21\n    to: 2027-01-03\n  - from: 2026-11-27\n---\n",
		"people/kofi.md":      "# Kofi Mensah\n",
	}, Options{})
	wantDiags(t, diags)
	var ana, kofi *site.Person
	for _, p := range res.Content.People {
		switch p.ID {
		case "ana-souza":
			ana = p
		case "kofi":
			kofi = p
		}
	}
	if ana == nil || kofi == nil {
		t.Fatalf("people = %v", res.Content.People)
	}
	if ana.Name != "Ana Souza" || ana.Title != "Ana Souza" || ana.TeamID != "core" || ana.Role != "Engineer" || ana.Handle != "anas" || ana.Email != "ana@example.com" {
		t.Errorf("ana = %+v", ana)
	}
	if ana.Location == nil || ana.Location.String() != "America/Sao_Paulo" {
		t.Errorf("ana.Location = %v", ana.Location)
	}
	if ana.Hours != (site.Hours{Start: 540, End: 1050, Set: true}) {
		t.Errorf("ana.Hours = %+v", ana.Hours)
	}
	if !ana.Joined.Equal(time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("ana.Joined = %v", ana.Joined)
	}
	wantAway := []site.Span{
		{From: time.Date(2026, 12, 21, 0, 0, 0, 0, time.UTC), To: time.Date(2027, 1, 3, 0, 0, 0, 0, time.UTC)},
		{From: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}, // one day
	}
	if !slices.EqualFunc(ana.Away, wantAway, func(a, b site.Span) bool { return a.From.Equal(b.From) && a.To.Equal(b.To) }) {
		t.Errorf("ana.Away = %v, want %v", ana.Away, wantAway)
	}
	if kofi.Name != "Kofi Mensah" {
		t.Errorf("kofi.Name = %q, want the H1", kofi.Name)
	}
}

func TestPersonErrors(t *testing.T) {
	t.Parallel()
	_, diags := loadNoItemCols(t, map[string]string{
		"people/ana.md": "---\nname: Ana\ntimezone: Mars/Olympus\nhours: nine to five\naway:\n  - 2026-11-10\n  - to: 2026-11-12\n---\n",
	}, Options{})
	wantDiags(t, diags,
		`content/people/ana.md:3:11: timezone: unknown time zone "Mars/Olympus" (want an IANA name such as "America/Sao_Paulo")`,
		`content/people/ana.md:4:8: hours: want hours such as "09:00-17:00", got "nine to five"`,
		`content/people/ana.md:6:5: away: item 1: want from and to dates, got "2026-11-10"`,
		"content/people/ana.md:7: away: item 2: missing from date",
	)
}

func TestTeam(t *testing.T) {
	t.Parallel()
	res, diags := load(t, map[string]string{
		"teams/core.md":   "---\nname: Core Platform\nlead: ana\ncadence: Fortnightly\ntimezone: Asia/Tokyo\n---\n",
		"teams/growth.md": "---\ncadence: wekly\ntz: Nowhere/City\n---\n",
	}, Options{})
	wantDiags(t, diags,
		`content/teams/growth.md:2:10: cadence: unknown cadence "wekly" (want daily, weekly, biweekly) (did you mean "weekly"?)`,
		`content/teams/growth.md:3:5: tz: unknown time zone "Nowhere/City" (want an IANA name such as "Europe/Berlin")`,
	)
	for _, tm := range res.Content.Teams {
		switch tm.ID {
		case "core":
			if tm.Name != "Core Platform" || tm.Title != "Core Platform" || tm.LeadRef.Name != "ana" || tm.Cadence != site.Biweekly || tm.Location == nil || tm.Location.String() != "Asia/Tokyo" {
				t.Errorf("core = %+v", tm)
			}
		case "growth":
			if tm.Name != "Growth" || tm.Cadence != site.Inherit || tm.Location != nil {
				t.Errorf("growth = name %q, cadence %v, location %v, want the defaults", tm.Name, tm.Cadence, tm.Location)
			}
		}
	}
}

func TestPage(t *testing.T) {
	t.Parallel()
	res, diags := load(t, map[string]string{
		"handbook/guide/index.md": "---\ndescription: How we work.\nnav_order: 3\nsidebar-position: 0\nowner: '@ana'\nlast_reviewed: 2026-05-15\nreview_every: 6 months\ntags: [Remote Work]\n---\n# Guide\n\nFirst paragraph.\n",
		"handbook/other.md":       "---\nsummary: From summary.\nweight: -2\ndraft: yes\n---\nFirst paragraph.\n",
		"handbook/bad.md":         "---\nweight: 1.5\nreview_every: 6 fortnights\ndraft: maybe\n---\n",
	}, Options{})
	wantDiags(t, diags,
		`content/handbook/bad.md:2:9: weight: want a whole number, got the number 1.5`,
		`content/handbook/bad.md:3:15: review_every: unknown unit "fortnights" (want days, weeks, months or years)`,
		`content/handbook/bad.md:4:8: draft: want true or false, got "maybe"`,
	)
	g := page(t, res, "handbook/guide/index.md")
	if !g.Section || g.Title != "Guide" || g.Description != "How we work." || g.Summary != "How we work." || g.Owner.Name != "@ana" {
		t.Errorf("guide = section %v, title %q, description %q, summary %q, owner %q", g.Section, g.Title, g.Description, g.Summary, g.Owner.Name)
	}
	// Each ordering key is its own field; an unset one is nil, a zero
	// one is set.
	if g.Weight != nil || g.SidebarPosition == nil || *g.SidebarPosition != 0 || g.NavOrder == nil || *g.NavOrder != 3 {
		t.Errorf("guide: Weight, SidebarPosition, NavOrder = %s, %s, %s, want unset, 0, 3", intp(g.Weight), floatp(g.SidebarPosition), floatp(g.NavOrder))
	}
	if !g.Reviewed.Equal(time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC)) || g.ReviewEvery != (site.Interval{Months: 6}) {
		t.Errorf("guide: Reviewed, ReviewEvery = %v, %v", g.Reviewed, g.ReviewEvery)
	}
	if !slices.Equal(g.Tags, []string{"Remote Work"}) || g.Draft {
		t.Errorf("guide: Tags, Draft = %q, %v", g.Tags, g.Draft)
	}
	o := page(t, res, "handbook/other.md")
	if o.Section || o.Summary != "From summary." || o.Weight == nil || *o.Weight != -2 || !o.Draft || o.Title != "Other" {
		t.Errorf("other = section %v, summary %q, weight %s, draft %v, title %q", o.Section, o.Summary, intp(o.Weight), o.Draft, o.Title)
	}
	if b := page(t, res, "handbook/bad.md"); b.Weight == nil || *b.Weight != 0 {
		t.Errorf("bad: Weight = %s, want 0 (set, though not a whole number)", intp(b.Weight))
	}
}

// intp prints an optional number: "unset" or its value.
func intp(n *int) string {
	if n == nil {
		return "unset"
	}
	return strconv.Itoa(*n)
}

func floatp(n *float64) string {
	if n == nil {
		return "unset"
	}
	return strconv.FormatFloat(*n, 'g', -1, 64)
}
