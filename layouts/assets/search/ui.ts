// The search interfaces: a drop-down of the best results under the
// header's search box on every page, and the search page with filters,
// counts and more results. Both keep the focus in the box: arrow keys move
// through the results and Enter opens one.

import { Index, facetNames, type DocFile, type Facet, type Hit, type Matched, type Query, type Results } from "./engine";
import { bestSection, excerpt, highlight } from "./excerpt";

const kindLabels: Record<string, string> = {
  page: "Handbook",
  update: "Update",
  decision: "Decision",
  objective: "Objective",
  person: "Person",
  team: "Team",
};
const facetLabels: Record<Facet, string> = {
  kind: "Kind",
  team: "Team",
  author: "Author",
  status: "Status",
  tag: "Tag",
};
const pageSize = 10;
const panelSize = 6;
// A pause this long starts a new history entry for the page's query.
const burstMs = 1500;

let opened: Promise<Index> | null = null;
function open(url: string): Promise<Index> {
  if (!opened) {
    opened = Index.open(url);
    opened.catch(() => (opened = null));
  }
  return opened;
}

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// formatDate writes a document's date (YYYY-MM-DD) as pages do: "20 Nov 2026".
function formatDate(d: string): string {
  const [y, m, day] = d.split("-").map(Number);
  return `${day} ${months[m - 1] ?? ""} ${y}`;
}

// suggestion returns "Did you mean …?" with a link that runs the close
// query the engine found, or null.
function suggestion(res: Results, base: string, input: HTMLInputElement): HTMLElement | null {
  if (!res.suggest) return null;
  const p = el("span", "search-suggest");
  const a = el("a", "", res.suggest);
  a.href = `${base}/search/?q=${encodeURIComponent(res.suggest)}`;
  a.dataset.searchSuggest = res.suggest;
  a.addEventListener("click", (e) => {
    e.preventDefault();
    input.value = res.suggest!;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.focus();
  });
  p.append(" Did you mean ", a, "?");
  return p;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

// renderHit builds one result: <li data-search-result> with a link to the
// page, deep-linked to the best matching heading.
function renderHit(doc: DocFile, terms: Matched, base: string, id: string): HTMLLIElement {
  const li = el("li", "search-result");
  li.dataset.searchResult = "";
  li.id = id;
  li.setAttribute("role", "option");
  li.setAttribute("aria-selected", "false");
  const sec = bestSection(doc, terms);
  const a = el("a", "search-title");
  a.href = base + doc.u + (sec >= 0 ? "#" + encodeURIComponent(doc.s[sec][0]) : "");
  a.append(highlight(doc.t, terms));
  const kind = el("span", "search-kind", kindLabels[doc.k] ?? doc.k);
  const head = el("p", "search-head");
  head.append(a, " ", kind);
  if (doc.d) {
    const time = el("time", "search-date", formatDate(doc.d));
    time.dateTime = doc.d;
    head.append(" ", time);
  }
  li.append(head);
  if (doc.b && doc.b.length > 0) li.append(el("p", "search-byline", doc.b.join(" · ")));
  if (sec >= 0) {
    const s = el("p", "search-section");
    s.append("§ ", highlight(doc.s[sec][1], terms));
    li.append(s);
  }
  const p = el("p", "search-excerpt");
  p.append(excerpt(doc, sec, terms));
  li.append(p);
  return li;
}

async function renderHits(index: Index, hits: Hit[], terms: Matched, base: string, from: number): Promise<HTMLLIElement[]> {
  const docs = await Promise.all(hits.map((h) => index.doc(h.doc)));
  return docs.map((d, i) => renderHit(d, terms, base, `search-result-${from + i}`));
}

// Active tracks the result chosen with the arrow keys.
class Active {
  i = -1;
  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLElement,
  ) {}
  items(): HTMLElement[] {
    return Array.from(this.list.querySelectorAll<HTMLElement>("[data-search-result]"));
  }
  reset(): void {
    this.i = -1;
    this.input.removeAttribute("aria-activedescendant");
  }
  move(delta: number): void {
    const items = this.items();
    if (items.length === 0) return;
    this.i = Math.max(-1, Math.min(items.length - 1, this.i + delta));
    items.forEach((it, j) => it.setAttribute("aria-selected", String(j === this.i)));
    if (this.i < 0) {
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    this.input.setAttribute("aria-activedescendant", items[this.i].id);
    items[this.i].scrollIntoView({ block: "nearest" });
  }
  link(): HTMLAnchorElement | null {
    return this.items()[this.i]?.querySelector("a") ?? null;
  }
}

function keys(active: Active, e: KeyboardEvent, onEnter: () => void): void {
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    active.move(e.key === "ArrowDown" ? 1 : -1);
  } else if (e.key === "Enter") {
    const a = active.link();
    if (a) {
      e.preventDefault();
      location.href = a.href;
    } else {
      onEnter();
    }
  }
}

