package site

import "strings"

// MatchPerson returns the person a git identity belongs to: the one whose
// email is email, or whose handle is in a GitHub no-reply address
// ("123+anasouza@users.noreply.github.com"), or whose name, handle or id
// is name, ignoring case; nil when none does.
func MatchPerson(people []*Person, email, name string) *Person {
	email = strings.TrimSpace(email)
	name = strings.TrimSpace(name)
	if email != "" {
		for _, p := range people {
			if p.Email != "" && strings.EqualFold(p.Email, email) {
				return p
			}
		}
		if local, ok := strings.CutSuffix(strings.ToLower(email), "@users.noreply.github.com"); ok {
			if _, handle, ok := strings.Cut(local, "+"); ok {
				local = handle
			}
			for _, p := range people {
				if p.Handle != "" && strings.EqualFold(p.Handle, local) {
					return p
				}
			}
		}
	}
	if name != "" {
		for _, p := range people {
			if strings.EqualFold(p.Name, name) || p.Handle != "" && strings.EqualFold(p.Handle, name) || strings.EqualFold(p.ID, name) {
				return p
			}
		}
	}
	return nil
}

// Docs returns every document of c, kind by kind, in load order.
func (c *Content) Docs() []*Doc {
	var out []*Doc
	for _, p := range c.Pages {
		out = append(out, &p.Doc)
	}
	for _, u := range c.Updates {
		out = append(out, &u.Doc)
	}
	for _, d := range c.Decisions {
		out = append(out, &d.Doc)
	}
	for _, o := range c.Objectives {
		out = append(out, &o.Doc)
	}
	for _, p := range c.People {
		out = append(out, &p.Doc)
	}
	for _, t := range c.Teams {
		out = append(out, &t.Doc)
	}
	return out
}

// HasAnchor reports whether d has a heading with the id, or a generated
// anchor such as a footnote's.
func (d *Doc) HasAnchor(id string) bool { return hasHeading(d, id) }
