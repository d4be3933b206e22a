// The site's script on every page: the theme toggle, local times, and the
// loader of the search client. Everything works without it; it only adds.
// (The handbook's menu needs none: it is a <details> element.)

const root = document.documentElement;
const key = "handbook-theme";

// Apply a remembered theme before the page paints; this script is loaded
// in <head> without defer for that reason.
function stored(): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
const initial = stored();
if (initial === "light" || initial === "dark") {
  root.dataset.theme = initial;
}

const systemDark = matchMedia("(prefers-color-scheme: dark)");

function current(): "light" | "dark" {
  const t = root.dataset.theme;
  if (t === "light" || t === "dark") return t;
  return systemDark.matches ? "dark" : "light";
}

// The toggle switches between light and dark. A choice that differs from
// the system's is remembered; choosing what the system prefers forgets
// it, so the site follows the system again.
function setupToggle(): void {
  const button = document.querySelector<HTMLButtonElement>(".theme-toggle");
  if (!button) return;
  const sync = () => button.setAttribute("aria-pressed", String(current() === "dark"));
  button.hidden = false;
  sync();
  systemDark.addEventListener("change", sync);
  button.addEventListener("click", () => {
    const next = current() === "dark" ? "light" : "dark";
    const follow = next === (systemDark.matches ? "dark" : "light");
    if (follow) delete root.dataset.theme;
    else root.dataset.theme = next;
    try {
      if (follow) localStorage.removeItem(key);
      else localStorage.setItem(key, next);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
    sync();
  });
}

// The build writes each zone's offset from UTC ("UTC+01:00"), which
// stays right however old the page; show the reader the time there now,
// and keep it current.
function updateTimes(): void {
  for (const el of document.querySelectorAll<HTMLElement>(".local-time[data-tz]")) {
    try {
      el.textContent = new Intl.DateTimeFormat("en-GB", {
        hour: "2-digit",
        minute: "2-digit",
        timeZone: el.dataset.tz,
      }).format(new Date());
    } catch {
      // An unknown zone keeps its offset.
    }
  }
}

// The search client (search.ts) is loaded only when the reader focuses a
// search box, or at once on the search page. "/" focuses the box.
function setupSearch(): void {
  const forms = document.querySelectorAll<HTMLFormElement>("form[data-search-script]");
  let loading = false;
  const load = () => {
    const src = forms[0]?.dataset.searchScript;
    if (loading || !src) return;
    loading = true;
    const s = document.createElement("script");
    s.src = src;
    s.async = true;
    document.head.appendChild(s);
  };
  for (const f of forms) {
    f.querySelector("input[name=q]")?.addEventListener("focus", load, { once: true });
    if (f.hasAttribute("data-search-page")) load();
  }
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    const input = forms[forms.length - 1]?.querySelector<HTMLInputElement>("input[name=q]");
    if (!input) return;
    e.preventDefault();
    input.focus();
    input.select();
    // Some input methods still send the character after a cancelled
    // keydown; keep it out of the box.
    const swallow = (k: KeyboardEvent) => {
      if (k.key === "/") k.preventDefault();
    };
    addEventListener("keypress", swallow, { capture: true, once: true });
    addEventListener("keyup", () => removeEventListener("keypress", swallow, { capture: true }), { once: true });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setupSearch();
  setupToggle();
  updateTimes();
  setInterval(updateTimes, 30_000);
});
