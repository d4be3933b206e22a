package content

import (
	"fmt"
	"math"
	"net/url"
	"path"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/site"
)

// ConfigFile is the site configuration's name in the content folder.
const ConfigFile = "site.toml"

// decodeConfig reads site.toml. A missing file gives the defaults.
// basePos is where base_url is set, or where it would be: the top of the
// file, or the file alone when there is none.
func decodeConfig(file string, data []byte, diags *diag.List) (site.Config, diag.Pos) {
	cfg := site.Config{Title: "Handbook", Language: "en", EditBranch: "main", ContentDir: "content", Timezone: time.UTC, Cadence: site.Weekly, BaseURL: "/", FeedItems: site.DefaultFeedItems}
	basePos := diag.Pos{File: file}
	if data == nil {
		return cfg, basePos
	}
	basePos.Line, basePos.Col = 1, 1
	data = []byte(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(strings.TrimPrefix(string(data), "\ufeff")))
	m, err := decodeTOML(data, func(line, col int) diag.Pos { return diag.Pos{File: file, Line: line, Col: col} })
	if err != nil {
		fe := err.(*frontError)
		diags.Errorf(within(data, fe.pos), "%s", fe.msg)
		return cfg, basePos
	}
	f := newFields(m, file, time.UTC, diags)
	if s := f.str("title"); s != "" {
		cfg.Title = s
	}
	cfg.Description = f.str("description")
	if s := f.str("language", "languageCode"); s != "" {
		if tag, err := language.Parse(s); err != nil {
			v, key, _ := f.get("language", "languageCode")
			f.errorf(v, key, "want a language tag such as \"en\" or \"pt-BR\", got %q", s)
		} else {
			cfg.Language = tag.String()
		}
	}
	if v, key, ok := f.get("base_url", "baseURL"); ok {
		basePos = v.pos
		if basePos.Line == 0 {
			basePos = f.m.posOf(key)
		}
		s, _ := scalarString(v)
		if norm, err := NormalizeBaseURL(s); err != nil {
			f.errorf(v, key, "%v", err)
		} else {
			cfg.BaseURL = norm
		}
	}
	if s := f.str("repo_url"); s != "" {
		// Edit links start with it; only web addresses may.
		if u, err := url.Parse(s); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			v, key, _ := f.get("repo_url")
			f.errorf(v, key, "want an http or https URL such as \"https://github.com/org/handbook\", got %q", s)
		} else {
			cfg.RepoURL = strings.TrimSuffix(s, "/")
		}
	}
	if s := f.str("edit_branch"); s != "" {
		cfg.EditBranch = s
	}
	if s := f.str("content_dir"); s != "" {
		cfg.ContentDir = strings.Trim(s, "/")
	}
	if v, key, ok := f.get("timezone"); ok {
		s, _ := scalarString(v)
		loc, err := time.LoadLocation(s)
		if err != nil || s == "" {
			f.errorf(v, key, "%s", unknownZone(s, "Europe/Berlin"))
		} else {
			cfg.Timezone = loc
		}
	}
	if v, key, ok := f.get("cadence"); ok {
		s, _ := scalarString(v)
		c, ok := site.ParseCadence(s)
		if !ok {
			f.errorf(v, key, "unknown cadence %q (want %s)%s", s, strings.Join(site.Cadences, ", "), diag.Suggest(s, site.Cadences))
		} else {
			cfg.Cadence = c
		}
	}
	for _, s := range f.strs(true, "decision_statuses") {
		cfg.DecisionStatuses = append(cfg.DecisionStatuses, strings.ToLower(s))
	}
	cfg.RawHTML = f.boolean("raw_html", "unsafe")
	if v, key, ok := f.get("feed_items"); ok {
		n, err := toNumber(v)
		if err != nil || n != math.Trunc(n) || n < 1 || n > 1e6 {
			f.errorf(v, key, "want a whole number of items of at least 1, got %s", describe(v.v))
		} else {
			cfg.FeedItems = int(n)
		}
	}
	for k := range f.params() {
		diags.Warnf(m.posOf(k), "unknown key %q in %s is ignored", k, ConfigFile)
	}
	return cfg, basePos
}

// NormalizeBaseURL checks a base URL and gives it a final slash. An empty
// URL or "/" means the site is served from the root of any host; feeds
// then carry root-relative links, so setting it is recommended.
func NormalizeBaseURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "/" {
		return "/", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("want an absolute http or https URL such as \"https://handbook.example.com/\", got %q", s)
	}
	// The path prefixes every link: "/docs/../../" would make every link
	// climb out of the site.
	if p := strings.TrimSuffix(u.Path, "/"); p != "" && path.Clean(p) != p {
		return "", fmt.Errorf("want a base URL whose path has no \"..\", \".\" or \"//\", got %q", s)
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}
