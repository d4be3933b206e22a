// The English Snowball ("Porter2") stemmer, as github.com/kljensen/snowball
// implements it for the index (generator/search/stem.go): the client must
// reduce a query word to the same stem the index stored. Pinned by the
// stems in generator/search/testdata/tokens.json, which the Go tests and a
// browser test both check.
//
// Only terms of the letters a to z are stemmed (see stemmable); the
// algorithm works on them as a string of ASCII characters, with "Y"
// marking a consonant y as the algorithm's description does.

const special: Record<string, string> = {
  skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie",
  idly: "idl", gently: "gentl", ugly: "ugli", early: "earli", only: "onli",
  singly: "singl", sky: "sky", news: "news", howe: "howe", atlas: "atlas",
  cosmos: "cosmos", bias: "bias", andes: "andes",
  inning: "inning", innings: "inning", outing: "outing", outings: "outing",
  canning: "canning", cannings: "canning", herring: "herring", herrings: "herring",
  earring: "earring", earrings: "earring", proceed: "proceed", proceeds: "proceed",
  proceeded: "proceed", proceeding: "proceed", exceed: "exceed", exceeds: "exceed",
  exceeded: "exceed", exceeding: "exceed", succeed: "succeed", succeeds: "succeed",
  succeeded: "succeed", succeeding: "succeed",
};

const isVowel = (c: string | undefined) => c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y";

// stemmable reports whether the English stemmer applies to a term.
export function stemmable(term: string): boolean {
  return term.length >= 3 && /^[a-z]+$/.test(term);
}

// Word is the word being stemmed, with the starts of its regions R1 and R2.
class Word {
  r1 = 0;
  r2 = 0;
  constructor(public s: string) {}
  get length(): number {
    return this.s.length;
  }
  // firstSuffix returns the first of suffixes the word ends with.
  firstSuffix(...suffixes: string[]): string {
    for (const x of suffixes) if (this.s.endsWith(x)) return x;
    return "";
  }
  replace(n: number, repl: string): void {
    this.s = this.s.slice(0, this.s.length - n) + repl;
    this.r1 = Math.min(this.r1, this.s.length);
    this.r2 = Math.min(this.r2, this.s.length);
  }
}

// vnv returns the index after the first non-vowel that follows a vowel,
// from start on.
function vnv(s: string, start: number): number {
  for (let j = start + 1; j < s.length; j++) if (isVowel(s[j - 1]) && !isVowel(s[j])) return j + 1;
  return s.length;
}

// endsShort reports whether s[:i] ends in a short syllable.
function endsShort(s: string, i: number): boolean {
  if (i === 2) return isVowel(s[0]) && !isVowel(s[1]);
  if (i >= 3) {
    const s1 = s[i - 1];
    return !isVowel(s1) && s1 !== "w" && s1 !== "x" && s1 !== "Y" && isVowel(s[i - 2]) && !isVowel(s[i - 3]);
  }
  return false;
}

const isShortWord = (w: Word) => w.r1 >= w.length && endsShort(w.s, w.length);

function step1a(w: Word): void {
  const x = w.firstSuffix("sses", "ied", "ies", "us", "ss", "s");
  if (x === "sses") w.replace(4, "ss");
  else if (x === "ied" || x === "ies") w.replace(3, w.length > 4 ? "i" : "ie");
  else if (x === "s") {
    for (let i = 0; i < w.length - 2; i++) {
      if (isVowel(w.s[i])) {
        w.replace(1, "");
        return;
      }
    }
  }
}

function step1b(w: Word): void {
  const x = w.firstSuffix("eedly", "ingly", "edly", "ing", "eed", "ed");
  if (x === "") return;
  if (x === "eed" || x === "eedly") {
    if (x.length <= w.length - w.r1) w.replace(x.length, "ee");
    return;
  }
  let vowel = false;
  for (let i = 0; i < w.length - x.length; i++) {
    if (isVowel(w.s[i])) {
      vowel = true;
      break;
    }
  }
  if (!vowel) return;
  const r1 = w.r1;
  const r2 = w.r2;
  w.replace(x.length, "");
  const y = w.firstSuffix("at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt");
  if (y === "") {
    if (isShortWord(w)) {
      w.s += "e";
      w.r1 = w.r2 = w.length;
      return;
    }
  } else if (y === "at" || y === "bl" || y === "iz") {
    w.replace(2, y + "e");
  } else {
    w.replace(1, "");
  }
  w.r1 = Math.min(r1, w.length);
  w.r2 = Math.min(r2, w.length);
}

