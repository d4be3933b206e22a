package render

import (
	"fmt"
	"html"
	"html/template"

	"github.com/handbook/handbook/generator/site"
)

// eventPages adds the page of every status change.
func (r *renderer) eventPages(add func(*View)) {
	events := r.site.Events
	paginateNewest(add, "/events/", len(events), func(n, lo, hi int) *View {
		v := r.view("events", "Status changes", pageURL("/events/", n), "decisions").withFeed(r.eventFeedLink())
		v.Description = "Every change of a decision's or an objective's status, newest first."
		v.Events = events[lo:hi]
		return v
	})
}

func (r *renderer) eventFeedLink() FeedLink { return r.feedLink("events/", "Status changes") }

// eventFeed is the feed of status changes: one item per event, linking to
// the event on its document's page.
func (r *renderer) eventFeed() feed {
	s := r.site
	docs := make([]*site.Doc, len(s.Events))
	for i, e := range s.Events {
		doc := e.Doc()
		subject := fmt.Sprintf("Objective “%s”", doc.Title)
		what := subject + " set to " + e.To
		if e.Decision != nil {
			subject = fmt.Sprintf("%s, “%s”,", capitalize(e.Subject()), doc.Title)
			what = subject + " " + e.To
		}
		if e.From != "" {
			what = fmt.Sprintf("%s moved from %s to %s", subject, e.From, e.To)
		}
		body := fmt.Sprintf(`<p>%s on %s.</p><p><a href="%s">%s</a></p>`,
			html.EscapeString(what), e.Date.Format("2 January 2006"), html.EscapeString(r.link(e.URL())), html.EscapeString(doc.Title))
		if u := e.Update; u != nil {
			body += fmt.Sprintf(`<p>Reported in <a href="%s">%s</a>.</p>`, html.EscapeString(r.link(u.URL)), html.EscapeString(u.Title))
		}
		docs[i] = &site.Doc{Title: capitalize(e.Text()), URL: e.URL(), Date: e.Date, Summary: what + ".", Body: template.HTML(body), Tags: doc.Tags}
	}
	return feed{dir: "events/", title: s.Config.Title + ": status changes", description: "Changes of decision and objective status.", page: "/events/", docs: docs}
}

// statusLabel names a decision's or an objective's status: "On track",
// "Accepted".
func statusLabel(status string) string {
	if st := site.Status(status); st.Rank() > 0 {
		return st.Label()
	}
	return capitalize(status)
}
