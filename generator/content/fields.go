package content

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/site"
)

// fields reads typed values out of a front-matter mapping. Each accessor
// reports a wrong type or value at the key's position and returns the zero
// value, so that one run reports every problem in a file. Keys are matched
// ignoring case and with "-" and "_" treated alike, so MADR's respond-by
// and respond_by are the same key; what no accessor asked for ends up in
// params.
type fields struct {
	m *mapping
	// norm holds each key of m normalised, in m's order; used marks
	// the keys an accessor asked for.
	norm  []string
	used  []bool
	index map[string]int // normalised key -> its last place, past smallMapping keys
	file  string
	loc   *time.Location // for dates without a time
	diags *diag.List
	// unread is set when the file's front matter could not be read: the
	// syntax error is reported, and keys it may well have held are not
	// reported missing as well.
	unread bool
}

func newFields(m *mapping, file string, loc *time.Location, diags *diag.List) *fields {
	f := &fields{m: m, norm: make([]string, len(m.keys)), used: make([]bool, len(m.keys)), file: file, loc: loc, diags: diags}
	for i, k := range m.keys {
		f.norm[i] = normKey(k)
	}
	if len(m.keys) > smallMapping {
		f.index = indexKeys(f.norm)
	}
	return f
}

func normKey(k string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(k)), "-", "_")
}

// find returns the place in f.m of the key written as k, or -1. Of keys
// written differently ("Title", "title"), the last counts.
func (f *fields) find(k string) int { return findKey(f.norm, f.index, normKey(k)) }

// get returns the value of the first of keys that is set.
func (f *fields) get(keys ...string) (value, string, bool) {
	for _, k := range keys {
		if i := f.find(k); i >= 0 {
			f.used[i] = true
			v := f.m.vals[i]
			if v.v == nil {
				return v, f.m.keys[i], false // "key:" with nothing after it is unset
			}
			return v, f.m.keys[i], true
		}
	}
	return value{}, "", false
}

// require reports msg at the top of the document when none of keys has
// a value (of the right type or not).
func (f *fields) require(d site.Doc, msg string, keys ...string) {
	for _, k := range keys {
		i := f.find(k)
		if i < 0 {
			continue
		}
		// "author:" with nothing after it, or only spaces, is missing
		// too; a value of the wrong type is reported by its accessor.
		v := f.m.vals[i].v
		if s, isText := v.(string); v != nil && (!isText || strings.TrimSpace(s) != "") {
			return
		}
	}
	if !f.unread {
		f.diags.Errorf(diag.Pos{File: d.File, Line: 1, Col: 1}, "%s", msg)
	}
}

// has reports whether any of keys is set.
func (f *fields) has(keys ...string) bool {
	for _, k := range keys {
		if i := f.find(k); i >= 0 && f.m.vals[i].v != nil {
			return true
		}
	}
	return false
}

func (f *fields) errorf(v value, key string, format string, args ...any) {
	pos := v.pos
	if pos.Line == 0 {
		pos = f.m.posOf(key)
	}
	f.diags.Errorf(pos, "%s: %s", key, fmt.Sprintf(format, args...))
}

// positions returns where each key's value was written (or the key, for
// an empty value), by normalised key, so that the model can point at the
// value it could not resolve.
func (f *fields) positions() site.Fields {
	out := make([]site.Field, 0, len(f.m.keys))
	for i, k := range f.m.keys {
		p := f.m.vals[i].pos
		if p.Line == 0 {
			p = f.m.keyPos[i]
		}
		out = append(out, site.Field{Key: normKey(k), Line: p.Line, Col: p.Col})
	}
	return site.MakeFields(out...)
}

// params returns the keys no accessor asked for.
func (f *fields) params() map[string]any {
	var out map[string]any
	for i, k := range f.m.keys {
		if f.used[i] {
			continue
		}
		if out == nil {
			out = map[string]any{}
		}
		out[k] = f.m.vals[i].plain()
	}
	return out
}

