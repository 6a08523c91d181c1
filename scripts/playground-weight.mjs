// The playground's page weight: every file of the built site (playground/dist),
// raw and gzip-compressed (level 9, as a server would send it), split into what
// the browser fetches when the page opens and what it fetches only on demand
// (the TypeScript tab's chunks, Monaco's editor worker). The e2e page-weight
// test checks this split against what Chromium really fetches.
// Usage: npm run build:playground && npm run weight:playground
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { gzipSync } from "node:zlib";

const dist = join(import.meta.dirname, "..", "playground", "dist");

/** The page starts its checker worker on open; Monaco starts its editor worker only when a feature asks for it. */
const workerStartedOnOpen = /^assets\/check\.worker-[\w-]+\.js$/;

/** The relative modules a built script imports statically (`import"./x.js"`, `from"./x.js"`); `import("./x.js")` is on demand. */
const staticImport = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

/**
 * The files opening the page fetches: the HTML, what it links, what those style
 * sheets link, the checker worker, and every script those scripts import statically.
 */
export function filesFetchedOnOpen(files, read) {
  const onOpen = new Set(["index.html"]);
  const linked = (from, text, pattern) => {
    const found = [];
    for (const [, target] of text.matchAll(pattern)) {
      if (target.startsWith("data:")) continue;
      const file = posix.normalize(posix.join(posix.dirname(from), target));
      if (!onOpen.has(file)) found.push(file);
      onOpen.add(file);
    }
    return found;
  };
  const scripts = [];
  for (const file of linked("index.html", read("index.html"), /(?:src|href)="([^"]+)"/g)) {
    if (file.endsWith(".css")) linked(file, read(file), /url\(["']?([^"')]+)["']?\)/g);
    if (file.endsWith(".js")) scripts.push(file);
  }
  for (const file of files) if (workerStartedOnOpen.test(file)) (onOpen.add(file), scripts.push(file));
  while (scripts.length > 0) {
    const script = scripts.pop();
    for (const imported of linked(script, read(script), staticImport)) scripts.push(imported);
  }
  return onOpen;
}

export function playgroundWeight(folder = dist) {
  const files = [];
  const walk = (path) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.endsWith(".map")) {
        const bytes = readFileSync(full);
        files.push({ file: relative(folder, full).split("\\").join("/"), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
      }
    }
  };
  walk(folder);
  files.sort((a, b) => b.gzip - a.gzip);
  const onOpen = filesFetchedOnOpen(files.map((f) => f.file), (file) => readFileSync(join(folder, file), "utf8"));
  const sum = (list) => list.reduce((total, f) => ({ raw: total.raw + f.raw, gzip: total.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const opening = files.filter((f) => onOpen.has(f.file));
  const onDemand = files.filter((f) => !onOpen.has(f.file));
  return { onOpen: { files: opening, total: sum(opening) }, onDemand: { files: onDemand, total: sum(onDemand) }, total: sum(files) };
}

if (process.argv[1] === import.meta.filename) {
  const { onOpen, onDemand, total } = playgroundWeight();
  const kb = (n) => `${(n / 1024).toFixed(0).padStart(6)} KB`;
  const line = (f, name = f.file) => console.log(`${kb(f.raw)} raw ${kb(f.gzip)} gzip  ${name}`);
  console.log("Fetched when the page opens:");
  for (const f of onOpen.files) line(f);
  line(onOpen.total, "on open");
  console.log("Fetched on demand:");
  for (const f of onDemand.files) line(f);
  line(onDemand.total, "on demand");
  line(total, "all files");
}
