// The search engine of the browser client: it fetches the index files
// that generator/search writes, piece by piece, and applies the query
// rules documented in generator/search/query.go (which implements them in
// Go for the index tests). Keep the two in step.

import { terms as tokenTerms } from "./tokenize";
import { stem as stemEnglish } from "./stem";

export const facetNames = ["kind", "team", "author", "status", "tag"] as const;
export type Facet = (typeof facetNames)[number];

const stemWeight = 0.9;
const prefixWeight = 0.8;
const typoWeight = 0.6;
const minTypoLen = 4;
// stopWords are optional in queries on an English index: the list of
// github.com/kljensen/snowball/english.IsStopWord, which query.go uses.
const stopWords = new Set(
  ("a about above after again against all am an and any are as at be because been before being below " +
    "between both but by can did do does doing don down during each few for from further had has have " +
    "having he her here hers herself him himself his how i if in into is it its itself just me more most " +
    "my myself no nor not now of off on once only or other our ours ourselves out over own s same she " +
    "should so some such t than that the their theirs them themselves then there these they this those " +
    "through to too under until up very was we were what when where which while who whom why will with " +
    "you your yours yourself yourselves").split(" "),
);

// stemMark ends a stem's entry in the vocabulary ("deploy#").
const stemMark = "#";
const minPrefixLen = 2;
const maxPrefixShards = 3;
const maxExpansions = 64;

// Span is where a part lies in its pack: offset and length in bytes.
type Span = [number, number];

interface Manifest {
  v: number;
  stem?: string; // the language of the index's stems; the client has "en"
  docs: number;
  terms: number;
  pack: string; // the term pack: shards and their directories
  pos: string; // the positions pack
  shards: string[]; // each directory's first term
  dirs: Span[]; // each directory's span in the term pack
  per: number; // shards per directory
  typos: string; // the typo pack
  typolist: Span; // the list of typo lexicons by key, in the typo pack
  facets: string;
  bucket: number; // documents per document pack
  buckets: string[]; // the document packs
}

// DirEntry is a shard as its directory lists it.
interface DirEntry {
  first: string;
  terms: Span;
  pos: Span;
}

export interface FacetValue {
  key: string;
  label: string;
  docs: Uint32Array;
}

// DocFile is a document as results show it; see generator/search.
export interface DocFile {
  t: string; // title
  u: string; // site path
  k: string; // kind
  d?: string; // date, YYYY-MM-DD
  b?: string[]; // byline
  s: [string, string, string][]; // sections: heading id, heading, text
}

export interface Query {
  text: string;
  filters: Partial<Record<Facet, string[]>>;
}

export interface Hit {
  doc: number;
  score: number;
}

export interface Results {
  hits: Hit[];
  counts: Record<Facet, Map<string, number>>;
  // terms holds every index term and stem the query matched, for
  // highlights.
  terms: Matched;
  // suggest is a close query that finds something, when this one found
  // nothing ("did you mean").
  suggest?: string;
}

// stemmed remembers the stems of the words of the results shown: excerpts
// and headings are checked word by word on every keystroke.
const stemmed = new Map<string, string>();

// Matched is the set of terms a query matched, and of stems, so that
// "deploying" highlights "deployment".
export class Matched {
  readonly terms = new Set<string>();
  readonly stems = new Set<string>();
  constructor(private readonly stem: ((t: string) => string) | null) {}
  add(term: string): void {
    if (term.endsWith(stemMark)) this.stems.add(term.slice(0, -stemMark.length));
    else this.terms.add(term);
  }
  has(term: string): boolean {
    if (this.terms.has(term)) return true;
    if (this.stem === null || this.stems.size === 0) return false;
    let st = stemmed.get(term);
    if (st === undefined) {
      if (stemmed.size > 50000) stemmed.clear();
      st = this.stem(term);
      stemmed.set(term, st);
    }
    return this.stems.has(st);
  }
}

