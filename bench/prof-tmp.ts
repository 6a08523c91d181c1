import { readFileSync } from "node:fs";
import { parse } from "../grammar/index";
const text = readFileSync("bench/out/rules-10000.rules", "utf8");
const small = text.slice(0, 120000);
for (const [name, t0] of [["10%", small], ["100%", text]] as const) {
  const t = performance.now();
  parse(t0, "x.rules");
  console.log(name, (performance.now() - t).toFixed(0), "ms");
}
