import { readFileSync, readdirSync } from "node:fs";
import { compileSources } from "../compiler/index";
import { emitModule } from "../compiler/backend/index";
const dir = process.argv[2]!;
const sources = readdirSync(dir).filter((f) => f.endsWith(".rules")).sort().map((f) => ({ path: f, text: readFileSync(`${dir}/${f}`, "utf8") }));
const result = compileSources(sources);
if (!result.program) { console.error(result.diagnostics); process.exit(1); }
const t = Date.now();
process.stdout.write(emitModule(result.program));
console.error("ms", Date.now() - t);
