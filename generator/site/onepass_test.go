package site_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/corpus"
	"github.com/handbook/handbook/generator/site"
)

// TestOnePass holds what Attention and Digests work out for everyone in
// one pass to what they were for one person or team at a time, on the
// example site and on a generated one with many teams in their own time
// zones, decisions asking people and teams, owned pages and blockers.
func TestOnePass(t *testing.T) {
	t.Parallel()
	generated := filepath.Join(t.TempDir(), "content")
	if err := corpus.Write(generated, corpus.Generate(2000, 3)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		content string
		now     time.Time
	}{
		{"../../content", time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)},
		{generated, corpus.Now()},
		{generated, corpus.Now().AddDate(0, -2, 3)},
	} {
		m, err := generator.Load(context.Background(), generator.Config{Content: tc.content, Now: tc.now, NoGit: true, Cache: ""})
		if err != nil {
			t.Fatal(err)
		}
		s := m.Site
		var asked, digests int
		for _, p := range append([]*site.Person{nil}, s.People...) {
			got, want := s.Attention(p, tc.now), s.AttentionOneByOne(p, tc.now)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s at %s: Attention(%s) = %+v, want %+v", tc.content, tc.now, name(p), got, want)
			}
			if p != nil {
				asked += got.Len()
			}
		}
		for _, team := range append([]*site.Team{nil}, s.Teams...) {
			got, want := s.Digests(team, tc.now), s.DigestsOneByOne(team, tc.now)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s at %s: Digests(%v) differ: %d digests, want %d", tc.content, tc.now, team, len(got), len(want))
			}
			if team != nil {
				digests += len(got)
			}
		}
		// The comparison means something only if people and teams have
		// something.
		if asked == 0 || digests == 0 {
			t.Errorf("%s: %d things need people's attention, teams have %d digests; want some of each", tc.content, asked, digests)
		}
	}
}

func name(p *site.Person) string {
	if p == nil {
		return "everyone"
	}
	return p.ID
}
