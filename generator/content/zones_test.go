package content

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the same zones on every machine
)

func TestUnknownZone(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"JST", `unknown time zone "JST" (JST is usually "Asia/Tokyo"; time zones are IANA names, which know about summer time)`},
		{"pst", `unknown time zone "pst" (PST is usually "America/Los_Angeles"; time zones are IANA names, which know about summer time)`},
		{"AEST", `unknown time zone "AEST" (AEST is usually "Australia/Sydney"; time zones are IANA names, which know about summer time)`},
		{"IST", `unknown time zone "IST" (IST is usually "Asia/Kolkata"; time zones are IANA names, which know about summer time)`},
		{"Tokyo", `unknown time zone "Tokyo" (did you mean "Asia/Tokyo"?)`},
		{"sao paulo", `unknown time zone "sao paulo" (did you mean "America/Sao_Paulo"?)`},
		{"Europe/Berln", `unknown time zone "Europe/Berln" (did you mean "Europe/Berlin"?)`},
		{"America/New York", `unknown time zone "America/New York" (did you mean "America/New_York"?)`},
		{"Mars/Olympus", `unknown time zone "Mars/Olympus" (want an IANA name such as "Europe/Berlin")`},
	}
	for _, tt := range tests {
		if got := unknownZone(tt.in, "Europe/Berlin"); got != tt.want {
			t.Errorf("unknownZone(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Every suggestion is a zone that loads.
	for abbr, z := range zoneAbbreviations {
		if _, err := time.LoadLocation(z); err != nil {
			t.Errorf("%s suggests %q, which does not load: %v", abbr, z, err)
		}
	}
	for _, z := range commonZones {
		if _, err := time.LoadLocation(z); err != nil {
			t.Errorf("common zone %q does not load: %v", z, err)
		}
	}
}

// A person's JST is reported where it is written, with the zone meant.
func TestPersonZoneSuggestion(t *testing.T) {
	t.Parallel()
	_, diags := load(t, map[string]string{"people/mei.md": "---\nname: Mei\ntimezone: JST\n---\n"}, Options{})
	want := `content/people/mei.md:3:11: timezone: unknown time zone "JST" (JST is usually "Asia/Tokyo"; time zones are IANA names, which know about summer time)`
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("diagnostics %v, want %s", diags, want)
	}
}

// Template text left from `handbook new` is a warning in a build and an
// error in check, where it is, also when the writer rewrapped it.
func TestPlaceholders(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"updates/x.md":  "---\nauthor: ana\ndate: 2026-11-25\n---\n## Done\n- Shipped the thing.\n\n## Next\n- What you will work on until\n  the next one.\n",
		"people/ana.md": "---\nname: Ana\n---\nA few lines about Ana: what they work on, and what to ask them about.\n",
	}
	for _, check := range []bool{false, true} {
		_, diags := load(t, files, Options{Check: check})
		sev := "warning: "
		if check {
			sev = ""
		}
		want := []string{
			`content/people/ana.md:4:1: ` + sev + `template text from handbook new is still here: replace "A few lines about …: what they work on, and what to ask them about." with your own`,
			`content/updates/x.md:9:3: ` + sev + `template text from handbook new is still here: replace "What you will work on until the next one." with your own`,
		}
		var got []string
		for _, d := range diags.Sort() {
			got = append(got, d.String())
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("Check %v:\n%s\nwant:\n%s", check, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
