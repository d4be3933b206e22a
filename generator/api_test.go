package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles the export's schema as the repository keeps it,
// and checks the site publishes the same file.
func compileSchema(t *testing.T, out string) (site, kind *jsonschema.Schema) {
	t.Helper()
	data, err := os.ReadFile("render/api.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if published, err := os.ReadFile(filepath.Join(out, "api/schema.json")); err != nil || !bytes.Equal(published, data) {
		t.Errorf("api/schema.json is not the repository's schema (%v)", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	site, err = c.Compile("schema.json")
	if err != nil {
		t.Fatalf("compile the schema: %v", err)
	}
	kind, err = c.Compile("schema.json#/$defs/kindFile")
	if err != nil {
		t.Fatalf("compile the schema's kindFile: %v", err)
	}
	return site, kind
}

func readJSON(t *testing.T, path string) any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

func TestAPIMatchesSchema(t *testing.T) {
	t.Parallel()
	_, out := buildExample(t, nil)
	siteSchema, kindSchema := compileSchema(t, out)
	full := readJSON(t, filepath.Join(out, "api/site.json"))
	if err := siteSchema.Validate(full); err != nil {
		t.Errorf("api/site.json does not match the schema: %v", err)
	}
	for _, kind := range []string{"people", "teams", "pages", "updates", "decisions", "objectives", "events"} {
		v := readJSON(t, filepath.Join(out, "api", kind+".json"))
		if err := kindSchema.Validate(v); err != nil {
			t.Errorf("api/%s.json does not match the schema: %v", kind, err)
		}
		// A per-kind file holds the same list as site.json.
		a, _ := json.Marshal(v.(map[string]any)[kind])
		b, _ := json.Marshal(full.(map[string]any)[kind])
		if !bytes.Equal(a, b) || len(a) < 10 {
			t.Errorf("api/%s.json and site.json differ", kind)
		}
	}

	// The schema has teeth: a wrong value fails.
	m := full.(map[string]any)
	person := m["people"].([]any)[0].(map[string]any)
	person["id"] = "Not A Slug"
	if err := siteSchema.Validate(full); err == nil {
		t.Errorf("the schema accepts a person id with spaces")
	}
	person["id"] = "ana"
	delete(m, "events")
	if err := siteSchema.Validate(full); err == nil {
		t.Errorf("the schema accepts site.json without events")
	}
}

func TestAPIReferences(t *testing.T) {
	t.Parallel()
	_, out := buildExample(t, nil)
	var f struct {
		Generated string
		People    []struct {
			ID        string
			Team      *string
			Attention struct{ Proposals, Blockers []string }
		}
		Teams   []struct{ ID string }
		Updates []struct {
			Path, Author string
			Blockers     []struct {
				Text     string
				Mentions []string
			}
		}
		Decisions []struct {
			ID, Status string
			Open       bool
		}
		Events []struct{ Kind, ID, Text, Source string }
	}
	data, _ := os.ReadFile(filepath.Join(out, "api/site.json"))
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, p := range f.People {
		ids["person "+p.ID] = true
	}
	for _, t := range f.Teams {
		ids["team "+t.ID] = true
	}
	for _, d := range f.Decisions {
		ids["decision "+d.ID] = true
	}
	for _, p := range f.People {
		if p.Team != nil && !ids["team "+*p.Team] {
			t.Errorf("person %s is in unknown team %s", p.ID, *p.Team)
		}
		for _, d := range p.Attention.Proposals {
			if !ids["decision "+d] {
				t.Errorf("person %s is asked on unknown decision %s", p.ID, d)
			}
		}
	}
	for _, u := range f.Updates {
		if !ids["person "+u.Author] {
			t.Errorf("update %s has unknown author %s", u.Path, u.Author)
		}
	}
	if f.Generated != "2026-11-25T12:00:00Z" {
		t.Errorf("generated = %q, want the build's now", f.Generated)
	}
	// Spot checks against the example content.
	var kofiBlocked, proposals bool
	for _, p := range f.People {
		if p.ID == "kofi" && len(p.Attention.Blockers) == 1 && strings.Contains(p.Attention.Blockers[0], "priya") {
			kofiBlocked = true
		}
		if p.ID == "ana" && strings.Join(p.Attention.Proposals, ",") == "0010-follow-the-sun-on-call-rotation,0011-free-tier-instead-of-a-14-day-trial" {
			proposals = true
		}
	}
	if !kofiBlocked || !proposals {
		t.Errorf("attention: kofi blocked by priya %v, ana's proposals %v", kofiBlocked, proposals)
	}
	found := false
	for _, e := range f.Events {
		if e.Kind == "decision" && e.ID == "0009-plan-shards-from-workspace-load" && e.Text == "decision 0009 accepted" {
			found = true
		}
	}
	if !found {
		t.Errorf("events lack 0009's acceptance: %+v", f.Events)
	}
}

// TestAPIHostileContent puts values JSON cannot hold as they are, and
// markup, into front matter: the export stays valid and inert.
func TestAPIHostileContent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"site.toml":             "title = \"T\"\n",
		"people/ana.md":         "+++\nname = \"</script><script>alert(1)</script>\"\nodd = nan\nbig = [inf, -inf]\n+++\n",
		"updates/2026-11-20.md": "---\nauthor: ana\ndate: 2026-11-20\nblockers: [\"<img src=x onerror=alert(1)> & @ana\"]\n---\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	if _, err := Build(context.Background(), Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "layouts"), Out: out, Now: exampleNow}); err != nil {
		t.Fatal(err)
	}
	siteSchema, _ := compileSchema(t, out)
	data, _ := os.ReadFile(filepath.Join(out, "api/site.json"))
	if bytes.Contains(data, []byte("<script")) || bytes.Contains(data, []byte("<img")) {
		t.Errorf("markup is not escaped in api/site.json")
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := siteSchema.Validate(v); err != nil {
		t.Errorf("api/site.json does not match the schema: %v", err)
	}
	if !bytes.Contains(data, []byte(`"odd":"NaN"`)) || !bytes.Contains(data, []byte(`"+Inf"`)) {
		t.Errorf("non-finite numbers are not kept as text:\n%s", data)
	}
}

// TestAPIManyItems checks the export of a site with more people, teams
// and updates than one run of its encoder (256 items), whose runs are
// made in parallel: every item is there once, in the site's order, each
// kind's file holds what site.json holds, and the whole matches the
// schema. Run with -race, it also checks that making items of several
// runs at once is safe.
func TestAPIManyItems(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.toml", "title = \"Many\"\nbase_url = \"https://many.example/\"\n")
	const people, teams = 600, 300
	for i := range teams {
		write(fmt.Sprintf("teams/t%03d.md", i), fmt.Sprintf("---\nname: Team %03d\nlead: p%03d\n---\n", i, 2*i))
	}
	for i := range people {
		write(fmt.Sprintf("people/p%03d.md", i), fmt.Sprintf("---\nname: Person %03d\nteam: t%03d\ntimezone: Europe/Berlin\n---\n", i, i/2))
		write(fmt.Sprintf("updates/2026-11-%02d-p%03d.md", 16+i%7, i), fmt.Sprintf("---\nauthor: p%03d\ndate: 2026-11-%02d\nstatus: on-track\n---\n\n## Done\n\n- Item %d.\n\n## Blockers\n\n- Waiting on @p%03d.\n", i, 16+i%7, i, (i+1)%people))
	}
	out := filepath.Join(dir, "public")
	if _, err := Build(context.Background(), Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "layouts"), Out: out, Now: exampleNow}); err != nil {
		t.Fatal(err)
	}
	siteSchema, kindSchema := compileSchema(t, out)
	type export struct {
		People  []struct{ ID, Team string }
		Teams   []struct{ ID string }
		Updates []struct {
			Path, Author string
			Blockers     []struct{ Mentions []string }
		}
	}
	var all export
	data, _ := os.ReadFile(filepath.Join(out, "api/site.json"))
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	if err := siteSchema.Validate(readJSON(t, filepath.Join(out, "api/site.json"))); err != nil {
		t.Errorf("api/site.json does not match the schema: %v", err)
	}
	if len(all.People) != people || len(all.Teams) != teams || len(all.Updates) != people {
		t.Fatalf("%d people, %d teams, %d updates; want %d, %d, %d", len(all.People), len(all.Teams), len(all.Updates), people, teams, people)
	}
	for i, p := range all.People {
		if want := fmt.Sprintf("p%03d", i); p.ID != want || p.Team != fmt.Sprintf("t%03d", i/2) {
			t.Fatalf("person %d is %s in %s, want %s in t%03d", i, p.ID, p.Team, want, i/2)
		}
	}
	for i, tm := range all.Teams {
		if want := fmt.Sprintf("t%03d", i); tm.ID != want {
			t.Fatalf("team %d is %s, want %s", i, tm.ID, want)
		}
	}
	seen := map[string]bool{}
	for _, u := range all.Updates {
		if seen[u.Path] || !strings.HasSuffix(u.Path, "-"+u.Author+".md") || len(u.Blockers) != 1 || len(u.Blockers[0].Mentions) != 1 {
			t.Errorf("update %s by %s (seen before: %v): blockers %+v", u.Path, u.Author, seen[u.Path], u.Blockers)
		}
		seen[u.Path] = true
	}
	for _, kind := range []string{"people", "teams", "updates"} {
		path := filepath.Join(out, "api", kind+".json")
		if err := kindSchema.Validate(readJSON(t, path)); err != nil {
			t.Errorf("api/%s.json does not match the schema: %v", kind, err)
		}
		var one export
		data, _ := os.ReadFile(path)
		if err := json.Unmarshal(data, &one); err != nil {
			t.Fatal(err)
		}
		var got, want any
		switch kind {
		case "people":
			got, want = one.People, all.People
		case "teams":
			got, want = one.Teams, all.Teams
		case "updates":
			got, want = one.Updates, all.Updates
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("api/%s.json does not hold site.json's %s", kind, kind)
		}
	}
}
