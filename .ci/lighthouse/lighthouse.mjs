// Scores pages of a built site with Lighthouse, on a laptop and on a
// phone, and prints the scores as a Markdown table. Run by ./run, which
// builds the example site first; see there. Not a test: scores depend on
// the machine.
//
//   node lighthouse.mjs --dir public --port 4173 [--readme ../../README.md] PATH...
//
// The site is served the way Netlify serves it: with gzip, and with the
// headers netlify.toml sets (the Content-Security-Policy among them).
// Reports are written to .cache/lighthouse/ for review.

import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { parseArgs } from "node:util";
import lighthouse, { desktopConfig } from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const here = path.dirname(new URL(import.meta.url).pathname);
const repo = path.resolve(here, "../..");

const { values: opts, positionals: pages } = parseArgs({
  options: {
    dir: { type: "string", default: path.join(repo, "public") },
    port: { type: "string", default: "4173" },
    readme: { type: "string" },
    out: { type: "string", default: path.join(repo, ".cache", "lighthouse") },
  },
  allowPositionals: true,
});
if (pages.length === 0) pages.push("/");

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ics": "text/calendar; charset=utf-8",
  ".bin": "application/octet-stream",
};

// netlifyHeaders reads the [[headers]] blocks of netlify.toml: a list of
// {for, values}. It knows only the flat form the file uses.
async function netlifyHeaders() {
  const toml = await fs.readFile(path.join(repo, "netlify.toml"), "utf8");
  const rules = [];
  for (const block of toml.split("[[headers]]").slice(1)) {
    const pattern = /for\s*=\s*"([^"]+)"/.exec(block)?.[1];
    const values = {};
    const body = block.split("[headers.values]")[1] ?? "";
    for (const m of body.matchAll(/^\s*([A-Za-z-]+)\s*=\s*"((?:[^"\\]|\\.)*)"/gm)) values[m[1]] = m[2];
    if (pattern) rules.push({ pattern, values });
  }
  return rules;
}

function matches(pattern, p) {
  return pattern.endsWith("*") ? p.startsWith(pattern.slice(0, -1)) : p === pattern;
}

async function serve(dir, port) {
  const rules = await netlifyHeaders();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let p = decodeURIComponent(url.pathname);
    if (p.endsWith("/")) p += "index.html";
    let file = path.join(dir, path.normalize(p));
    let status = 200;
    let body;
    try {
      body = await fs.readFile(file);
    } catch {
      status = 404;
      file = path.join(dir, "404.html");
      body = await fs.readFile(file).catch(() => Buffer.from("not found"));
    }
    for (const r of rules) if (matches(r.pattern, url.pathname)) for (const [k, v] of Object.entries(r.values)) res.setHeader(k, v);
    res.setHeader("Content-Type", types[path.extname(file)] ?? "application/octet-stream");
    if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      body = zlib.gzipSync(body);
      res.setHeader("Content-Encoding", "gzip");
    }
    res.setHeader("Vary", "Accept-Encoding");
    res.writeHead(status);
    res.end(body);
  });
  await new Promise((ok) => server.listen(Number(port), "127.0.0.1", ok));
  return server;
}

const categories = ["performance", "accessibility", "best-practices", "seo"];

async function main() {
  const server = await serve(path.resolve(opts.dir), opts.port);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  await fs.mkdir(opts.out, { recursive: true });
  const rows = [];
  const failures = [];
  try {
    for (const page of pages) {
      const url = `http://localhost:${opts.port}${page}`;
      const row = { page, scores: {} };
      for (const [device, config] of [["phone", undefined], ["laptop", desktopConfig]]) {
        const result = await lighthouse(url, { port: chrome.port, output: "html", logLevel: "error", onlyCategories: categories }, config);
        const lhr = result.lhr;
        if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
        const name = `${page.replace(/^\/|\/$/g, "").replace(/\//g, "_") || "home"}-${device}`;
        await fs.writeFile(path.join(opts.out, `${name}.html`), result.report);
        row.scores[device] = Object.fromEntries(categories.map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
        for (const c of categories) {
          for (const ref of lhr.categories[c].auditRefs) {
            const a = lhr.audits[ref.id];
            if (ref.weight > 0 && a.score !== null && a.score < 1) failures.push(`${page} (${device}) ${c}: ${a.id}: ${a.title} (${a.displayValue ?? a.score})`);
          }
        }
      }
      rows.push(row);
    }
  } finally {
    await chrome.kill();
    server.close();
  }

  const label = { performance: "Performance", accessibility: "Accessibility", "best-practices": "Best practices", seo: "SEO" };
  let table = `| page | ${categories.map((c) => label[c]).join(" | ")} |\n|---|${categories.map(() => "---").join("|")}|\n`;
  for (const r of rows) {
    table += `| \`${r.page}\` | ${categories.map((c) => `${r.scores.phone[c]} / ${r.scores.laptop[c]}`).join(" | ")} |\n`;
  }
  process.stdout.write(table);
  if (failures.length > 0) process.stderr.write("\nAudits that lost points:\n" + failures.map((f) => "  " + f).join("\n") + "\n");

  if (opts.readme) {
    const readme = await fs.readFile(opts.readme, "utf8");
    const start = "<!-- lighthouse:start -->\n";
    const end = "<!-- lighthouse:end -->";
    const i = readme.indexOf(start);
    const j = readme.indexOf(end);
    if (i < 0 || j < i) throw new Error(`${opts.readme} has no ${start.trim()} ... ${end} section`);
    await fs.writeFile(opts.readme, readme.slice(0, i + start.length) + table + readme.slice(j));
    process.stderr.write(`wrote the scores into ${opts.readme}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