// Varint and string reader over a decoded file.
class Reader {
  pos = 0;
  constructor(readonly b: Uint8Array) {}
  uvarint(): number {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (this.pos >= this.b.length) throw new Error("corrupt index");
      const c = this.b[this.pos++];
      v += (c & 0x7f) * mul;
      if (c < 0x80) return v;
      mul *= 128;
    }
  }
  bytes(n: number): Uint8Array {
    if (this.pos + n > this.b.length) throw new Error("corrupt index");
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  string(): string {
    return utf8.decode(this.bytes(this.uvarint()));
  }
  deltas(n: number): Uint32Array {
    const out = new Uint32Array(n);
    let prev = 0;
    for (let i = 0; i < n; i++) {
      prev += this.uvarint();
      out[i] = prev;
    }
    return out;
  }
}

const utf8 = new TextDecoder();
const utf8enc = new TextEncoder();

// frontCoded decodes n front-coded terms: shared byte count, then the rest.
function frontCoded(r: Reader, n: number, each: (term: string, i: number) => void): void {
  let prev = new Uint8Array(0);
  for (let i = 0; i < n; i++) {
    const shared = r.uvarint();
    const rest = r.bytes(r.uvarint());
    const cur = new Uint8Array(shared + rest.length);
    cur.set(prev.subarray(0, shared));
    cur.set(rest, shared);
    prev = cur;
    each(utf8.decode(cur), i);
  }
}

// compareTerms orders terms as Go does: by UTF-8 bytes (code points).
function compareTerms(a: string, b: string): number {
  if (a === b) return 0;
  const x = utf8enc.encode(a);
  const y = utf8enc.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

interface Shard {
  terms: string[];
  index: Map<string, number>;
  df: number[];
  postings: Uint8Array[];
  posPart: Span;
  pos?: Uint8Array[];
}

interface Posting {
  term: string;
  docs: Uint32Array;
  impact: Uint8Array;
  shard: Shard;
  i: number;
}

interface Clause {
  terms: string[];
  phrase: boolean;
  prefix: boolean;
}

// parse splits a query into clauses, as query.go's Parse does.
export function parse(text: string): Clause[] {
  const out: Clause[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      const rest = end >= 0 ? text.slice(i + 1, end) : text.slice(i + 1);
      i = end >= 0 ? end + 1 : text.length;
      const t = tokenTerms(rest);
      if (t.length > 0) out.push({ terms: t, phrase: t.length > 1, prefix: false });
    } else if (c === " " || c === "\t" || c === "\n") {
      i++;
    } else {
      let end = i;
      while (end < text.length && !' \t\n"'.includes(text[end])) end++;
      const t = tokenTerms(text.slice(i, end));
      i = end;
      if (t.length > 0) out.push({ terms: t, phrase: t.length > 1, prefix: i === text.length && t.length === 1 });
    }
  }
  return out;
}

// oneEdit reports whether a and b are one insertion, deletion,
// substitution or swap of neighbours apart.
// editDistance counts insertions, deletions, substitutions and swaps of
// neighbours from a to b, as query.go's editDistance does.
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const d: number[][] = [];
  for (let i = 0; i <= x.length; i++) {
    d.push(new Array<number>(y.length + 1).fill(0));
    d[i][0] = i;
  }
  for (let j = 0; j <= y.length; j++) d[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}

const reverse = (s: string) => Array.from(s).reverse().join("");

export function oneEdit(a: string, b: string): boolean {
  let x = Array.from(a);
  let y = Array.from(b);
  if (x.length > y.length) [x, y] = [y, x];
  if (y.length - x.length > 1 || a === b) return false;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  const tail = (s: string[], from: number) => s.slice(from).join("");
  if (x.length === y.length) {
    if (tail(x, i + 1) === tail(y, i + 1)) return true;
    return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && tail(x, i + 2) === tail(y, i + 2);
  }
  return tail(x, i) === tail(y, i + 1);
}

function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

const runes = (s: string) => Array.from(s).length;

