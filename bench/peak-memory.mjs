// Runs a Node script in this process and reports its peak resident memory and
// CPU time (user + system) on stderr when it ends (portable: no /usr/bin/time needed).
//   node bench/peak-memory.mjs <script.js> [args…]
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on("exit", () => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stderr.write(`${(usage.maxRSS / 1024).toFixed(0)} MB max RSS, ${cpuMs.toFixed(0)} ms CPU\n`);
});
await import(pathToFileURL(resolve(script)).href);
