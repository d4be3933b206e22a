// Package generator builds a handbook site: Markdown under content/ in,
// a static site in public/ out.
//
// # Pipeline
//
// A build runs in one direction, one package per step:
//
//	content.Load  files -> typed documents: front matter (YAML, TOML, JSON)
//	              decoded with positions, Markdown converted by package
//	              markdown, relative links rewritten to page URLs
//	gitinfo       each file's last commit, from one git log, set as the
//	              documents' Modified and ModifiedBy (not in shallow clones)
//	site.New      documents -> the model: references resolved (authors,
//	              teams, objectives, key results, superseded decisions),
//	              key-result progress, backlinks, tags, the status board
//	render.Render the model -> outputs: pages from layouts, feeds,
//	              sitemap, robots.txt, bundled assets, and the search index
//	              from search.Build (see package search), in parallel,
//	              each passed on as soon as it is made
//	write.Site    outputs -> public/, written into a new folder and swapped
//	              in only when complete, or with a cache, only the changed
//	              files moved into place
//
// # Cache
//
// With Config.Cache (the command line's default is .cache/handbook), a
// build keeps what it can reuse, in package cache: a snapshot of the
// content folder with goldmark's conversion of each document's body,
// keyed by the body and checked on reuse against where its links now
// lead; the search index's analyses and sections; the bundled front-end
// assets, keyed by the layouts; and the manifest of the site it wrote,
// with the key of each file's inputs and the hash of its bytes. Each
// document has a ListHash (front matter, title, summary, headings, links
// and what git history says of it: what other pages may show of it) and
// a SourceHash (with its body). With the built-in layouts, most pages'
// and feeds' keys are what they show (their scope, in package render)
// and the SourceHash of the document whose body they carry; the others,
// and every page with layouts of the site's own, have the site's key
// (every ListHash, site.toml, the git history, the time, drafts, the
// layouts and the executable itself) and their document's SourceHash.
// So changing a document's body past its summary renders its page, the
// feeds that carry bodies and the search index again; changing what lists
// show of it renders the pages that show it and those with the site's
// key. A file whose bytes did not change is not written. The dev server
// does the same in memory (RenderFrom).
//
// Each step reports problems as diag.Diagnostic values ("path:line:col:
// message"); Build collects and sorts them, and stops before rendering
// when any is an error, so a failed build never touches public/.
//
// Load runs the steps up to the model and Render those up to the outputs
// in memory; Build is Load, then Render writing each output as it is made. The commands for writers build on
// them: package check (handbook check) loads in check mode, where broken
// links and reused decision numbers are errors, and adds a reviewer's
// checks; package summary (handbook summary) loads the content at a git
// ref and now, and compares; package serve (handbook serve) renders into
// memory on every change; package scaffold (handbook new) writes new
// documents. None of them changes the pipeline: Build never sees a file
// event or a git ref.
//
// # Front matter
//
// Keys match ignoring case, with "-" and "_" alike. Unknown keys are kept
// in Doc.Params. Every kind accepts tags (a list, or text split at commas)
// and draft (true or false).
//
//	handbook/   title, description (alias summary), sidebar_label (the
//	            name in the sidebar and breadcrumbs), weight,
//	            sidebar_position, nav_order (the order among a section's
//	            pages: by each key in turn, pages that set it first, then
//	            title; positions may be fractions, and in a folder whose
//	            names all start with numbers, "02-guides", the number
//	            stands in for sidebar_position; see site.Page.Weight),
//	            owner, reviewed (alias
//	            last_reviewed), review_every ("6 months", "1 year", "90 days"),
//	            updated (alias last_modified, modified: the last change when
//	            git history gives none), created (alias date: when the page
//	            was written, for weekly digests; else its first commit)
//	updates/    title, author (required), date (required), team, status
//	            (on-track, at-risk, off-track), objectives (alias objective),
//	            progress ({"objective/kr": number}), blockers (alias blocker)
//	decisions/  title, status, date, decision-makers (alias deciders,
//	            decision_makers), consulted, informed, supersedes,
//	            respond-by (alias comment-by), history: a list of {date,
//	            status}, the statuses it had (see Status history)
//	objectives/ title, owner, team, period (required: 2026, 2026-H2,
//	            2026-Q4, 2026-11), status, key_results (alias krs): a list
//	            of {id, title (alias name), start (alias baseline), target
//	            (alias goal), unit}, history: a list of {date, status}; with
//	            no status, the last entry's is the objective's
//	people/     name (required), team, role, timezone (alias tz), handle
//	            (alias github), email, hours ("09:00-17:00", alias
//	            working_hours), joined (alias start_date), away: a list of
//	            {from, to (alias until)}
//	teams/      name, lead, cadence (daily, weekly, biweekly), timezone
//
// site.toml: title, base_url, description, language, repo_url,
// edit_branch, content_dir, timezone, cadence, decision_statuses, raw_html,
// feed_items (how many items each feed carries, default 50). The site's,
// updates', decisions' and handbook's feeds carry whole bodies; a team's,
// person's or tag's, which repeat their items, summaries and links; a
// weekly digest's feed the last 12 finished weeks (render.DigestFeedWeeks).
//
// # Sections and lists
//
// Every folder under handbook/ is a section. One without an index file
// gets a landing page that site.New generates (site.Page.Generated, in
// Site.Folders), titled after the folder. No page lists the whole of
// something that grows with the site's history: a section's pages, the
// updates, decisions, objectives, status changes, digests and a tag's
// documents are paginated, 20 a page (/updates/page/2/); a person's,
// team's or objective's page shows the latest 10 of each list and links
// to the whole one, paginated (/people/<id>/updates/, list.html); the
// sidebar shows at most 15 entries of each section on the way to the
// current page (render.NavWindow) and links to the section's list. The
// people and teams indexes are paginated; a team's page shows its first
// 10 members (table, check-in grid, working hours) and links to
// /teams/<id>/members/; a document's page lists its latest 10 status
// changes (site.RecentEvents) and the older ones are on
// <doc>/history/, where site.Event.URL points; a week's digest shows 10
// of its updates, blockers and key results (render.DigestUpdates), 5 of
// its other lists (render.DigestItems) and links to
// <week>/updates/; the board shows 5 of the period's objectives and
// status changes (render.BoardItems). generator/pagesize_test.go builds
// 2,000 and 6,000 documents and fails when any page kind's largest page
// grows.
//
// Pages stay light: status icons are empty <i class="ic ic-NAME">
// elements drawn by site.css, progress bars are <progress> elements,
// list items show a title, who, when, status and one line of summary,
// and a document names its feeds in RSS only (the home of a feed names
// every format).
//
// # Status history
//
// A change of a decision's or an objective's status is a site.Event. The
// events of a document come from the first of: its git history, when
// gitinfo read one and the committed versions show the status changing;
// its history list; for an objective whose status is derived, the
// updates replayed one by one; for a decision, its date and status.
//
// # Derived views
//
// Beyond the board, the model answers, for an explicit now:
//
//	Site.Attention(p, now)          what needs p's (or everyone's) attention
//	Site.Accountability(p, now, n)  p's check-in windows over n weeks, streak
//	Site.TeamAccountability(t, ...) the same for every member, team streak
//	Site.Overlap(t, now)            members' working hours in the team's zone
//	Site.Digests(t, now)            weekly digests, site-wide or of a team
//	Site.Schedule(t, p, now)        when check-ins are due, for calendars
//
// render turns them into /attention/, /people/<id>/attention/, the
// check-in grids and working-hours chart on team and person pages,
// /digest/<week>/ and /teams/<id>/digest/<week>/ with feeds, /events/ with
// feeds, calendar.ics files (RFC 5545) and /api/*.json with the JSON
// Schema in render/api.schema.json.
//
// # Templates
//
// Each layout file (board.html, page.html, update.html, ...) defines
// "main" and is parsed together with base.html, which frames every page,
// and partials.html, which holds shared pieces: after them, so that a
// layout's own {{define}} of a name they define too ("head", which
// base.html leaves as an empty block, or "site-header") takes its place
// on that layout's pages. An update's list item ("update-item") is
// list.html's on every list: each is rendered once and kept. Every template receives a
// *render.View: the site model, the page's title, URL and feeds, and the
// document or list it shows, and .Search: the hrefs of the search index
// manifest and client that every search form carries as data-search-index
// and data-search-script (search.html is the search page; its form also
// has data-search-page).
//
// The built-in layouts name a document's own fields through its Doc
// ({{.Doc.URL}}, {{$u.Doc.Date}}) and a check-in's through its Window
// ({{.Window.Record}}), although {{.URL}} and {{.Record}} mean the same:
// text/template finds a promoted field by a breadth-first search of the
// embedded structs, with allocations, on every use, and the shorter
// names cost a 10,000 document build some 220,000 such searches. A
// site's own layouts may use either.
//
// The pages a big site is mostly made of are also written in Go
// (render/compiled.go): an update's page and list item, the lists of
// updates, a tag's page, each week's digest, the handbook's pages and
// decision records. The Go writes byte for byte what the built-in
// templates write, and TestCompiledPages holds it to that. It is used
// only while the layouts are the built-in ones: a site whose layouts
// folder holds any .html file that is not byte for byte a built-in
// layout (a changed one or a new one) has every page executed from the
// templates. Pages whose layouts it leaves alone come out the same, more
// slowly: html/template spends most of a page's time in reflection, and
// at 100,000 documents these pages took a third of the build's CPU.
//
// The template functions are:
//
//	link PATH          the href of a site path, with the base URL's path
//	abs PATH           the absolute URL of a site path
//	date T             "20 Nov 2026"; isodate T: "2026-11-20" (for datetime)
//	shortdate T        "20 Nov"
//	relative NOW T     "today", "in 6 days", "3 days ago"
//	pct F, num F       "75%"; 420 or 7.9 without needless decimals
//	icon STATUS        an update's or decision's status icon, drawn by site.css
//	bar F              a progress bar (0..1), a <progress> element
//	sparkline KR       a key result's reported values over time, as SVG
//	historychart OBJ   an objective's status over its period, as SVG
//	initials NAME      "AS" for "Ana Souza"
//	localtime LOC NOW  the time in a time zone, "14:05"
//	utcoffset LOC NOW  a time zone's offset from UTC, "UTC+05:30"
//	checkin STATE      "posted", "missing", "away", "not yet joined"
//	window PERSON      the person's current check-in window, "23 Nov – 29 Nov"
//	away P T, overdue PAGE NOW, open DECISION NOW
//	                   status questions asked of the model
//	latest LIST        the first 10 items of a list; more LIST: whether it
//	                   has more (for the link to the whole list)
//	first N LIST       the first N items of a list; last N LIST: the last N
//	recent EVENTS      the latest status changes a page lists; older EVENTS:
//	                   the ones left to the history pages
//	short S            a summary cut to about a line (140 characters)
//	describe S         a summary cut for a meta description (160 characters)
//	digestitems, digestupdates
//	                   how many items a digest shows of each list
//	doc DOC            the typed document (*site.Update, ...) holding a Doc
//	kind DOC           "page", "update", "decision", ...
//	plural N ONE MANY  "1 member", "3 members"
//	statuslabel S      "On track", "Accepted": a status as readers see it
//	attention PERSON   what needs the person's attention now (site.Attention)
//	overlapchart O     a team's working hours (*site.Overlap) as inline SVG
//	stretches O LIST   "09:00–17:00, 20:00–22:00" in the overlap's clock
//	weektitle D        a weekly digest's title: "Week 47: 16–22 Nov 2026"
//	weeksummary D      "4 updates, 1 proposal opened and 8 key results moved."
//	join, lower, slug, title, hasPrefix, trimPrefix
//	                   string helpers
//
// All output goes through html/template, so everything taken from content
// is escaped for the context it lands in. Markdown bodies are trusted HTML
// only because goldmark escapes text and drops raw HTML unless site.toml
// sets raw_html.
package generator
