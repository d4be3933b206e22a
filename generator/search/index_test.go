package search

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/handbook/handbook/generator/content"
	"github.com/handbook/handbook/generator/site"
)

var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// corpus loads testdata/corpus.txtar as a site; edit may change files.
func corpus(t *testing.T, edit func(fstest.MapFS)) *site.Site {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/corpus.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	if edit != nil {
		edit(fsys)
	}
	loaded, diags := content.Load(fsys, content.Options{Dir: "content"})
	s, more := site.New(loaded.Content, site.Options{Now: testNow})
	diags.Append(more)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	return s
}

func openCorpus(t *testing.T) *Searcher {
	t.Helper()
	idx, err := Build(corpus(t, nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func search(t *testing.T, s *Searcher, text string, filters map[string][]string) Results {
	t.Helper()
	res, err := s.Search(Query{Text: text, Filters: filters})
	if err != nil {
		t.Fatalf("Search(%q): %v", text, err)
	}
	return res
}

func urls(res Results) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.URL)
	}
	return out
}

func TestRanking(t *testing.T) {
	t.Parallel()
	s := openCorpus(t)
	tests := []struct {
		query         string
		first, second string // first must rank above second
		why           string
	}{
		{"latency", "/handbook/latency/", "/handbook/glossary/", "a title match beats a body match"},
		{"latency", "/updates/2026-11-20-ana-latency/", "/updates/2026-09-01-ana-latency/", "a newer update beats an equal older one"},
		{"kofi", "/people/kofi/", "/updates/2026-11-18-kofi-pager/", "a person's page beats their updates"},
		{"idempotency", "/decisions/0007-use-idempotency-keys/", "/handbook/glossary/", "title beats body"},
	}
	for _, tt := range tests {
		got := urls(search(t, s, tt.query, nil))
		i, j := slices.Index(got, tt.first), slices.Index(got, tt.second)
		if i < 0 || j < 0 || i > j {
			t.Errorf("%s: Search(%q) = %q, want %s before %s", tt.why, tt.query, got, tt.first, tt.second)
		}
	}
	// Equal documents tie on index order, which is newest first for
	// updates; the boost must give the newer one a higher score as well.
	score := map[string]float64{}
	for _, h := range search(t, s, "latency", nil).Hits {
		score[h.URL] = h.Score
	}
	if newer, older := score["/updates/2026-11-20-ana-latency/"], score["/updates/2026-09-01-ana-latency/"]; newer <= older {
		t.Errorf("latency: newer update scores %v, older %v; want the newer higher", newer, older)
	}
	if got := urls(search(t, s, "0007", nil)); len(got) == 0 || got[0] != "/decisions/0007-use-idempotency-keys/" {
		t.Errorf("Search(0007) = %q, want the decision first", got)
	}
}

func TestAndPhrasesPrefixesTypos(t *testing.T) {
	t.Parallel()
	s := openCorpus(t)
	ana := "/updates/2026-11-20-ana-latency/"
	kofi := "/updates/2026-11-18-kofi-pager/"
	glossary := "/handbook/glossary/"
	tests := []struct {
		query     string
		want      []string // must all be in the results
		wantNot   []string // must not be
		wantEmpty bool
	}{
		{query: "shard planner", want: []string{ana, kofi}},
		{query: `"shard planner"`, want: []string{ana}, wantNot: []string{kofi, glossary}},
		{query: `"planner shard"`, want: []string{kofi}, wantNot: []string{ana}},
		{query: `"shard planner" pager`, want: []string{ana, kofi}},                 // no document has both: those with either
		{query: "ledger writes", want: []string{ana}, wantNot: []string{glossary}},  // AND of words
		{query: "idempot", want: []string{"/decisions/0007-use-idempotency-keys/"}}, // prefix of the last word
		{query: "idempo ", wantEmpty: true},                                         // a space ends the word
		{query: "idempotncy", want: []string{"/decisions/0007-use-idempotency-keys/", glossary}},
		{query: "ltency", want: []string{"/handbook/latency/"}},  // a deleted letter
		{query: "latnecy", want: []string{"/handbook/latency/"}}, // swapped letters
		{query: "atency", want: []string{"/handbook/latency/"}},  // the first letter may be wrong
		{query: "katency", want: []string{"/handbook/latency/"}}, // or replaced
		{query: "hsard", want: []string{ana}},                    // or swapped
		{query: "shrad", want: []string{ana}},                    // five letters get one edit
		{query: "shad", want: []string{ana}},                     // and four
		{query: "shd", wantEmpty: true},                          // three do not
		{query: "planners", want: []string{ana, kofi}},           // stems: "planners" finds "planner"
		{query: "rotating", want: []string{glossary, "/handbook/on-call/"}},
		{query: "writing", want: []string{ana}},                  // "writing" finds "writes"
		{query: `"pager rotations"`, wantEmpty: true},            // phrases match words as written
		{query: "standup", want: []string{"/handbook/on-call/"}}, // hyphenated words are also whole
		{query: "stand-up", want: []string{"/handbook/on-call/"}},
		{query: "STAND UP", want: []string{"/handbook/on-call/"}},
		{query: "anasouza", want: []string{"/people/ana/"}},
	}
	for _, tt := range tests {
		got := urls(search(t, s, tt.query, nil))
		if tt.wantEmpty && len(got) > 0 {
			t.Errorf("Search(%q) = %q, want no results", tt.query, got)
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Search(%q) = %q, want %s among them", tt.query, got, w)
			}
		}
		for _, w := range tt.wantNot {
			if slices.Contains(got, w) {
				t.Errorf("Search(%q) = %q, want no %s", tt.query, got, w)
			}
		}
	}
	// Only the last word is a prefix: "idempo" matches nothing, and the
	// documents with "keys" are what is left.
	if got, want := urls(search(t, s, "idempo keys", nil)), urls(search(t, s, "keys ", nil)); !slices.Equal(got, want) || len(got) == 0 {
		t.Errorf("Search(%q) = %q, want those of %q: %q", "idempo keys", got, "keys ", want)
	}
}

