// The query side of generator/search/token.go: the same rules, pinned by
// the same vectors (generator/search/testdata/tokens.json), which the Go
// tests and a browser test both run. Offsets are UTF-16 indexes here.

export const maxTermRunes = 32;

export interface Token {
  term: string;
  start: number;
  end: number;
}

const special: Record<string, string> = {
  "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
  "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
  "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i", "ς": "σ",
};

const markRe = /\p{M}/u;
const marksRe = /\p{M}/gu;
const wordRe = /^[\p{L}\p{N}]+$/u;
const wordCharRe = /[\p{L}\p{N}]/u;
const letterRe = /\p{L}/u;
const digitRe = /\p{N}/u;
const cjkRe = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

// fold returns the searchable form of one character; see token.go.
function fold(c: string): string {
  const s = special[c];
  if (s !== undefined) return s;
  const code = c.charCodeAt(0);
  if (code < 0x80) return c.toLowerCase();
  const d = c.toLowerCase().normalize("NFKD");
  if (!markRe.test(d)) return d.normalize("NFC");
  let out = "";
  for (const x of d.replace(marksRe, "")) out += special[x] ?? x.toLowerCase();
  return out.normalize("NFC");
}

const isWord = (s: string) => wordRe.test(s);
const isWordChar = (c: string | undefined) => c !== undefined && wordCharRe.test(c);
const isLetter = (c: string | undefined) => c !== undefined && letterRe.test(c);
const isDigit = (c: string | undefined) => c !== undefined && digitRe.test(c);
const isCJK = (c: string) => c.codePointAt(0)! >= 0x2e80 && cjkRe.test(c);
const isApostrophe = (c: string) => c === "'" || c === "’";

function charAt(text: string, i: number): string | undefined {
  if (i >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(i)!);
}

function lastChar(s: string): string | undefined {
  const a = Array.from(s);
  return a[a.length - 1];
}

// tokenize splits text into terms with their source offsets.
export function tokenize(text: string): Token[] {
  const toks: Token[] = [];
  let cur = "";
  let n = 0;
  let start = 0;
  let end = 0;
  const flush = () => {
    if (cur !== "") {
      toks.push({ term: cur, start, end });
      cur = "";
      n = 0;
    }
  };
  const add = (s: string, from: number, to: number) => {
    if (cur === "") start = from;
    for (const c of s) {
      if (n < maxTermRunes) {
        cur += c;
        n++;
      }
    }
    end = to;
  };
  for (let i = 0; i < text.length; ) {
    const c = charAt(text, i)!;
    let next = i + c.length;
    if (isCJK(c)) {
      flush();
      add(fold(c), i, next);
      flush();
      i = next;
      continue;
    }
    const f = fold(c);
    if (f === "") {
      if (cur !== "") end = next;
    } else if (isWord(f)) {
      add(f, i, next);
    } else if (isApostrophe(c) && cur !== "" && isLetter(lastChar(cur))) {
      const nc = charAt(text, next);
      if (!isLetter(nc)) {
        flush();
      } else if ((nc === "s" || nc === "S") && !isWordChar(charAt(text, next + 1))) {
        end = next + 1;
        flush();
        next += 1;
      }
    } else if (c === "." && cur !== "" && isDigit(lastChar(cur)) && isDigit(charAt(text, next))) {
      add(".", i, next);
    } else if (wordCharRe.test(f)) {
      for (const fc of f) {
        if (isWordChar(fc)) add(fc, i, next);
        else flush();
      }
    } else {
      flush();
    }
    i = next;
  }
  flush();
  return toks;
}

// terms returns just the terms of text.
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}
