// The search client, loaded by site.ts when the reader first focuses a
// search box (and at once on the search page). See search/ for the
// engine and the interfaces, and generator/search for the index.

import { setupPage, setupPanel } from "./search/ui";

function start(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-search-index]")) {
    if (form.dataset.searchReady) continue;
    form.dataset.searchReady = "true";
    if (form.hasAttribute("data-search-page")) setupPage(form);
    else setupPanel(form);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
