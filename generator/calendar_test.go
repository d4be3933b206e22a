package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
)

// TestCalendars parses every .ics file of the example site with an
// iCalendar library and checks what RFC 5545 asks of the text itself.
func TestCalendars(t *testing.T) {
	t.Parallel()
	_, out := buildExample(t, nil)
	_, later := buildExample(t, func(c *Config) { c.Now = exampleNow.AddDate(0, 0, 3) })
	files := 0
	for p := range tree(t, out) {
		if !strings.HasSuffix(p, ".ics") {
			continue
		}
		files++
		data, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		checkICSText(t, p, data)
		cal, err := ics.ParseCalendar(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s does not parse: %v", p, err)
		}
		uids := map[string]bool{}
		for _, e := range cal.Events() {
			uid := e.Id()
			if uid == "" || uids[uid] || !strings.HasSuffix(uid, "@handbook.northwind.example") {
				t.Errorf("%s: missing, repeated or foreign UID %q", p, uid)
			}
			uids[uid] = true
			for _, prop := range []ics.ComponentProperty{ics.ComponentPropertyDtstamp, ics.ComponentPropertyDtStart, ics.ComponentPropertySummary, ics.ComponentPropertyUrl} {
				if e.GetProperty(prop) == nil {
					t.Errorf("%s: event %s has no %s", p, uid, prop)
				}
			}
			if _, err := e.GetAllDayStartAt(); err != nil {
				t.Errorf("%s: event %s: start: %v", p, uid, err)
			}
		}
		if len(uids) == 0 {
			t.Errorf("%s has no events", p)
		}
		// Calendars depend on the content, not on the build's clock.
		again, err := os.ReadFile(filepath.Join(later, p))
		if err != nil || !bytes.Equal(data, again) {
			t.Errorf("%s differs when built three days later", p)
		}
	}
	if want := 1 + 3 + 7; files != want {
		t.Errorf("found %d calendars, want one for the site, each team and each person (%d)", files, want)
	}

	// What a person's calendar holds.
	data, _ := os.ReadFile(filepath.Join(out, "people/lukas/calendar.ics"))
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	events := map[string]*ics.VEvent{}
	for _, e := range cal.Events() {
		events[strings.TrimSuffix(e.Id(), "@handbook.northwind.example")] = e
	}
	checkin := events["checkin.platform.lukas"]
	if checkin == nil {
		t.Fatalf("lukas's calendar has no check-in event: %v", events)
	}
	for prop, want := range map[ics.ComponentProperty]string{
		ics.ComponentPropertyRrule:   "FREQ=WEEKLY;BYDAY=FR",
		ics.ComponentPropertyExdate:  "20261113,20261120", // away on two Fridays
		ics.ComponentPropertyDtStart: "20261002",          // the Friday of Platform's first check-in
		ics.ComponentPropertySummary: "Check-in due (Platform)",
	} {
		if got := checkin.GetProperty(prop); got == nil || got.Value != want {
			t.Errorf("lukas's check-in %s = %v, want %q", prop, got, want)
		}
	}
	respond := events["respond-by.0010-follow-the-sun-on-call-rotation"]
	if respond == nil {
		t.Fatalf("lukas is consulted on 0010 but his calendar lacks its deadline: %v", events)
	}
	start, _ := respond.GetAllDayStartAt()
	desc := respond.GetProperty(ics.ComponentPropertyDescription).Value
	if start.Format("2006-01-02") != "2026-12-02" || !strings.Contains(desc, "Decision-makers: Kofi Mensah, Ana Souza\nConsulted: Lukas Becker, Priya Raman") {
		t.Errorf("0010 respond-by on %v, description %q", start, desc)
	}
	if _, ok := events["respond-by.0011-free-tier-instead-of-a-14-day-trial"]; ok {
		t.Errorf("lukas is not asked on 0011 but his calendar has it")
	}
}

// checkICSText checks the lines of an iCalendar file: CRLF endings, at
// most 75 octets, folds that start with a space and never split a UTF-8
// sequence.
func checkICSText(t *testing.T, name string, data []byte) {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Errorf("%s does not end with CRLF", name)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	for i, l := range lines {
		switch {
		case strings.ContainsAny(l, "\r\n"):
			t.Errorf("%s:%d: bare CR or LF", name, i+1)
		case len(l) > 75:
			t.Errorf("%s:%d: %d octets, more than 75", name, i+1, len(l))
		case !utf8.ValidString(l):
			t.Errorf("%s:%d: folding split a UTF-8 sequence", name, i+1)
		case i > 0 && l != "" && l[0] != ' ' && !strings.Contains(l, ":"):
			t.Errorf("%s:%d: neither a property nor a continuation: %q", name, i+1, l)
		}
	}
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Errorf("%s is not one VCALENDAR", name)
	}
}
