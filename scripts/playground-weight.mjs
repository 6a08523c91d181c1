// The playground's page weight: every file of the built site (playground/dist),
// raw and gzip-compressed (level 9, as a server would send it), and the total.
// Usage: npm run build:playground && npm run weight:playground
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const dist = join(import.meta.dirname, "..", "playground", "dist");

export function playgroundWeight(folder = dist) {
  const files = [];
  const walk = (path) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.endsWith(".map")) {
        const bytes = readFileSync(full);
        files.push({ file: relative(folder, full), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
      }
    }
  };
  walk(folder);
  files.sort((a, b) => b.gzip - a.gzip);
  const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { files, total };
}

if (process.argv[1] === import.meta.filename) {
  const { files, total } = playgroundWeight();
  const kb = (n) => `${(n / 1024).toFixed(0).padStart(6)} KB`;
  for (const f of files) console.log(`${kb(f.raw)} raw ${kb(f.gzip)} gzip  ${f.file}`);
  console.log(`${kb(total.raw)} raw ${kb(total.gzip)} gzip  total`);
}
