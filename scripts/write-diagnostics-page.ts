// Writes docs/diagnostics.md from the table of codes (`npm run docs:diagnostics`).
import { writeFileSync } from "node:fs";
import { diagnosticsPage } from "./diagnostics-page";

writeFileSync("docs/diagnostics.md", diagnosticsPage());
console.log("wrote docs/diagnostics.md");