func TestFilters(t *testing.T) {
	t.Parallel()
	s := openCorpus(t)
	all := search(t, s, "latency", nil)
	if all.Counts["kind"]["update"] != 2 || all.Counts["kind"]["page"] != 2 || all.Counts["kind"]["objective"] != 1 {
		t.Errorf("latency: kind counts %v, want 2 updates, 2 pages, 1 objective", all.Counts["kind"])
	}
	res := search(t, s, "latency", map[string][]string{"kind": {"update"}})
	if got := urls(res); len(got) != 2 || !strings.HasPrefix(got[0], "/updates/") || !strings.HasPrefix(got[1], "/updates/") {
		t.Errorf("latency, kind=update: %q, want the two updates", got)
	}
	// A facet's own filter leaves its counts alone; the others narrow.
	if !maps.Equal(res.Counts["kind"], all.Counts["kind"]) {
		t.Errorf("kind counts changed under a kind filter: %v, want %v", res.Counts["kind"], all.Counts["kind"])
	}
	if res.Counts["author"]["ana"] != 2 || res.Counts["tag"]["performance"] != 2 {
		t.Errorf("latency, kind=update: author counts %v, tag counts %v", res.Counts["author"], res.Counts["tag"])
	}
	// Values of one facet combine with OR, facets with AND.
	res = search(t, s, "", map[string][]string{"status": {"accepted", "at-risk"}})
	if got := urls(res); !slices.Equal(got, []string{"/updates/2026-11-18-kofi-pager/", "/decisions/0007-use-idempotency-keys/"}) {
		t.Errorf("status accepted or at-risk: %q", got)
	}
	res = search(t, s, "", map[string][]string{"status": {"accepted", "at-risk"}, "author": {"kofi"}})
	if got := urls(res); !slices.Equal(got, []string{"/updates/2026-11-18-kofi-pager/"}) {
		t.Errorf("status accepted or at-risk, author kofi: %q", got)
	}
	res = search(t, s, "", map[string][]string{"team": {"core"}, "kind": {"person", "team", "objective"}})
	if got := urls(res); !slices.Equal(got, []string{"/objectives/faster-sync/", "/people/ana/", "/teams/core/"}) {
		t.Errorf("team core, kind person/team/objective: %q", got)
	}
	if got := search(t, s, "", nil); len(got.Hits) != 0 {
		t.Errorf("empty query: %d hits, want none", len(got.Hits))
	}
	labels := map[string]string{}
	for _, v := range s.FacetValues("author") {
		labels[v.Key] = v.Label
	}
	if labels["ana"] != "Ana Souza" || labels["kofi"] != "Kofi Mensah" {
		t.Errorf("author labels %v", labels)
	}
}

