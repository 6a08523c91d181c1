// The examples of docs/language.md are rules the checker accepts and the test
// runner passes; its declarations are the schema the other tests use.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { parse, tokenVocabulary } from "../../grammar/index";
import { runTests } from "../../runtime/index";
import { extraDeclarations, section2 } from "../compiler/checks/language-examples";
import { codeBlocks, readDoc, repositoryRoot } from "./code-blocks";

const page = readDoc("language.md");
const rulesBlocks = codeBlocks(page).filter((block) => block.tag === "rules");
const [declarations, ...examples] = rulesBlocks;

describe("docs/language.md", () => {
  it("shows the declarations of test/fixtures/contract/schema.rules first", () => {
    expect(declarations?.text).toBe(readFileSync(join(repositoryRoot, "test/fixtures/contract/schema.rules"), "utf8"));
  });

  it("has examples that check clean and tests that pass", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    // The examples name a lead entity, a lead field of deal and two templates beyond the declarations.
    const result = compileSources([
      { path: "declarations.rules", text: section2 + extraDeclarations.replace(/^event .*\n/m, "") },
      ...examples.map((block) => ({ path: `language.md:${block.line}`, text: block.text })),
    ]);
    expect(result.diagnostics.map((d) => `${d.file}:${d.range.start.line} ${d.code} ${d.message}`)).toEqual([]);
    const results = runTests(result.program!);
    expect(results.map((test) => test.name)).toEqual(["a reminder four days after the documents were requested"]);
    expect(results.flatMap((test) => test.failures)).toEqual([]);
  });

  it("marks every code block as rules or text", () => {
    expect(codeBlocks(page).filter((block) => block.tag !== "rules" && block.tag !== "text").map((block) => block.line)).toEqual([]);
  });

  it("lists exactly the reserved words no name may use; every other keyword is a name where a name goes", () => {
    const listed = /only `([a-z ]+)` are reserved/.exec(page)?.[1]?.split(" ");
    expect([...(listed ?? [])].sort()).toEqual([...tokenVocabulary.reservedKeywords].sort());
    const asField = (word: string) => parse(`entity thing {\n  ${word}: text\n}\n`, "words.rules").diagnostics;
    for (const word of tokenVocabulary.reservedKeywords) expect(asField(word), word).not.toEqual([]);
    const soft = tokenVocabulary.keywords.filter((word) => !tokenVocabulary.reservedKeywords.includes(word));
    expect(soft.length).toBeGreaterThan(50);
    for (const word of soft) expect(asField(word), word).toEqual([]);
  });
});
