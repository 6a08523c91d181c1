// The VS Code extension's generated files stay equal to what the lexer's
// vocabulary gives (`npm run editors:grammar` rewrites them), and its manifest
// points at files that exist.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  asJson, languageConfigurationJson, languageConfigurationPath, textMateGrammar, textMateGrammarPath,
} from "../../scripts/editor-grammar";
import { tokenVocabulary } from "../../grammar/vocabulary";

const root = join(import.meta.dirname, "..", "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

describe("the VS Code extension's files", () => {
  it("has the TextMate grammar generated from the token vocabulary (run `npm run editors:grammar`)", () => {
    expect(read(textMateGrammarPath)).toBe(asJson(textMateGrammar()));
  });

  it("has the language configuration of the playground (run `npm run editors:grammar`)", () => {
    expect(read(languageConfigurationPath)).toBe(asJson(languageConfigurationJson()));
  });

  it("highlights every keyword, and each pattern is a valid regular expression", () => {
    const grammar = JSON.parse(read(textMateGrammarPath)) as { patterns: Array<{ name: string; match: string }> };
    for (const pattern of grammar.patterns) expect(() => new RegExp(pattern.match)).not.toThrow();
    const keywordPatterns = grammar.patterns.filter((p) => p.name.startsWith("keyword.") && p.name !== "keyword.operator.stagecraft");
    for (const word of tokenVocabulary.keywords) expect(keywordPatterns.some((p) => new RegExp(`^(?:${p.match})$`).test(word))).toBe(true);
  });

  it("declares files that exist", () => {
    const manifest = JSON.parse(read("editors/vscode/package.json"));
    const folder = join(root, "editors/vscode");
    expect(existsSync(join(folder, manifest.main))).toBe(true);
    expect(existsSync(join(folder, manifest.contributes.grammars[0].path))).toBe(true);
    expect(existsSync(join(folder, manifest.contributes.languages[0].configuration))).toBe(true);
  });
});
