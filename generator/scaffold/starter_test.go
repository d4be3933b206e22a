package scaffold

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator"
)

// TestSiteBuildsClean makes new sites for people with awkward names, in
// time zones where the day and quarter differ from UTC's, and builds each
// as of the moment it was made: no error, no warning, and the documents
// dated in the person's calendar.
func TestSiteBuildsClean(t *testing.T) {
	t.Parallel()
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	honolulu, _ := time.LoadLocation("Pacific/Honolulu")
	for _, tc := range []struct {
		name, email string
		zone        *time.Location
		now         time.Time
		today, qtr  string
	}{
		{"Ana Souza", "ana@example.com", nil, now, "2026-11-25", "2026-Q4"},
		// 2026-12-31 20:00 UTC is already 2027 in Tokyo.
		{`Zoë "Z" O'Neil: #1`, "", tokyo, time.Date(2026, 12, 31, 20, 0, 0, 0, time.UTC), "2027-01-01", "2027-Q1"},
		{"true", "yes@example.com", honolulu, time.Date(2026, 4, 1, 5, 0, 0, 0, time.UTC), "2026-03-31", "2026-Q1"},
		{"李雷", "li@example.com", tokyo, now, "2026-11-25", "2026-Q4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			files, err := Site(Starter{Title: `Acme "Docs": a handbook`, Name: tc.name, Email: tc.email, Timezone: tc.zone, Now: tc.now})
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			for _, f := range files {
				p := filepath.Join(dir, filepath.FromSlash(f.Path))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			res, err := generator.Build(context.Background(), generator.Config{
				Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "none"), Out: filepath.Join(dir, "public"), Now: tc.now,
				BaseURL: "https://acme.example/", // as the workflows pass it
			})
			if err != nil || len(res.Diagnostics) > 0 {
				t.Fatalf("build: %v\n%v", err, res.Diagnostics)
			}
			s := res.Site
			if s.Config.Title != `Acme "Docs": a handbook` {
				t.Errorf("title %q", s.Config.Title)
			}
			if len(s.People) != 1 || s.People[0].Name != tc.name || s.People[0].Email != tc.email {
				t.Fatalf("people %+v, want %q <%s>", s.People, tc.name, tc.email)
			}
			if len(s.Updates) != 1 || s.Updates[0].Date.Format("2006-01-02") != tc.today {
				t.Errorf("the first check-in is not dated %s: %+v", tc.today, s.Updates)
			}
			if len(s.Objectives) != 1 || s.Objectives[0].Period.Name != tc.qtr {
				t.Errorf("the objective is not for %s: %+v", tc.qtr, s.Objectives)
			}
			if len(s.Decisions) != 1 || s.Decisions[0].Number != 1 || s.Decisions[0].Title != "Record decisions" || s.Decisions[0].Status != "accepted" {
				t.Errorf("decisions %+v, want 0001 Record decisions, accepted", s.Decisions)
			}
			if len(s.Teams) != 1 || len(s.Pages) < 1 {
				t.Errorf("teams %d, pages %d", len(s.Teams), len(s.Pages))
			}
		})
	}
}

// TestSiteTOMLExplainsEveryKey checks that site.toml has a comment for
// every key the site reads, so writers find them all in one place.
func TestSiteTOMLExplainsEveryKey(t *testing.T) {
	t.Parallel()
	files, err := Site(Starter{Name: "Ana", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	toml := string(files[0].Data)
	if files[0].Path != "content/site.toml" {
		t.Fatalf("first file %s", files[0].Path)
	}
	for _, key := range []string{"title", "base_url", "description", "language", "repo_url", "edit_branch", "content_dir", "timezone", "cadence", "decision_statuses", "raw_html"} {
		re := regexp.MustCompile(`(?m)^# .*\n(# .*\n)*(# )?` + key + ` = `)
		if !re.MatchString(toml) {
			t.Errorf("site.toml has no commented %s", key)
		}
	}
}

// TestGoVersion keeps the Go version of the deployment files equal to
// go.mod's.
func TestGoVersion(t *testing.T) {
	t.Parallel()
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(gomod), "\ngo "+GoVersion+"\n") {
		t.Errorf("GoVersion %s is not go.mod's go line", GoVersion)
	}
}

func TestSiteErrors(t *testing.T) {
	t.Parallel()
	if _, err := Site(Starter{Name: "!!!", Now: now}); err == nil {
		t.Error("a name without letters made a site")
	}
}
