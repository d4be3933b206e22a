package site_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Blockers written where `handbook new update` puts them, in the body's
// "## Blockers" section, are the update's blockers: the board and the
// attention lists show them, "None." is none, and an @mention of nobody
// is reported where it is written.
const blockersSite = `
-- site.toml --
timezone = "UTC"
base_url = "https://example.com/"
-- people/ana.md --
---
name: Ana Souza
handle: anasouza
---
-- people/kofi.md --
---
name: Kofi Mensah
---
-- updates/ana.md --
---
author: ana
date: 2026-11-24
---
## Done
- Shipped it.

## Blockers
- Waiting on @kofi for the staging
  credentials.
- Vendor review, asked @kofii too.

## Next
- More.
-- updates/kofi.md --
---
author: kofi
date: 2026-11-24
---
## Blockers
- None.
-- updates/both.md --
---
author: kofi
date: 2026-11-25
blockers: [Front matter says this]
---
## Blockers
- The body says this, @anasouza.
`

func TestBlockersFromBody(t *testing.T) {
	t.Parallel()
	s, diags := build(t, blockersSite, at(t, "UTC", "2026-11-25 12:00"))
	var got []string
	for _, u := range s.Updates {
		got = append(got, fmt.Sprintf("%s %v %q", u.Path, u.BlockersInBody, u.Blockers))
	}
	slices.Sort(got)
	want := []string{
		`updates/ana.md true ["Waiting on @kofi for the staging credentials." "Vendor review, asked @kofii too."]`,
		`updates/both.md true ["The body says this, @anasouza."]`,
		`updates/kofi.md true []`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blockers:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Kofi is named in Ana's blocker: his attention page lists it.
	a := s.Attention(s.Person("kofi"), s.Now)
	if len(a.Blockers) != 1 || a.Blockers[0].Update.Path != "updates/ana.md" {
		t.Errorf("Kofi's attention blockers = %v, want Ana's", a.Blockers)
	}
	if a := s.Attention(s.Person("ana"), s.Now); len(a.Blockers) != 1 || a.Blockers[0].Update.Path != "updates/both.md" {
		t.Errorf("Ana's attention blockers = %v, want Kofi's from the body of both.md", a.Blockers)
	}

	wantDiags := []string{
		`content/updates/ana.md:11:24: warning: blockers: @kofii is not a person or team (did you mean "kofi"?)`,
		`content/updates/both.md:4:11: warning: blockers: the body has a "Blockers" section too, and it is the one used; remove this list or move it into the section`,
	}
	var gotDiags []string
	for _, d := range diags {
		gotDiags = append(gotDiags, d.String())
	}
	if strings.Join(gotDiags, "\n") != strings.Join(wantDiags, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(gotDiags, "\n"), strings.Join(wantDiags, "\n"))
	}
}
