package render

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"net/url"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"github.com/handbook/handbook/generator/site"
)

// FeedItems is how many items a feed carries unless site.toml sets
// feed_items (site.Config.FeedItems).
const FeedItems = site.DefaultFeedItems

// A feed is one set of items published as RSS, Atom and JSON Feed in a
// folder: "" for the site root, "updates/", "teams/platform/", ...
type feed struct {
	dir         string
	title       string
	description string
	page        string // site path of the HTML page the feed belongs to
	docs        []*site.Doc
	// items, when set, makes the docs: items the build writes from the
	// model (weekly digests), not from documents' bodies.
	items func() ([]*site.Doc, error)
	// scope, when set with items, hashes what the items show, so that
	// the feed is keyed without making them (see feedKey).
	scope scope
	// summaries makes items carry the document's summary and its link
	// instead of the whole body: a person's, team's or tag's feed repeats
	// items the updates, decisions and handbook feeds carry in full, and
	// a site has hundreds of them. The summary is the item's content, as
	// one HTML paragraph, and is not repeated as a description.
	summaries bool
	// limit, when set, is how many items the feed carries at most, if
	// fewer than feed_items: a weekly digest is a whole week's page.
	limit int
}

// DigestFeedWeeks is how many weeks a weekly digest's feed carries at
// most: each item is a whole week, and a reader subscribes for the next
// one, not for a year of them.
const DigestFeedWeeks = 12

// max returns how many items the feed carries.
func (f feed) max(items int) int {
	if f.limit > 0 {
		return min(f.limit, items)
	}
	return items
}

// feedFiles are the file names of a feed's three formats.
var feedFiles = struct{ RSS, Atom, JSON string }{"feed.xml", "atom.xml", "feed.json"}

// feedItem is a document ready for a feed.
type feedItem struct {
	doc      *site.Doc
	author   *site.Person
	authorAs string // name when there is no person
}

