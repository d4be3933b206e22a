package content

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/markdown"
	"github.com/handbook/handbook/generator/site"
)

// An update's blockers are written either as front matter (blockers: [...])
// or, as `handbook new update` writes them, as a "## Blockers" section of
// the body. The body is the one source when it has the section: it is
// what readers see on the page, so the board and the attention lists must
// say the same. A front-matter list beside it is reported and ignored.

// blockerTitles are the headings that start a blockers section, lower
// case, without a final colon.
var blockerTitles = map[string]bool{"blockers": true, "blocker": true, "blocked": true, "blocked by": true, "blocking": true}

// noBlockers are the ways people write that nothing blocks them, lower
// case, without final punctuation.
var noBlockers = map[string]bool{
	"": true, "-": true, "none": true, "none so far": true, "none right now": true, "none yet": true,
	"nothing": true, "nothing yet": true, "nothing blocking": true, "nothing blocking me": true, "nothing blocks me": true,
	"no": true, "no blockers": true, "no blocker": true, "nope": true, "n/a": true, "na": true, "nil": true, "nada": true,
	"all clear": true, "not blocked": true,
}

// isNoBlocker reports whether an item says there is no blocker: "None.",
// "N/A", "Nothing blocking 🎉", or starts by saying so: "None yet, but
// the schedule is tight." is a remark, not a blocker.
func isNoBlocker(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, ".;,:—–("); i > 0 {
		s = s[:i]
	}
	s = strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune(".!:;,)( ", r) || r > 0x2000 })
	return noBlockers[strings.TrimSpace(s)]
}

// sectionBlockers returns the blockers of the body's blockers section:
// each list item or paragraph under the heading that is not "None". found
// is false when the body has no such section.
func sectionBlockers(sections []markdown.Section) (items []string, found bool) {
	for _, s := range sections {
		if !blockerTitles[strings.ToLower(strings.TrimSpace(strings.TrimRight(s.Title, ": ")))] {
			continue
		}
		found = true
		for _, line := range strings.Split(s.Text, "\n") {
			line = strings.Join(strings.Fields(line), " ")
			if !isNoBlocker(line) {
				items = append(items, line)
			}
		}
		break
	}
	return items, found
}

// blockersHeading matches the blockers section's heading line in the
// Markdown source, and nextHeading the heading that ends it.
var (
	blockersHeading = regexp.MustCompile(`(?mi)^ {0,3}#{1,6}[ \t]+(blockers?|blocked( by)?|blocking)[ \t]*:?[ \t]*#*[ \t]*$`)
	nextHeading     = regexp.MustCompile(`(?m)^ {0,3}#{1,6}[ \t]`)
	mentionPattern  = regexp.MustCompile(`(^|[^\w@.])@([A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_]|[A-Za-z0-9])`)
)

// bodyMentions returns the @mentions of the body's blockers section, each
// where it is written.
func bodyMentions(src *source) []site.Mention {
	body := src.text[src.start:]
	from := blockersEnd(body)
	if from < 0 {
		return nil
	}
	to := len(body)
	if next := nextHeading.FindIndex(body[from:]); next != nil {
		to = from + next[0]
	}
	var out []site.Mention
	for _, m := range mentionPattern.FindAllSubmatchIndex(body[from:to], -1) {
		at := from + m[4] - 1 // the "@"
		out = append(out, site.Mention{Name: string(body[from+m[4] : from+m[5]]), Pos: src.pos(src.start + at)})
	}
	return out
}

// blockersEnd returns where the line of the first blockers heading of
// body ends, or -1. It matches blockersHeading line by line, and only
// lines that start as headings do: on the whole body, the regexp took
// 3% of a clean build.
func blockersEnd(body []byte) int {
	for i := 0; i < len(body); {
		end := bytes.IndexByte(body[i:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += i
		}
		line := body[i:end]
		if t := bytes.TrimLeft(line, " "); len(line)-len(t) <= 3 && len(t) > 0 && t[0] == '#' {
			if loc := blockersHeading.FindIndex(line); loc != nil {
				return i + loc[1]
			}
		}
		i = end + 1
	}
	return -1
}

// textMentions returns the @mentions of a blocker written in front
// matter, at the position of its list item.
func textMentions(text string, pos diag.Pos) []site.Mention {
	var out []site.Mention
	for _, m := range mentionPattern.FindAllStringSubmatch(text, -1) {
		out = append(out, site.Mention{Name: m[2], Pos: pos})
	}
	return out
}

// decodeBlockers sets u's blockers from its body's section, or else from
// its front matter, and the @mentions in them; bodyMentions are the
// section's, from bodyMentions.
func decodeBlockers(f *fields, u *site.Update, md markdown.Result, bodyMentions []site.Mention) {
	fm := f.strs(false, "blockers", "blocker")
	items, inBody := sectionBlockers(md.Sections)
	if inBody {
		if len(fm) > 0 {
			v, key, _ := f.get("blockers", "blocker")
			f.diags.Warnf(v.pos, "%s: the body has a \"Blockers\" section too, and it is the one used; remove this list or move it into the section", key)
		}
		u.Blockers, u.BlockersInBody = items, true
		u.Mentions = bodyMentions
		return
	}
	u.Blockers = fm
	v, _, ok := f.get("blockers", "blocker")
	if !ok {
		return
	}
	if list, isList := v.v.([]value); isList {
		for _, e := range list {
			if s, ok := scalarString(e); ok {
				u.Mentions = append(u.Mentions, textMentions(s, e.pos)...)
			}
		}
		return
	}
	if s, ok := scalarString(v); ok {
		u.Mentions = append(u.Mentions, textMentions(s, v.pos)...)
	}
}
