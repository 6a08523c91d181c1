// Writes the VS Code extension's generated files (`npm run editors:grammar`).
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { asJson, languageConfigurationJson, languageConfigurationPath, textMateGrammar, textMateGrammarPath } from "./editor-grammar";

for (const [path, value] of [[textMateGrammarPath, textMateGrammar()], [languageConfigurationPath, languageConfigurationJson()]] as const) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, asJson(value));
  console.log(`wrote ${path}`);
}
