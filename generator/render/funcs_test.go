package render

import (
	"html/template"
	"testing"
	"time"
)

func TestUTCOffset(t *testing.T) {
	zone := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	winter := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	summer := time.Date(2026, 7, 15, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		loc  *time.Location
		now  time.Time
		want template.HTML
	}{
		{nil, winter, ""},
		{time.UTC, winter, "UTC"},
		{zone("Europe/London"), winter, "UTC"},
		{zone("Europe/London"), summer, "UTC+01:00"},
		{zone("Europe/Berlin"), winter, "UTC+01:00"},
		{zone("Asia/Kolkata"), summer, "UTC+05:30"},
		{zone("America/St_Johns"), winter, "UTC-03:30"},
		{zone("America/St_Johns"), summer, "UTC-02:30"},
		{zone("Pacific/Chatham"), winter, "UTC+13:45"},
	} {
		if got := utcOffset(c.loc, c.now); got != c.want {
			t.Errorf("utcOffset(%v, %s) = %q, want %q", c.loc, c.now.Format(time.DateOnly), got, c.want)
		}
	}
}
