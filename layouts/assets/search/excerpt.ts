// Excerpts and deep links for results, built as DOM nodes: text from the
// index is only ever set as text (textContent, text nodes), never parsed
// as HTML.

import { tokenize } from "./tokenize";
import type { DocFile } from "./engine";

// Terms is what a query matched: a word matches when has says so.
interface Terms {
  has(term: string): boolean;
}

const headingWeight = 3;
const excerptChars = 220;
const leadChars = 70;

// bestSection returns the index of the section a result should link to:
// the one where the matched terms occur most (headings count thrice), or
// -1 when the title matches as well as any section does. It follows
// describe in generator/search/query.go.
export function bestSection(doc: DocFile, terms: Terms): number {
  const count = (text: string) => tokenize(text).filter((t) => terms.has(t.term)).length;
  let top = count(doc.t) * headingWeight;
  let best = -1;
  doc.s.forEach((s, i) => {
    const n = count(s[1]) * headingWeight + count(s[2]);
    if (n > top && s[0] !== "") {
      top = n;
      best = i;
    }
  });
  return best;
}

// excerpt returns a short passage of the document around the first match,
// with the matched words in <mark>, as a fragment of text and mark nodes.
export function excerpt(doc: DocFile, section: number, terms: Terms): DocumentFragment {
  const frag = document.createDocumentFragment();
  // Prefer the linked section's text, then the first section with a match.
  const order = section >= 0 ? [section, ...doc.s.keys()] : [...doc.s.keys()];
  let text = "";
  let toks: ReturnType<typeof tokenize> = [];
  for (const i of order) {
    const t = doc.s[i][2];
    const k = tokenize(t);
    if (k.some((x) => terms.has(x.term))) {
      text = t;
      toks = k;
      break;
    }
  }
  if (text === "") {
    text = doc.s.find((s) => s[2] !== "")?.[2] ?? "";
    toks = [];
  }
  const first = toks.find((t) => terms.has(t.term));
  let start = 0;
  if (first && first.start > leadChars) {
    start = first.start - leadChars;
    const space = text.indexOf(" ", start);
    if (space >= 0 && space < first.start) start = space + 1;
  }
  let end = Math.min(text.length, start + excerptChars);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start + excerptChars / 2) end = space;
  }
  const clean = (s: string) => s.replace(/\s+/g, " ");
  if (start > 0) frag.append("… ");
  let at = start;
  for (const t of toks) {
    if (t.start < start || t.end > end || !terms.has(t.term)) continue;
    frag.append(clean(text.slice(at, t.start)));
    const m = document.createElement("mark");
    m.textContent = text.slice(t.start, t.end);
    frag.append(m);
    at = t.end;
  }
  frag.append(clean(text.slice(at, end)));
  if (end < text.length) frag.append(" …");
  return frag;
}

// highlight returns text with the matched words in <mark>.
export function highlight(text: string, terms: Terms): DocumentFragment {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const t of tokenize(text)) {
    if (!terms.has(t.term)) continue;
    frag.append(text.slice(at, t.start));
    const m = document.createElement("mark");
    m.textContent = text.slice(t.start, t.end);
    frag.append(m);
    at = t.end;
  }
  frag.append(text.slice(at));
  return frag;
}