function setupCombobox(input: HTMLInputElement, list: HTMLElement): void {
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  list.setAttribute("role", "listbox");
}

// setupPanel turns the header's search box into a search with a drop-down
// of the best results. Enter without a chosen result goes to the search
// page, which is also what the form does without JavaScript.
export function setupPanel(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>("input[name=q]");
  const manifest = form.dataset.searchIndex;
  if (!input || !manifest) return;
  const base = form.dataset.searchBase ?? "";
  const panel = el("div", "search-panel");
  panel.hidden = true;
  const list = el("ol", "search-results");
  list.id = "search-panel-results";
  const more = el("a", "search-all");
  panel.append(list, more);
  form.append(panel);
  setupCombobox(input, list);
  const active = new Active(input, list);
  let seq = 0;

  const show = (on: boolean) => {
    panel.hidden = !on;
    input.setAttribute("aria-expanded", String(on));
  };
  const run = async () => {
    const q = input.value;
    const my = ++seq;
    if (q.trim() === "") {
      show(false);
      list.replaceChildren();
      active.reset();
      form.dataset.searchDone = q;
      return;
    }
    const index = await open(manifest);
    const res = await index.search({ text: q, filters: {} }, false);
    if (my !== seq) return;
    const items = await renderHits(index, res.hits.slice(0, panelSize), res.terms, base, 0);
    if (my !== seq) return;
    list.replaceChildren(...items);
    if (items.length === 0) {
      const none = el("li", "search-none", `No results for “${q.trim()}”.`);
      const sug = suggestion(res, base, input);
      if (sug) none.append(sug);
      list.append(none);
    }
    more.href = `${base}/search/?q=${encodeURIComponent(q)}`;
    more.textContent = res.hits.length > panelSize ? `All ${res.hits.length} results →` : "Search page →";
    active.reset();
    show(true);
    form.dataset.searchDone = q;
  };
  input.addEventListener("input", () => void run());
  input.addEventListener("focus", () => {
    if (input.value.trim() !== "") void run();
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      show(false);
      active.reset();
      return;
    }
    keys(active, e, () => {});
  });
  // Enter may also submit the form (some input methods send it as a
  // separate character): a chosen result still wins.
  form.addEventListener("submit", (e) => {
    const a = active.link();
    if (a) {
      e.preventDefault();
      location.href = a.href;
    }
  });
  form.addEventListener("focusout", (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) show(false);
  });
  if (input.value.trim() !== "") void run();
}

// state of the search page, kept in its URL: ?q=...&kind=...&tag=...
interface PageState {
  q: string;
  filters: Partial<Record<Facet, string[]>>;
}

function readURL(): PageState {
  const p = new URLSearchParams(location.search);
  const filters: Partial<Record<Facet, string[]>> = {};
  for (const f of facetNames) {
    const v = p.getAll(f).filter((x) => x !== "");
    if (v.length > 0) filters[f] = v;
  }
  return { q: p.get("q") ?? "", filters };
}

// params serialises a state as the page's query string.
function params(s: PageState): string {
  const p = new URLSearchParams();
  if (s.q !== "") p.set("q", s.q);
  for (const f of facetNames) for (const v of s.filters[f] ?? []) p.append(f, v);
  return p.toString();
}

