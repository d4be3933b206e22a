package render

// attentionPages adds what needs attention: everyone's at /attention/,
// and each person's at /people/<id>/attention/. Person pages are flat
// (/people/<id>/), so no document can produce the second.
func (r *renderer) attentionPages(add func(*View)) {
	s := r.site
	all := s.Attention(nil, s.Now)
	v := r.view("attention", "Needs attention", "/attention/", "board")
	v.Description = "Proposals waiting for input, missing check-ins, pages due for review, key results in trouble and current blockers."
	v.Attention = &all
	v.Calendar = calendarPath("")
	add(v)
	for _, p := range s.People {
		a := s.Attention(p, s.Now)
		v := r.view("attention", "Needs attention: "+p.Name, p.URL+"attention/", "people")
		v.Description = "What needs " + p.Name + "'s attention."
		v.Person = p
		v.Attention = &a
		v.Calendar = calendarPath(p.URL)
		v.Crumbs = []Crumb{{Title: "People", URL: "/people/"}, {Title: p.Name, URL: p.URL}}
		add(v)
	}
}
