package content

import (
	"fmt"
	"strings"

	"github.com/handbook/handbook/generator/diag"
)

// Time zones are IANA names ("Asia/Tokyo"). People often write the
// abbreviation they see on a clock instead, or a city alone; the message
// for an unknown zone suggests the name they meant.

// zoneAbbreviations maps common abbreviations to the zone most people
// who write them mean. An abbreviation names an offset, not a place: the
// suggestion is a likely one, and the message says so.
var zoneAbbreviations = map[string]string{
	"JST": "Asia/Tokyo", "KST": "Asia/Seoul", "IST": "Asia/Kolkata", "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong",
	"PHT": "Asia/Manila", "WIB": "Asia/Jakarta", "ICT": "Asia/Bangkok", "PKT": "Asia/Karachi", "GST": "Asia/Dubai",
	"CET": "Europe/Berlin", "CEST": "Europe/Berlin", "MEZ": "Europe/Berlin", "MESZ": "Europe/Berlin",
	"EET": "Europe/Athens", "EEST": "Europe/Athens", "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon",
	"BST": "Europe/London", "MSK": "Europe/Moscow", "TRT": "Europe/Istanbul",
	"PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PT": "America/Los_Angeles",
	"MST": "America/Denver", "MDT": "America/Denver", "MT": "America/Denver",
	"CST": "America/Chicago", "CDT": "America/Chicago", "CT": "America/Chicago",
	"EST": "America/New_York", "EDT": "America/New_York", "ET": "America/New_York",
	"AKST": "America/Anchorage", "HST": "Pacific/Honolulu", "BRT": "America/Sao_Paulo", "ART": "America/Argentina/Buenos_Aires",
	"AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "ACST": "Australia/Adelaide", "AWST": "Australia/Perth",
	"NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland",
	"WAT": "Africa/Lagos", "CAT": "Africa/Maputo", "EAT": "Africa/Nairobi", "SAST": "Africa/Johannesburg",
}

// commonZones are the IANA names a misspelling is compared with: the
// zones of most of the world's people and offices.
var commonZones = []string{
	"UTC",
	"Africa/Abidjan", "Africa/Accra", "Africa/Addis_Ababa", "Africa/Algiers", "Africa/Cairo", "Africa/Casablanca", "Africa/Dar_es_Salaam",
	"Africa/Johannesburg", "Africa/Kampala", "Africa/Khartoum", "Africa/Kinshasa", "Africa/Lagos", "Africa/Luanda", "Africa/Maputo",
	"Africa/Nairobi", "Africa/Tunis",
	"America/Anchorage", "America/Argentina/Buenos_Aires", "America/Bogota", "America/Caracas", "America/Chicago", "America/Denver",
	"America/Edmonton", "America/Guatemala", "America/Halifax", "America/Havana", "America/Lima", "America/Los_Angeles",
	"America/Mexico_City", "America/Montevideo", "America/New_York", "America/Panama", "America/Phoenix", "America/Puerto_Rico",
	"America/Santiago", "America/Santo_Domingo", "America/Sao_Paulo", "America/St_Johns", "America/Toronto", "America/Vancouver",
	"America/Winnipeg",
	"Asia/Almaty", "Asia/Baghdad", "Asia/Bangkok", "Asia/Colombo", "Asia/Dhaka", "Asia/Dubai", "Asia/Ho_Chi_Minh", "Asia/Hong_Kong",
	"Asia/Jakarta", "Asia/Jerusalem", "Asia/Kabul", "Asia/Karachi", "Asia/Kathmandu", "Asia/Kolkata", "Asia/Kuala_Lumpur",
	"Asia/Manila", "Asia/Riyadh", "Asia/Seoul", "Asia/Shanghai", "Asia/Singapore", "Asia/Taipei", "Asia/Tashkent", "Asia/Tehran",
	"Asia/Tokyo", "Asia/Yangon", "Asia/Yerevan",
	"Atlantic/Azores", "Atlantic/Reykjavik",
	"Australia/Adelaide", "Australia/Brisbane", "Australia/Darwin", "Australia/Hobart", "Australia/Melbourne", "Australia/Perth",
	"Australia/Sydney",
	"Europe/Amsterdam", "Europe/Athens", "Europe/Belgrade", "Europe/Berlin", "Europe/Brussels", "Europe/Bucharest", "Europe/Budapest",
	"Europe/Copenhagen", "Europe/Dublin", "Europe/Helsinki", "Europe/Istanbul", "Europe/Kyiv", "Europe/Lisbon", "Europe/London",
	"Europe/Madrid", "Europe/Moscow", "Europe/Oslo", "Europe/Paris", "Europe/Prague", "Europe/Rome", "Europe/Sofia",
	"Europe/Stockholm", "Europe/Vienna", "Europe/Warsaw", "Europe/Zurich",
	"Pacific/Auckland", "Pacific/Fiji", "Pacific/Honolulu",
}

// unknownZone describes a time zone that does not load, with the name
// the writer likely meant: `unknown time zone "JST" (JST is usually
// "Asia/Tokyo"; time zones are IANA names)`.
func unknownZone(name, example string) string {
	trimmed := strings.TrimSpace(name)
	if z, ok := zoneAbbreviations[strings.ToUpper(trimmed)]; ok {
		return fmt.Sprintf("unknown time zone %q (%s is usually %q; time zones are IANA names, which know about summer time)", name, strings.ToUpper(trimmed), z)
	}
	// A city alone, as people say it: "Tokyo", "sao paulo", "new york".
	city := strings.ReplaceAll(strings.ToLower(trimmed), " ", "_")
	for _, z := range commonZones {
		if strings.ToLower(z[strings.LastIndexByte(z, '/')+1:]) == city {
			return fmt.Sprintf("unknown time zone %q (did you mean %q?)", name, z)
		}
	}
	if s := diag.Suggest(strings.ReplaceAll(trimmed, " ", "_"), commonZones); s != "" {
		return fmt.Sprintf("unknown time zone %q%s", name, s)
	}
	return fmt.Sprintf("unknown time zone %q (want an IANA name such as %q)", name, example)
}