func TestDeepLinks(t *testing.T) {
	t.Parallel()
	s := openCorpus(t)
	tests := []struct{ query, url, section string }{
		{"handoff note", "/handbook/on-call/", "handoffs"},
		{"retries", "/decisions/0007-use-idempotency-keys/", "context"},
		{"latency budget", "/handbook/latency/", ""}, // the title matches best
	}
	for _, tt := range tests {
		res := search(t, s, tt.query, nil)
		if len(res.Hits) == 0 || res.Hits[0].URL != tt.url || res.Hits[0].Section != tt.section {
			t.Errorf("Search(%q) = %+v, want %s#%s first", tt.query, res.Hits, tt.url, tt.section)
		}
	}
}

var fileName = regexp.MustCompile(`^search/((manifest\.json)|([tpyfd]-[0-9a-f]{12}\.bin))$`)

func TestFilesDeterministicHashedEscaped(t *testing.T) {
	t.Parallel()
	hostile := func(fsys fstest.MapFS) {
		fsys["handbook/hostile.md"] = &fstest.MapFile{Data: []byte("---\ntitle: \"<script>alert(1)</script>\"\n---\nBody with <img src=x onerror=alert(1)> and \"quotes\".\n")}
	}
	a, err := Build(corpus(t, hostile), Options{ShardSize: 256})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(corpus(t, hostile), Options{ShardSize: 256})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(a.Files, b.Files, func(x, y File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) }) {
		t.Error("two builds of the same site differ")
	}
	for _, f := range a.Files {
		if !fileName.MatchString(f.Path) {
			t.Errorf("file %s is not content-hashed", f.Path)
		}
		data := f.Data
		if strings.HasSuffix(f.Path, ".bin") {
			if strings.Contains(f.Path, "/d-") {
				// A document pack's parts follow their offsets.
				data = data[binary.LittleEndian.Uint32(data):]
			}
			// The parts of a pack are gzip members one after another,
			// which a gzip reader reads as one stream.
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
		}
		if bytes.Contains(data, []byte("<script")) || bytes.Contains(data, []byte("<img")) {
			t.Errorf("%s holds unescaped markup: %s", f.Path, data)
		}
	}
	// A small shard size splits the vocabulary but finds the same.
	s, err := Open(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.entries) < 3 {
		t.Errorf("%d term shards with a 256-byte shard size, want several", len(s.entries))
	}
	if got := urls(search(t, s, "<script>", nil)); len(got) != 1 || got[0] != "/handbook/hostile/" {
		t.Errorf("Search(<script>) = %q", got)
	}
	if got := urls(search(t, s, `"shard planner"`, nil)); !slices.Equal(got, []string{"/updates/2026-11-20-ana-latency/", "/updates/2026-09-01-ana-latency/"}) {
		t.Errorf("phrase across small shards: %q", got)
	}
}

func TestOneEdit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want bool
	}{
		{"planner", "planer", true},
		{"planner", "plannner", true},
		{"planner", "plannar", true},
		{"planner", "palnner", true},
		{"planner", "planner", false},
		{"planner", "plan", false},
		{"planner", "pnalner", false},
		{"café", "cafe", true},
		{"ab", "ba", true},
	}
	for _, tt := range tests {
		if got := OneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("OneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []clause
	}{
		{"shard plan", []clause{{terms: []string{"shard"}}, {terms: []string{"plan"}, prefix: true}}},
		{"shard plan ", []clause{{terms: []string{"shard"}}, {terms: []string{"plan"}}}},
		{`"shard planner" p95`, []clause{{terms: []string{"shard", "planner"}, phrase: true}, {terms: []string{"p95"}, prefix: true}}},
		{`on-call "open`, []clause{{terms: []string{"on", "call"}, phrase: true}, {terms: []string{"open"}}}},
		{` -- "" `, nil},
	}
	for _, tt := range tests {
		got := Parse(tt.text)
		if !slices.EqualFunc(got, tt.want, func(a, b clause) bool {
			return slices.Equal(a.terms, b.terms) && a.phrase == b.phrase && a.prefix == b.prefix
		}) {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

// TestSameShardTwice checks that two parts with the same content, which a
// big site's position shards can be, are packed once.
func TestSameShardTwice(t *testing.T) {
	t.Parallel()
	data, spans := pack([]byte("head"), [][]byte{[]byte("same"), []byte("other"), []byte("same")})
	if string(data) != "headsameother" || spans[0] != spans[2] || spans[0] != (span{4, 4}) || spans[1] != (span{8, 5}) {
		t.Errorf("pack = %q %v, want %q [[4 4] [8 5] [4 4]]", data, spans, "headsameother")
	}
}
