// Runs a Node script in this process and reports its peak resident memory on
// stderr when it ends (portable: no /usr/bin/time needed).
//   node bench/peak-memory.mjs <script.js> [args…]
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on("exit", () => {
  const mb = process.resourceUsage().maxRSS / 1024;
  process.stderr.write(`${mb.toFixed(0)} MB max RSS\n`);
});
await import(pathToFileURL(resolve(script)).href);