// Index is an opened search index. Files are fetched once and kept.
export class Index {
  private files = new Map<string, Promise<Uint8Array>>();
  // wholes holds the packs a host sent whole, ignoring a Range request;
  // rangesP tells whether the host honours them.
  private wholes = new Map<string, Promise<Uint8Array>>();
  private rangesP?: Promise<boolean>;
  private shards = new Map<number, Promise<Shard>>();
  private dirs = new Map<number, Promise<[string[], DirEntry[]]>>();
  private docs = new Map<number, Promise<DocFile>>();
  private facetsP?: Promise<Record<Facet, FacetValue[]>>;
  private typoFilesP?: Promise<Map<string, Span>>;

  private readonly stem: ((t: string) => string) | null;

  private constructor(
    private readonly dir: string,
    private readonly m: Manifest,
  ) {
    this.stem = m.stem === "en" ? stemEnglish : null;
  }

  static async open(manifestURL: string): Promise<Index> {
    const res = await fetch(manifestURL);
    if (!res.ok) throw new Error(`search index: ${res.status}`);
    const m = (await res.json()) as Manifest;
    return new Index(manifestURL.slice(0, manifestURL.lastIndexOf("/") + 1), m);
  }

  get size(): number {
    return this.m.docs;
  }

  // file fetches and inflates one index file, or with sp one part of a
  // pack, with an HTTP Range request (raw: the part is not compressed).
  // Hosts that already sent a file with Content-Encoding: gzip leave
  // nothing to inflate. A host that ignores Range sends the whole pack,
  // which is kept for the pack's other parts.
  private file(name: string, sp?: Span, raw = false): Promise<Uint8Array> {
    const key = sp ? `${name}@${sp[0]}+${sp[1]}` : name;
    let p = this.files.get(key);
    if (!p) {
      p = (async () => {
        const data = sp ? await this.range(name, sp) : await this.fetchAll(name);
        if (raw || data[0] !== 0x1f || data[1] !== 0x8b) return data;
        const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"));
        return new Uint8Array(await new Response(stream).arrayBuffer());
      })();
      this.files.set(key, p);
      p.catch(() => this.files.delete(key));
    }
    return p;
  }

