package render

import (
	"slices"

	"github.com/handbook/handbook/generator/site"
)

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
	v.scope = r.attentionScope(v)
	add(v)
	crumbs := []Crumb{{Title: "Needs attention", URL: "/attention/"}}
	if more(all.Reviews) {
		r.listPages(add, "/attention/reviews/", "Handbook pages due for review", "Most overdue first.", "board", crumbs, len(all.Reviews), func(v *View, lo, hi int) {
			for _, p := range all.Reviews[lo:hi] {
				v.Docs = append(v.Docs, &p.Doc)
			}
		})
	}
	if more(all.Blockers) {
		var blocked []*site.Update
		for _, b := range all.Blockers {
			if !slices.Contains(blocked, b.Update) {
				blocked = append(blocked, b.Update)
			}
		}
		r.listPages(add, "/attention/blockers/", "Current blockers", "Updates whose blockers are current.", "board", crumbs, len(blocked), func(v *View, lo, hi int) {
			v.Updates = blocked[lo:hi]
		})
	}
	if more(all.CheckIns) {
		r.listPages(add, "/attention/check-ins/", "Check-ins missing this cycle", "People due to check in who have not yet.", "board", crumbs, len(all.CheckIns), func(v *View, lo, hi int) {
			for _, c := range all.CheckIns[lo:hi] {
				v.Docs = append(v.Docs, &c.Person.Doc)
			}
		})
	}
	for _, p := range s.People {
		a := s.Attention(p, s.Now)
		v := r.view("attention", "Needs attention: "+p.Name, p.URL+"attention/", "people")
		v.Description = "What needs " + p.Name + "'s attention."
		v.Person = p
		v.Attention = &a
		v.Calendar = calendarPath(p.URL)
		v.Crumbs = []Crumb{{Title: "People", URL: "/people/"}, {Title: p.Name, URL: p.URL}}
		v.scope = r.attentionScope(v)
		add(v)
	}
}
