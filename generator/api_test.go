package generator

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
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
