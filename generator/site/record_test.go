package site

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// recordByScan is the window's check-in as record found it before it
// searched: the oldest update of a day in [first, last), by a scan of
// every update.
func recordByScan(p *Person, w Window) *Update {
	loc := w.Start.Location()
	first, last := Day(w.Start, loc), Day(w.End, loc)
	for i := len(p.Updates) - 1; i >= 0; i-- {
		if d := Day(p.Updates[i].Date, loc); !d.Before(first) && d.Before(last) {
			return p.Updates[i]
		}
	}
	return nil
}

// TestRecordFindsTheWindowsCheckIn checks that record's search finds the
// update a scan of every update finds, for people whose updates share
// moments, come at any hour in other time zones, have dates without a
// time (whose day does not follow the moment), or are far apart.
func TestRecordFindsTheWindowsCheckIn(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	zones := []*time.Location{time.UTC, time.FixedZone("east", 14*3600), time.FixedZone("west", -12*3600), time.FixedZone("la", -8*3600)}
	base := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	for trial := range 20000 {
		p := &Person{}
		for i := range rng.IntN(30) {
			at := base.Add(time.Duration(rng.IntN(120*24)) * time.Hour).In(zones[rng.IntN(len(zones))])
			switch rng.IntN(4) {
			case 0:
				if i > 0 {
					at = p.Updates[rng.IntN(i)].Date // the same moment as another
				}
			case 1:
				// A date without a time: midnight in the site's zone,
				// which keeps its calendar day in every zone.
				y, m, d := at.Date()
				at = time.Date(y, m, d, 0, 0, 0, 0, zones[rng.IntN(len(zones))])
			}
			p.Updates = append(p.Updates, &Update{Doc: Doc{Path: string(rune('a' + i)), Date: at}})
		}
		// Newest first, as the linker orders them.
		slices.SortFunc(p.Updates, func(a, b *Update) int {
			return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(b.Path, a.Path))
		})
		loc := zones[rng.IntN(len(zones))]
		start := time.Date(2026, 1, 1+rng.IntN(130), 0, 0, 0, 0, loc)
		w := Window{Start: start, Due: start.AddDate(0, 0, 1+rng.IntN(5)), End: start.AddDate(0, 0, []int{1, 7, 14}[rng.IntN(3)])}
		want := recordByScan(p, w)
		got := record(p, w, start.AddDate(1, 0, 0), time.Time{}).Update
		if got != want {
			t.Fatalf("trial %d: record found %v, the scan %v", trial, got, want)
		}
	}
}