// str returns a text value. Numbers and booleans are accepted as text, as
// YAML writers expect ("version: 2").
func (f *fields) str(keys ...string) string {
	v, key, ok := f.get(keys...)
	if !ok {
		return ""
	}
	s, ok := scalarString(v)
	if !ok {
		f.errorf(v, key, "want text, got %s", describe(v.v))
	}
	return s
}

func scalarString(v value) (string, bool) {
	switch x := v.v.(type) {
	case string:
		return strings.TrimSpace(site.CleanText(x)), true
	case int64, float64:
		if v.text != "" {
			return v.text, true
		}
	}
	switch x := v.v.(type) {
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(x), true
	case time.Time:
		return x.Format("2006-01-02"), true
	}
	return "", false
}

// strs returns a list of text values. A single text value is a list of
// one, as MADR files often write "deciders: Ana, Kofi"; with comma set,
// such text is split at commas.
func (f *fields) strs(comma bool, keys ...string) []string {
	v, key, ok := f.get(keys...)
	if !ok {
		return nil
	}
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	switch x := v.v.(type) {
	case []value:
		out = make([]string, 0, len(x))
		for _, e := range x {
			s, ok := scalarString(e)
			if !ok {
				f.errorf(e, key, "want a list of text, got %s in the list", describe(e.v))
				continue
			}
			add(s)
		}
	default:
		s, ok := scalarString(v)
		if !ok {
			f.errorf(v, key, "want a list of text, got %s", describe(v.v))
			return nil
		}
		if comma {
			for _, part := range strings.Split(s, ",") {
				add(part)
			}
		} else {
			add(s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// tags returns the document's tags. A tag's page is named by its slug, so
// a tag without a letter or digit is left out, with a warning.
func (f *fields) tags() []string {
	tags := f.strs(true, "tags", "tag")
	v, key, _ := f.get("tags", "tag")
	out := tags[:0] // strs made tags: kept in place
	for _, t := range tags {
		if site.Slug(t) == "" {
			pos := v.pos
			if pos.Line == 0 {
				pos = f.m.posOf(key)
			}
			f.diags.Warnf(pos, "%s: tag %q has no letter or digit and is ignored", key, t)
			continue
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// date returns a date: YYYY-MM-DD (midnight in the site's time zone) or
// RFC 3339.
func (f *fields) date(keys ...string) time.Time {
	v, key, ok := f.get(keys...)
	if !ok {
		return time.Time{}
	}
	t, err := parseDate(v, f.loc)
	if err != nil {
		f.errorf(v, key, "%v", err)
	}
	return t
}

// parseDate accepts the date forms front matter uses.
func parseDate(v value, loc *time.Location) (time.Time, error) {
	switch x := v.v.(type) {
	case time.Time:
		// TOML local dates and times carry no zone: they are the site's.
		// BurntSushi/toml names their locations "date-local" and so on.
		if name := x.Location().String(); strings.HasSuffix(name, "-local") || x.Location() == time.Local {
			return time.Date(x.Year(), x.Month(), x.Day(), x.Hour(), x.Minute(), x.Second(), x.Nanosecond(), loc), nil
		}
		return x, nil
	case string:
		s := strings.TrimSpace(x)
		if t, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
			return t, nil
		}
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04"} {
			if t, err := time.ParseInLocation(layout, s, loc); err == nil {
				return t, nil
			}
		}
		if len(s) == 10 && s[4] == '-' && s[7] == '-' {
			if _, err := strconv.Atoi(s[:4] + s[5:7] + s[8:]); err == nil {
				return time.Time{}, fmt.Errorf("impossible date %q", s)
			}
		}
		return time.Time{}, fmt.Errorf("want a date (YYYY-MM-DD or RFC 3339), got %q", s)
	}
	return time.Time{}, fmt.Errorf("want a date (YYYY-MM-DD or RFC 3339), got %s", describe(v.v))
}

// number returns a number.
func (f *fields) number(keys ...string) (float64, bool) {
	v, key, ok := f.get(keys...)
	if !ok {
		return 0, false
	}
	n, err := toNumber(v)
	if err != nil {
		f.errorf(v, key, "%v", err)
		return 0, false
	}
	return n, true
}

func toNumber(v value) (float64, error) {
	switch x := v.v.(type) {
	case int64:
		return float64(x), nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, fmt.Errorf("want a finite number, got %v", x)
		}
		return x, nil
	case string:
		// "42%" and "1,200" are how people write numbers.
		s := strings.TrimSuffix(strings.ReplaceAll(strings.TrimSpace(x), ",", ""), "%")
		if n, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(n) && !math.IsInf(n, 0) {
			return n, nil
		}
	}
	return 0, fmt.Errorf("want a number, got %s", describe(v.v))
}

// integer returns a whole number.
func (f *fields) integer(keys ...string) int {
	v, key, ok := f.get(keys...)
	if !ok {
		return 0
	}
	n, err := toNumber(v)
	if err != nil || n != math.Trunc(n) || math.Abs(n) > 1e9 {
		f.errorf(v, key, "want a whole number, got %s", describe(v.v))
		return 0
	}
	return int(n)
}

// optionalInteger returns a whole number, or nil when no key is set (or
// its value is not a whole number, reported like integer's).
func (f *fields) optionalInteger(keys ...string) *int {
	if _, _, ok := f.get(keys...); !ok {
		return nil
	}
	n := f.integer(keys...)
	return &n
}

// optionalNumber returns a number, or nil when no key is set (or its
// value is not a number, reported like number's).
func (f *fields) optionalNumber(keys ...string) *float64 {
	n, ok := f.number(keys...)
	if !ok {
		return nil
	}
	return &n
}

// boolean returns true or false.
func (f *fields) boolean(keys ...string) bool {
	v, key, ok := f.get(keys...)
	if !ok {
		return false
	}
	switch x := v.v.(type) {
	case bool:
		return x
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true", "yes", "on":
			return true
		case "false", "no", "off":
			return false
		}
	}
	f.errorf(v, key, "want true or false, got %s", describe(v.v))
	return false
}

// status returns an update's or objective's status.
func (f *fields) status(keys ...string) site.Status {
	v, key, ok := f.get(keys...)
	if !ok {
		return ""
	}
	s, isText := scalarString(v)
	norm := site.Status(strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(s), " ", "-"), "_", "-"))
	if isText && norm.Rank() > 0 {
		return norm
	}
	var names []string
	for _, st := range site.Statuses {
		names = append(names, string(st))
	}
	if !isText {
		f.errorf(v, key, "want one of %s, got %s", strings.Join(names, ", "), describe(v.v))
		return ""
	}
	f.diags.Errorf(v.pos, "unknown status %q (want %s)%s", s, strings.Join(names, ", "), diag.Suggest(s, names))
	return ""
}

// list returns the items of a list value.
func (f *fields) list(keys ...string) ([]value, string) {
	v, key, ok := f.get(keys...)
	if !ok {
		return nil, key
	}
	l, isList := v.v.([]value)
	if !isList {
		f.errorf(v, key, "want a list, got %s", describe(v.v))
		return nil, key
	}
	return l, key
}

// table returns a mapping value.
func (f *fields) table(keys ...string) (*mapping, string) {
	v, key, ok := f.get(keys...)
	if !ok {
		return nil, key
	}
	m, isMap := v.v.(*mapping)
	if !isMap {
		f.errorf(v, key, "want keys and values, got %s", describe(v.v))
		return nil, key
	}
	return m, key
}

// sub returns accessors for a nested mapping, such as a key result.
func (f *fields) sub(m *mapping) *fields {
	return newFields(m, f.file, f.loc, f.diags)
}