function step1c(w: Word): void {
  const n = w.length;
  if (n > 2 && (w.s[n - 1] === "y" || w.s[n - 1] === "Y") && !isVowel(w.s[n - 2])) w.replace(1, "i");
}

const step2Repl: Record<string, string> = {
  tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent",
  izer: "ize", ization: "ize", ational: "ate", ation: "ate", ator: "ate",
  alism: "al", aliti: "al", alli: "al", fulness: "ful", ousli: "ous",
  ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble",
  fulli: "ful", lessli: "less",
};

function step2(w: Word): void {
  const x = w.firstSuffix(
    "ational", "fulness", "iveness", "ization", "ousness",
    "biliti", "lessli", "tional", "alism", "aliti", "ation",
    "entli", "fulli", "iviti", "ousli", "anci", "abli",
    "alli", "ator", "enci", "izer", "bli", "ogi", "li",
  );
  if (x === "" || x.length > w.length - w.r1) return;
  const n = w.length;
  if (x === "li") {
    if (n >= 3 && "cdeghkmnrt".includes(w.s[n - 3])) w.replace(2, "");
    return;
  }
  if (x === "ogi") {
    if (n >= 4 && w.s[n - 4] === "l") w.replace(3, "og");
    return;
  }
  w.replace(x.length, step2Repl[x]);
}

const step3Repl: Record<string, string> = {
  ational: "ate", tional: "tion", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "",
};

function step3(w: Word): void {
  const x = w.firstSuffix("ational", "tional", "alize", "icate", "ative", "iciti", "ical", "ful", "ness");
  if (x === "" || x.length > w.length - w.r1) return;
  if (x === "ative") {
    if (w.length - w.r2 >= 5) w.replace(5, "");
    return;
  }
  w.replace(x.length, step3Repl[x]);
}

function step4(w: Word): void {
  const x = w.firstSuffix(
    "ement", "ance", "ence", "able", "ible", "ment",
    "ent", "ant", "ism", "ate", "iti", "ous", "ive",
    "ize", "ion", "al", "er", "ic",
  );
  if (x === "" || x.length > w.length - w.r2) return;
  if (x === "ion") {
    const n = w.length;
    if (n >= 4 && (w.s[n - 4] === "s" || w.s[n - 4] === "t")) w.replace(3, "");
    return;
  }
  w.replace(x.length, "");
}

function step5(w: Word): void {
  const last = w.length - 1;
  if (w.r1 > last) return;
  if (w.s[last] === "e") {
    if (w.r2 <= last || !endsShort(w.s, last)) w.replace(1, "");
  } else if (w.r2 <= last && w.s[last] === "l" && last >= 1 && w.s[last - 1] === "l") {
    w.replace(1, "");
  }
}

// stem returns the English stem of a term, or the term itself when it is
// not stemmable.
export function stem(term: string): string {
  if (!stemmable(term)) return term;
  const sp = special[term];
  if (sp !== undefined && Object.prototype.hasOwnProperty.call(special, term)) return sp;
  // A y at the start or after a vowel is a consonant: "Y".
  let s = "";
  for (let i = 0; i < term.length; i++) {
    const c = term[i];
    s += c === "y" && (i === 0 || isVowel(s[i - 1])) ? "Y" : c;
  }
  const w = new Word(s);
  if (s.startsWith("gener") || s.startsWith("arsen")) w.r1 = 5;
  else if (s.startsWith("commun")) w.r1 = 6;
  else w.r1 = vnv(s, 0);
  w.r2 = vnv(s, w.r1);
  step1a(w);
  step1b(w);
  step1c(w);
  step2(w);
  step3(w);
  step4(w);
  step5(w);
  return w.s.replace(/Y/g, "y");
}
