// Package search builds the site's search index: a set of small static
// files that the browser client (layouts/assets/search.ts) fetches piece
// by piece, so that a query downloads a manifest and only the parts of the
// index its words need.
//
// # What is indexed
//
// Every document of every kind: its title, headings, body text (code and
// tables included), tags, author and team names, people's roles and
// handles, decision numbers ("0007" and "7"), objectives' key results and
// updates' blockers. Title matches weigh the most, then headings, then the
// names, tags and file name words, then the body (BM25F-style: the
// weighted term frequency is saturated once). Documents are weighed by
// kind (handbook pages first), and updates get a small boost that fades
// with age. Scores are computed here, at build time, and stored quantised
// to one byte per posting ("impacts"), without the term's idf, which the
// client multiplies in: an impact depends only on its own document, so an
// edit changes only the shards of the terms it touches (see
// incremental.go).
//
// # Stems
//
// With a stemmer for the site's language (StemmerFor), the vocabulary
// also holds an entry "stem#" for each stem that several terms share or
// that differs from its one term: the union of their postings, or, for a
// single term, its name (an alias). The client stems query words with the
// same English stemmer and looks the stem's entry up beside the word.
//
// # Files
//
// Build returns a few files, all under Options.Dir ("search/"), or sends
// each to Options.Emit as soon as it is made, the manifest last. Names
// carry a hash of their content, so they can be cached forever, except
// the manifest, which pages link to under a fixed name (see ManifestPath);
// the page learns its address from a data attribute.
//
// Most of the index is many small parts (term shards, typo lexicons,
// document files), each compressed on its own and laid end to end in a
// pack file; the client fetches a part with an HTTP Range request for
// its span (offset and length), which the manifest or another part
// gives. A site of 10,000 documents so writes about 25 files, not
// thousands: creating a file is a large part of a build's time. A host
// that ignores Range requests sends a whole pack, which the client then
// keeps for the pack's other parts.
//
//	manifest.json       the entry point: document count, the packs' names,
//	                    the first term and span of each shard directory,
//	                    the span of the list of typo lexicons, the facets
//	                    file and the document packs
//	t-HASH.bin          the term pack: term shards, each a contiguous
//	                    range of the sorted vocabulary with each term's
//	                    postings, then the shard directories, each
//	                    listing the first term and the spans in the term
//	                    and positions packs of 32 consecutive shards
//	p-HASH.bin          the positions pack: each shard's positions,
//	                    fetched only for "quoted phrases"
//	y-HASH.bin          the typo pack: the typo lexicons, every term of 4
//	                    or more letters starting (key "p" and two
//	                    letters) or ending (key "s" and two letters, terms
//	                    stored reversed) with two letters, then their list
//	                    by key; fetched only when a word of 4 or more
//	                    letters matches nothing
//	f-HASH.bin          facets: for each kind, team, author, status and
//	                    tag, its label and the documents that have it
//	d-HASH.bin          a document pack of Options.BucketSize documents:
//	                    their offsets (little-endian uint32s, one per
//	                    document and one for the end), then each
//	                    document's title, URL, date, kind, the line under
//	                    its title and its sections (heading id, heading,
//	                    text), for excerpts and deep links; fetched only
//	                    for the results shown
//
// Parts are gzip streams (the client inflates them with the browser's
// DecompressionStream) of a simple format: unsigned varints (LEB128) and
// strings as a varint length and UTF-8 bytes; a span is two varints.
//
// A term shard holds, for each term in order: the length of the prefix it
// shares with the previous term, the rest of the term, its document
// frequency and the length of its postings; then the postings of each
// term: document number gaps as varints, followed by one impact byte per
// document; a stem's alias has a document frequency of 0 and the aliased
// term as its postings. A positions shard holds, for each term, the byte length of its
// block and then, for each of its documents, the number of positions and
// the position gaps. Positions count words; each field of a document (its
// title, each piece of metadata, each heading and each section's text)
// starts at a multiple of 64, so a phrase never spans two fields. The facets file holds, for each facet (kind, team,
// author, status, tag), the number of values and, for each value, its key,
// its label, its document count and the document number gaps. A typo
// lexicon is the count and then front-coded terms, as in a shard; their
// list is the count and, for each, its key and span. A shard directory is
// the count and then, for each shard, its front-coded first term and its
// spans in the term pack and the positions pack.
//
// Everything taken from content (titles, excerpts, names) is stored as
// data, JSON-escaped or length-prefixed, and the client inserts it as
// text, never as HTML.
//
// # Determinism
//
// Documents are numbered in a fixed order (kind, then team, author and
// date for updates, then path), work is split by group of documents and
// by section of the vocabulary and put together in that order, and gzip
// output carries no time stamp, so the same site gives byte-identical
// files.
package search