// renderFeed writes the three formats of f. gorilla/feeds builds the
// documents; where it falls short they are patched before encoding: RSS
// gets atom:link rel="self", several <category> elements per item and
// authors in RSS's "email (name)" form (or dc:creator when no email is
// known); Atom gets rel="self" and rel="alternate" links and categories
// with term attributes; JSON Feed gets feed_url, authors and tags.
func (r *renderer) renderFeed(f feed) ([]Output, error) {
	s := r.site
	docs := f.docs
	docs = docs[:min(len(docs), f.max(r.feedItems()))]
	var updated time.Time
	for _, d := range docs {
		if d.Date.After(updated) {
			updated = d.Date
		}
	}
	if updated.IsZero() {
		updated = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	base := &feeds.Feed{
		Title: f.title,
		Link:  &feeds.Link{Href: r.abs(f.page)},
		// RSS descriptions and Atom summaries are HTML to feed readers,
		// and these are plain text; JSON Feed's are plain text (below).
		Description: html.EscapeString(site.CleanText(f.description)),
		Updated:     updated,
		Created:     updated,
	}
	items := make([]feedItem, len(docs))
	for i, d := range docs {
		it := feedItem{doc: d}
		switch v := r.docValue(d).(type) {
		case *site.Update:
			it.author = v.Author
		case *site.Decision:
			var names []string
			for _, ref := range v.DecisionMakers {
				names = append(names, ref.Label())
				if it.author == nil && ref.Person != nil {
					it.author = ref.Person
				}
			}
			it.authorAs = strings.Join(names, ", ")
		case *site.Page:
			if v.Owner.Person != nil {
				it.author = v.Owner.Person
			} else {
				it.authorAs = v.Owner.Label()
			}
			if it.authorAs == "" {
				it.authorAs = v.ModifiedBy
			}
		}
		items[i] = it
		link := r.abs(d.URL)
		fi := &feeds.Item{
			Title:       feedTitle(d, r),
			Link:        &feeds.Link{Href: link},
			Id:          link,
			IsPermaLink: "true",
			Content:     r.feedContent(f, d),
			Created:     d.Date,
			Updated:     d.Date,
		}
		if !f.summaries {
			fi.Description = html.EscapeString(site.CleanText(d.Summary))
		}
		if name := it.name(); name != "" {
			fi.Author = &feeds.Author{Name: name}
		}
		base.Items = append(base.Items, fi)
	}

	self := func(file string) string { return r.abs("/" + f.dir + file) }
	// What the XML feeds will take, so that their buffers are not grown
	// from nothing: each item's text, escaped (about a tenth longer), and
	// its elements. 1.2 s of CPU went to growing them at 100,000
	// documents.
	size := 1024
	for _, fi := range base.Items {
		size += len(fi.Content) + len(fi.Content)/8 + len(fi.Description) + 512
	}

	// RSS 2.0.
	rf := (&feeds.Rss{Feed: base}).RssFeed()
	rf.Language = s.Config.Language
	rf.Generator = "handbook"
	ch := rssChannel{RssFeed: rf, AtomLink: atomLink{Href: self(feedFiles.RSS), Rel: "self", Type: "application/rss+xml"}}
	for i, ri := range rf.Items {
		it := items[i]
		ri.Author = ""
		x := &rssItem{RssItem: ri, Categories: it.doc.Tags}
		if it.author != nil && it.author.Email != "" {
			x.Author = fmt.Sprintf("%s (%s)", it.author.Email, it.author.Name)
		}
		x.Creator = it.name()
		ch.Items = append(ch.Items, x)
	}
	rssDoc := rssRoot{Version: "2.0", ContentNS: "http://purl.org/rss/1.0/modules/content/", AtomNS: "http://www.w3.org/2005/Atom", DCNS: "http://purl.org/dc/elements/1.1/", Channel: ch}
	rssBytes, err := encodeXML(rssDoc, size)
	if err != nil {
		return nil, fmt.Errorf("encode %sfeed.xml: %w", f.dir, err)
	}

	// Atom.
	af := (&feeds.Atom{Feed: base}).AtomFeed()
	af.Id = r.abs(f.page)
	aroot := atomRoot{AtomFeed: af, Links: []feeds.AtomLink{
		{Href: r.abs(f.page), Rel: "alternate", Type: "text/html"},
		{Href: self(feedFiles.Atom), Rel: "self", Type: "application/atom+xml"},
	}}
	for i, e := range af.Entries {
		it := items[i]
		x := &atomEntry{AtomEntry: e}
		for _, t := range it.doc.Tags {
			x.Categories = append(x.Categories, atomCategory{Term: t})
		}
		if name := it.name(); name != "" {
			x.Author = &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: name}}
			if it.author != nil {
				x.Author.Uri = r.abs(it.author.URL)
			}
		}
		aroot.Entries = append(aroot.Entries, x)
	}
	if len(aroot.Entries) == 0 || anyMissingAuthor(aroot.Entries) {
		// Atom requires an author on the feed when an entry has none.
		aroot.Author = &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: s.Config.Title}}
	}
	atomBytes, err := encodeXML(aroot, size)
	if err != nil {
		return nil, fmt.Errorf("encode %satom.xml: %w", f.dir, err)
	}

	// JSON Feed 1.1.
	jf := (&feeds.JSON{Feed: base}).JSONFeed()
	jf.Version = "https://jsonfeed.org/version/1.1"
	jf.FeedUrl = self(feedFiles.JSON)
	jf.Description = site.CleanText(f.description)
	jf.Language = s.Config.Language
	for i, ji := range jf.Items {
		it := items[i]
		ji.Tags = it.doc.Tags
		if !f.summaries {
			ji.Summary = site.CleanText(it.doc.Summary)
		}
		ji.Author = nil
		ji.Authors = nil
		if name := it.name(); name != "" {
			a := &feeds.JSONAuthor{Name: name}
			if it.author != nil {
				a.Url = r.abs(it.author.URL)
			}
			ji.Authors = []*feeds.JSONAuthor{a}
		}
	}
	// Compact, as feed readers read it: indentation was a third of the
	// bytes of a feed of summaries.
	var jb bytes.Buffer
	if err := json.NewEncoder(&jb).Encode(jf); err != nil {
		return nil, fmt.Errorf("encode %sfeed.json: %w", f.dir, err)
	}

	return []Output{
		{Path: f.dir + feedFiles.RSS, Data: rssBytes},
		{Path: f.dir + feedFiles.Atom, Data: atomBytes},
		{Path: f.dir + feedFiles.JSON, Data: jb.Bytes()},
	}, nil
}