  private async fetchAll(name: string): Promise<Uint8Array> {
    const res = await fetch(this.dir + name);
    if (!res.ok) throw new Error(`search index ${name}: ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  // range returns the bytes of a pack at sp. The first request learns
  // whether the host honours Range; the others wait for it, so that a
  // host that does not is asked for each pack once.
  private async range(name: string, sp: Span): Promise<Uint8Array> {
    const [off, len] = sp;
    if (this.rangesP && !(await this.rangesP)) return (await this.whole(name)).subarray(off, off + len);
    const resP = fetch(this.dir + name, { headers: { Range: `bytes=${off}-${off + len - 1}` } });
    const first = !this.rangesP;
    if (first) {
      this.rangesP = resP.then((r) => {
        if (r.ok && r.status !== 206) this.keepWhole(name, r);
        return r.status === 206;
      });
      this.rangesP.catch(() => (this.rangesP = undefined));
    }
    const res = await resP;
    if (!res.ok) throw new Error(`search index ${name}: ${res.status}`);
    if (res.status !== 206) {
      if (!first) this.keepWhole(name, res);
      return (await this.wholes.get(name)!).subarray(off, off + len);
    }
    const data = new Uint8Array(await res.arrayBuffer());
    const m = /^bytes (\d+)-/.exec(res.headers.get("Content-Range") ?? "");
    const start = m ? Number(m[1]) : off;
    if (start > off || start + data.length < off + len) throw new Error(`search index ${name}: short range`);
    return data.subarray(off - start, off - start + len);
  }

  // keepWhole keeps a pack the host sent whole for its other parts.
  private keepWhole(name: string, res: Response): void {
    if (!this.wholes.has(name)) this.wholes.set(name, res.arrayBuffer().then((b) => new Uint8Array(b)));
  }

  // whole returns a whole pack, fetched once.
  private whole(name: string): Promise<Uint8Array> {
    let p = this.wholes.get(name);
    if (!p) {
      p = this.fetchAll(name);
      this.wholes.set(name, p);
      p.catch(() => this.wholes.delete(name));
    }
    return p;
  }

  facets(): Promise<Record<Facet, FacetValue[]>> {
    if (!this.facetsP) {
      this.facetsP = this.file(this.m.facets).then((data) => {
        const r = new Reader(data);
        const out = {} as Record<Facet, FacetValue[]>;
        for (let f = 0; f < facetNames.length; f++) {
          const name = r.string() as Facet;
          const n = r.uvarint();
          const vals: FacetValue[] = [];
          for (let i = 0; i < n; i++) {
            const key = r.string();
            const label = r.string();
            vals.push({ key, label, docs: r.deltas(r.uvarint()) });
          }
          out[name] = vals;
        }
        return out;
      });
    }
    return this.facetsP;
  }

  doc(n: number): Promise<DocFile> {
    let p = this.docs.get(n);
    if (!p) {
      // A document pack starts with its parts' offsets: document i's
      // span is in bytes 4i to 4i+8.
      const pack = this.m.buckets[Math.floor(n / this.m.bucket)];
      const i = n % this.m.bucket;
      p = this.file(pack, [4 * i, 8], true).then(async (h) => {
        const v = new DataView(h.buffer, h.byteOffset, h.byteLength);
        const start = v.getUint32(0, true);
        const end = v.getUint32(4, true);
        const b = await this.file(pack, [start, end - start]);
        return JSON.parse(utf8.decode(b)) as DocFile;
      });
      this.docs.set(n, p);
      p.catch(() => this.docs.delete(n));
    }
    return p;
  }

  // directory returns a directory's shards: their first terms, and
  // their spans in the term and positions packs.
  private directory(k: number): Promise<[string[], DirEntry[]]> {
    let p = this.dirs.get(k);
    if (!p) {
      p = this.file(this.m.pack, this.m.dirs[k]).then((data) => {
        const r = new Reader(data);
        const firsts: string[] = [];
        const entries: DirEntry[] = [];
        frontCoded(r, r.uvarint(), (t) => {
          firsts.push(t);
          entries.push({ first: t, terms: [r.uvarint(), r.uvarint()], pos: [r.uvarint(), r.uvarint()] });
        });
        return [firsts, entries];
      });
      this.dirs.set(k, p);
      p.catch(() => this.dirs.delete(k));
    }
    return p;
  }

  // entry returns shard i as its directory lists it, or null past the
  // last.
  private async entry(i: number): Promise<DirEntry | null> {
    const k = Math.floor(i / this.m.per);
    if (k >= this.m.shards.length) return null;
    const [, entries] = await this.directory(k);
    const j = i - k * this.m.per;
    return j < entries.length ? entries[j] : null;
  }

  private shard(i: number): Promise<Shard> {
    let p = this.shards.get(i);
    if (!p) {
      p = this.entry(i).then(async (e) => {
        const r = new Reader(await this.file(this.m.pack, e!.terms));
        const n = r.uvarint();
        const sh: Shard = { terms: [], index: new Map(), df: [], postings: [], posPart: e!.pos };
        const lens: number[] = [];
        frontCoded(r, n, (t, j) => {
          sh.terms.push(t);
          sh.index.set(t, j);
          sh.df.push(r.uvarint());
          lens.push(r.uvarint());
        });
        for (let j = 0; j < n; j++) sh.postings.push(r.bytes(lens[j]));
        return sh;
      });
      this.shards.set(i, p);
      p.catch(() => this.shards.delete(i));
    }
    return p;
  }

  private async positions(sh: Shard, j: number): Promise<Uint32Array[]> {
    if (!sh.pos) {
      const r = new Reader(await this.file(this.m.pos, sh.posPart));
      const n = r.uvarint();
      const lens: number[] = [];
      for (let k = 0; k < n; k++) lens.push(r.uvarint());
      sh.pos = lens.map((l) => r.bytes(l));
    }
    const r = new Reader(sh.pos[j]);
    const out: Uint32Array[] = [];
    for (let k = 0; k < sh.df[j]; k++) out.push(r.deltas(r.uvarint()));
    return out;
  }

  // shardOf returns the shard whose range holds term: its directory
  // from the manifest, then the shard from the directory.
  private async shardOf(term: string): Promise<number> {
    const k = lastAtMost(this.m.shards, term);
    const [firsts] = await this.directory(k);
    return k * this.m.per + lastAtMost(firsts, term);
  }

  private posting(sh: Shard, j: number): Posting {
    const r = new Reader(sh.postings[j]);
    const docs = r.deltas(sh.df[j]);
    return { term: sh.terms[j], docs, impact: r.bytes(sh.df[j]), shard: sh, i: j };
  }

  private async lookup(term: string): Promise<Posting | null> {
    if (this.m.shards.length === 0) return null;
    const sh = await this.shard(await this.shardOf(term));
    const j = sh.index.get(term);
    if (j === undefined) return null;
    // A stem's alias: its postings name the one term it stands for.
    if (sh.df[j] === 0 && term.endsWith(stemMark)) return this.lookup(utf8.decode(sh.postings[j]));
    return this.posting(sh, j);
  }

  private async prefixed(prefix: string): Promise<Posting[]> {
    if (this.m.shards.length === 0) return [];
    const first = await this.shardOf(prefix);
    const ids: number[] = [];
    for (let i = first; i < first + maxPrefixShards; i++) {
      const e = await this.entry(i);
      if (!e || (i > first && !e.first.startsWith(prefix))) break;
      ids.push(i);
    }
    const out: Posting[] = [];
    for (const sh of await Promise.all(ids.map((i) => this.shard(i)))) {
      sh.terms.forEach((t, j) => {
        if (t.length > prefix.length && t.startsWith(prefix) && !t.endsWith(stemMark)) out.push(this.posting(sh, j));
      });
    }
    return topByDF(out);
  }

  // lexicon returns the terms of the typo lexicons of word's first two
  // and last two characters; see typos in generator/search/encode.go.
  private async lexicon(word: string): Promise<string[]> {
    const r = Array.from(word);
    if (r.length < minTypoLen) return [];
    const keys = ["p" + r.slice(0, 2).join(""), "s" + r.slice(-2).join("")];
    const lexicons = await this.typoFiles();
    const files = await Promise.all(
      keys.map((k) => (lexicons.has(k) ? this.file(this.m.typos, lexicons.get(k)!) : Promise.resolve(null))),
    );
    const seen = new Set<string>();
    const out: string[] = [];
    files.forEach((data, i) => {
      if (!data) return;
      const rd = new Reader(data);
      frontCoded(rd, rd.uvarint(), (t) => {
        const term = keys[i][0] === "s" ? reverse(t) : t;
        if (!seen.has(term)) {
          seen.add(term);
          out.push(term);
        }
      });
    });
    return out;
  }

  // typoFiles returns the typo lexicons' spans in the typo pack by key.
  private typoFiles(): Promise<Map<string, Span>> {
    if (!this.typoFilesP) {
      this.typoFilesP = this.file(this.m.typos, this.m.typolist).then((data) => {
        const r = new Reader(data);
        const out = new Map<string, Span>();
        for (let n = r.uvarint(); n > 0; n--) {
          const k = r.string();
          out.set(k, [r.uvarint(), r.uvarint()]);
        }
        return out;
      });
      this.typoFilesP.catch(() => (this.typoFilesP = undefined));
    }
    return this.typoFilesP;
  }

  private async typos(word: string): Promise<Posting[]> {
    const cands = (await this.lexicon(word)).filter((t) => oneEdit(word, t));
    const found = await Promise.all(cands.map((t) => this.lookup(t)));
    return topByDF(found.filter((p): p is Posting => p !== null));
  }

  // suggest returns the query with each word that matched nothing
  // replaced by the most frequent term two edits away, if that finds
  // something; see suggest in generator/search/query.go.
  private async suggest(q: Query, clauses: Clause[], unmatched: number[]): Promise<string | undefined> {
    const words = clauses.map((c) => (c.phrase ? `"${c.terms.join(" ")}"` : c.terms.join(" ")));
    let changed = false;
    for (const ci of unmatched) {
      const c = clauses[ci];
      if (c.phrase) continue;
      const word = c.terms[0];
      const cands = (await this.lexicon(word)).filter((t) => editDistance(word, t) <= 2);
      const ps = await Promise.all(cands.map((t) => this.lookup(t)));
      let best = "";
      let df = 0;
      ps.forEach((p, i) => {
        if (p && p.docs.length > df) {
          best = cands[i];
          df = p.docs.length;
        }
      });
      if (best !== "") {
        words[ci] = best;
        changed = true;
      }
    }
    if (!changed) return undefined;
    const text = words.join(" ") + " ";
    const res = await this.search({ text, filters: q.filters }, false, false);
    return res.hits.length > 0 ? text.trim() : undefined;
  }

  // search runs a query; see the rules in generator/search/query.go.
  // Without counts and filters it leaves the facets file unfetched (the
  // drop-down under the header's box shows neither).
  async search(q: Query, counts = true, suggest = true): Promise<Results> {
    const n = this.m.docs;
    const clauses = parse(q.text);
    const filtered = facetNames.filter((f) => (q.filters[f]?.length ?? 0) > 0);
    const facetsP = counts || filtered.length > 0 ? this.facets() : null;
    const scores = new Float64Array(n);
    const termSet = new Matched(this.stem);
    let match: Uint8Array | null = null;
    const perClause = await Promise.all(
      clauses.map((c) => (c.phrase ? this.phrase(c.terms, termSet) : this.word(c.terms[0], c.prefix, termSet))),
    );
    const required = this.required(clauses);
    const unmatched = perClause.flatMap((best, i) => (best.size === 0 && required[i] ? [i] : []));
    // coverage[d]: the required clauses document d matches.
    const coverage = new Uint16Array(n);
    perClause.forEach((best, i) => {
      for (const [d, v] of best) {
        scores[d] += v;
        if (required[i]) coverage[d]++;
      }
    });
    if (clauses.length > 0) {
      // Documents with every required clause; failing that, with the
      // most of them.
      let want = required.filter((r) => r).length;
      if (!coverage.includes(want)) want = 1;
      match = new Uint8Array(n);
      for (let d = 0; d < n; d++) match[d] = coverage[d] >= want ? 1 : 0;
    }
    const facets = facetsP ? await facetsP : null;
    const tally = {} as Record<Facet, Map<string, number>>;
    for (const f of facetNames) tally[f] = new Map();
    if (!match) {
      if (filtered.length === 0) return { hits: [], counts: tally, terms: termSet };
      match = new Uint8Array(n).fill(1);
    }
    const order = (a: Hit, b: Hit) => coverage[b.doc] - coverage[a.doc] || b.score - a.score;
    const withSuggestion = async (r: Results): Promise<Results> => {
      if (unmatched.length > 0 && suggest) r.suggest = await this.suggest(q, clauses, unmatched);
      return r;
    };
    if (!facets) {
      const hits: Hit[] = [];
      for (let d = 0; d < n; d++) if (match[d]) hits.push({ doc: d, score: scores[d] });
      hits.sort(order);
      return withSuggestion({ hits, counts: tally, terms: termSet });
    }
    // ok[f][d]: document d passes facet f's filter.
    const ok = new Map<Facet, Uint8Array>();
    for (const f of filtered) {
      const keys = q.filters[f]!;
      const pass = new Uint8Array(n);
      for (const v of facets[f]) if (keys.includes(v.key)) for (const d of v.docs) pass[d] = 1;
      ok.set(f, pass);
    }
    const passes = (d: number, except: Facet | "") => {
      for (const [f, pass] of ok) if (f !== except && !pass[d]) return false;
      return true;
    };
    for (const f of facetNames) {
      for (const v of facets[f]) {
        let c = 0;
        for (const d of v.docs) if (match[d] && passes(d, f)) c++;
        if (c > 0) tally[f].set(v.key, c);
      }
    }
    const hits: Hit[] = [];
    for (let d = 0; d < n; d++) if (match[d] && passes(d, "")) hits.push({ doc: d, score: scores[d] });
    hits.sort(order);
    return withSuggestion({ hits, counts: tally, terms: termSet });
  }

  // required tells which clauses a document must match: all but English
  // stop words, unless the query has nothing else; see query.go.
  private required(clauses: Clause[]): boolean[] {
    const req = clauses.map((c) => c.phrase || !this.stem || !stopWords.has(c.terms[0]));
    return req.some((r) => r) ? req : req.map(() => true);
  }

  // stemmed returns the entry of a word's stem; a stem whose one term is
  // the stem itself has none, and is looked up as a term.
  private async stemmed(term: string): Promise<Posting | null> {
    if (!this.stem) return null;
    const st = this.stem(term);
    const p = await this.lookup(st + stemMark);
    return p ?? (st !== term ? this.lookup(st) : null);
  }

  private async word(term: string, prefix: boolean, termSet: Matched): Promise<Map<number, number>> {
    const variants: Posting[] = [];
    const weights: number[] = [];
    const [exact, stemmed, more] = await Promise.all([
      this.lookup(term),
      this.stemmed(term),
      prefix && runes(term) >= minPrefixLen ? this.prefixed(term) : Promise.resolve([]),
    ]);
    if (exact) {
      variants.push(exact);
      weights.push(1);
    }
    if (stemmed && (!exact || stemmed.term !== exact.term)) {
      variants.push(stemmed);
      weights.push(stemWeight);
    }
    for (const p of more) {
      variants.push(p);
      weights.push(prefixWeight);
    }
    if (variants.length === 0 && runes(term) >= minTypoLen) {
      for (const p of await this.typos(term)) {
        variants.push(p);
        weights.push(typoWeight);
      }
    }
    const union = new Set<number>();
    for (const p of variants) for (const d of p.docs) union.add(d);
    const idfAll = idf(this.m.docs, union.size);
    const best = new Map<number, number>();
    variants.forEach((p, i) => {
      termSet.add(p.term);
      const f = weights[i] * idfAll;
      p.docs.forEach((d, j) => {
        const v = p.impact[j] * f;
        if (v > (best.get(d) ?? 0)) best.set(d, v);
      });
    });
    return best;
  }

  private async phrase(words: string[], termSet: Matched): Promise<Map<number, number>> {
    const best = new Map<number, number>();
    const ps = await Promise.all(words.map((w) => this.lookup(w)));
    if (ps.some((p) => p === null)) return best;
    const post = ps as Posting[];
    const pos = await Promise.all(post.map((p) => this.positions(p.shard, p.i)));
    // Candidates: documents with every term, with their positions.
    let cands = new Map<number, { score: number; pos: Uint32Array[] }>();
    const idfs = post.map((p) => idf(this.m.docs, p.docs.length));
    post[0].docs.forEach((d, j) => cands.set(d, { score: post[0].impact[j] * idfs[0], pos: [pos[0][j]] }));
    for (let i = 1; i < post.length; i++) {
      const next = new Map<number, { score: number; pos: Uint32Array[] }>();
      post[i].docs.forEach((d, j) => {
        const c = cands.get(d);
        if (!c) return;
        c.score += post[i].impact[j] * idfs[i];
        c.pos.push(pos[i][j]);
        next.set(d, c);
      });
      cands = next;
    }
    for (const [d, c] of cands) if (adjacent(c.pos)) best.set(d, c.score);
    for (const w of words) termSet.add(w);
    return best;
  }
}

// lastAtMost returns the index of the last of the sorted terms that is at
// most term, or 0.
function lastAtMost(sorted: string[], term: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareTerms(sorted[mid], term) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

function topByDF(ps: Posting[]): Posting[] {
  return ps
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.docs.length - a.p.docs.length || a.i - b.i)
    .slice(0, maxExpansions)
    .map((x) => x.p);
}

function adjacent(pos: Uint32Array[]): boolean {
  for (const p of pos[0]) {
    let ok = true;
    for (let i = 1; i < pos.length && ok; i++) ok = binaryHas(pos[i], p + i);
    if (ok) return true;
  }
  return false;
}

function binaryHas(a: Uint32Array, x: number): boolean {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < a.length && a[lo] === x;
}