function writeURL(s: PageState, push: boolean): void {
  const qs = params(s);
  const url = location.pathname + (qs ? "?" + qs : "") + location.hash;
  if (url === location.pathname + location.search + location.hash) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

// setupPage runs the search page: results with excerpts, filters with
// counts, more results on demand, and the query in the URL so that a
// search can be shared and Back returns to the previous one.
export function setupPage(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>("input[name=q]");
  const manifest = form.dataset.searchIndex;
  const app = document.querySelector<HTMLElement>(".search-app");
  if (!input || !manifest || !app) return;
  const base = form.dataset.searchBase ?? "";
  const status = app.querySelector<HTMLElement>(".search-status")!;
  const list = app.querySelector<HTMLElement>(".search-results")!;
  const filtersBox = app.querySelector<HTMLElement>(".search-filters")!;
  const moreButton = app.querySelector<HTMLButtonElement>(".search-more")!;
  document.querySelector<HTMLElement>(".search-fallback")?.setAttribute("hidden", "");
  app.hidden = false;
  setupCombobox(input, list);
  input.setAttribute("aria-expanded", "true");
  const active = new Active(input, list);

  let state = readURL();
  let seq = 0;
  let last: Results | null = null;
  let lastInput = 0;
  input.value = state.q;

  const run = async () => {
    const my = ++seq;
    // Tests and the benchmark wait for data-search-done to name the state.
    const key = params(state);
    const q: Query = { text: state.q, filters: state.filters };
    app.setAttribute("aria-busy", "true");
    const index = await open(manifest);
    const [res, facets] = await Promise.all([index.search(q), index.facets()]);
    if (my !== seq) return;
    const items = await renderHits(index, res.hits.slice(0, pageSize), res.terms, base, 0);
    if (my !== seq) return;
    last = res;
    list.replaceChildren(...items);
    active.reset();
    const text = state.q.trim();
    if (text === "" && Object.keys(state.filters).length === 0) {
      status.textContent = `Search ${index.size} documents.`;
    } else if (res.hits.length === 0) {
      status.textContent = text ? `No results for “${text}”.` : "No results.";
      const sug = suggestion(res, base, input);
      if (sug) status.append(sug);
    } else {
      status.textContent = `${res.hits.length} ${res.hits.length === 1 ? "result" : "results"}${text ? ` for “${text}”` : ""}.`;
    }
    moreButton.hidden = res.hits.length <= pageSize;
    renderFilters(facets, res);
    document.title = (text ? `${text} · ` : "") + document.title.replace(/^.* · (?=Search · )/, "");
    app.removeAttribute("aria-busy");
    form.dataset.searchDone = key;
  };

  const renderFilters = (facets: Awaited<ReturnType<Index["facets"]>>, res: Results) => {
    const groups: HTMLElement[] = [];
    for (const f of facetNames) {
      const chosen = state.filters[f] ?? [];
      const vals = facets[f].filter((v) => res.counts[f].has(v.key) || chosen.includes(v.key));
      if (vals.length === 0) continue;
      if (f !== "kind" && f !== "status") vals.sort((a, b) => (res.counts[f].get(b.key) ?? 0) - (res.counts[f].get(a.key) ?? 0));
      const fs = el("fieldset", "search-facet");
      fs.dataset.facet = f;
      fs.append(el("legend", "", facetLabels[f]));
      vals.forEach((v, i) => {
        const label = el("label", i >= 8 && !chosen.includes(v.key) ? "search-extra" : "");
        const box = el("input");
        box.type = "checkbox";
        box.name = f;
        box.value = v.key;
        box.checked = chosen.includes(v.key);
        box.addEventListener("change", () => {
          const cur = new Set(state.filters[f] ?? []);
          if (box.checked) cur.add(v.key);
          else cur.delete(v.key);
          const filters = { ...state.filters, [f]: [...cur] };
          if (cur.size === 0) delete filters[f];
          state = { q: state.q, filters };
          writeURL(state, true);
          void run();
        });
        label.append(box, " ", v.label, " ", el("span", "count", String(res.counts[f].get(v.key) ?? 0)));
        fs.append(label);
      });
      if (fs.querySelector(".search-extra")) {
        const all = el("button", "search-show-all", `Show all ${vals.length}`);
        all.type = "button";
        all.addEventListener("click", () => {
          fs.classList.add("open");
          all.remove();
        });
        fs.append(all);
      }
      groups.push(fs);
    }
    filtersBox.replaceChildren(...groups);
  };

  moreButton.addEventListener("click", async () => {
    if (!last) return;
    const res = last;
    const from = list.querySelectorAll("[data-search-result]").length;
    const index = await open(manifest);
    const items = await renderHits(index, res.hits.slice(from, from + pageSize), res.terms, base, from);
    if (res !== last) return;
    list.append(...items);
    moreButton.hidden = from + items.length >= res.hits.length;
  });
  input.addEventListener("input", () => {
    const now = performance.now();
    state = { q: input.value, filters: state.filters };
    writeURL(state, now - lastInput > burstMs);
    lastInput = now;
    void run();
  });
  input.addEventListener("keydown", (e) => keys(active, e, () => e.preventDefault()));
  form.addEventListener("submit", (e) => e.preventDefault());
  addEventListener("popstate", () => {
    state = readURL();
    input.value = state.q;
    lastInput = 0;
    void run();
  });
  void run();
}