func (it feedItem) name() string {
	if it.author != nil {
		return it.author.Name
	}
	return it.authorAs
}

func anyMissingAuthor(es []*atomEntry) bool {
	for _, e := range es {
		if e.Author == nil {
			return true
		}
	}
	return false
}

func feedTitle(d *site.Doc, r *renderer) string {
	switch v := r.docValue(d).(type) {
	case *site.Decision:
		if v.Number > 0 {
			return fmt.Sprintf("%s %s: %s", "ADR", v.NumberString(), v.Title)
		}
	}
	return site.CleanText(d.Title)
}

// absolutize makes root-relative links in HTML absolute, since feed
// readers show content away from the site.
func (r *renderer) absolutize(html string) string {
	root := strings.TrimSuffix(r.site.Config.BaseURL, "/")
	if !strings.Contains(root, "://") {
		return site.CleanText(html)
	}
	u, err := url.Parse(root)
	if err != nil {
		return site.CleanText(html)
	}
	origin := u.Scheme + "://" + u.Host
	html = strings.ReplaceAll(html, `href="/`, `href="`+origin+`/`)
	html = strings.ReplaceAll(html, `src="/`, `src="`+origin+`/`)
	return site.CleanText(html)
}

func encodeXML(v any, size int) ([]byte, error) {
	b := bytes.NewBuffer(make([]byte, 0, size))
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

type rssRoot struct {
	XMLName   xml.Name `xml:"rss"`
	Version   string   `xml:"version,attr"`
	ContentNS string   `xml:"xmlns:content,attr"`
	AtomNS    string   `xml:"xmlns:atom,attr"`
	DCNS      string   `xml:"xmlns:dc,attr"`
	Channel   rssChannel
}

type rssChannel struct {
	XMLName xml.Name `xml:"channel"`
	*feeds.RssFeed
	AtomLink atomLink   `xml:"atom:link"`
	Items    []*rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	XMLName xml.Name `xml:"item"`
	*feeds.RssItem
	Author     string   `xml:"author,omitempty"`
	Creator    string   `xml:"dc:creator,omitempty"`
	Categories []string `xml:"category"`
}

type atomRoot struct {
	XMLName xml.Name `xml:"feed"`
	*feeds.AtomFeed
	Links   []feeds.AtomLink `xml:"link"`
	Entries []*atomEntry     `xml:"entry"`
}

type atomEntry struct {
	XMLName xml.Name `xml:"entry"`
	*feeds.AtomEntry
	Categories []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// feedItems is how many items each feed carries.
func (r *renderer) feedItems() int {
	if n := r.site.Config.FeedItems; n > 0 {
		return n
	}
	return FeedItems
}

// feedContent is an item's content: the document's body with absolute
// links, or for a feed of summaries, the summary (or the title, for a
// document without one) as a paragraph.
func (r *renderer) feedContent(f feed, d *site.Doc) string {
	if f.summaries {
		return "<p>" + html.EscapeString(cmp.Or(site.CleanText(d.Summary), d.Title)) + "</p>"
	}
	return r.absolutize(string(d.Body))
}
