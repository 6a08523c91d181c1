// Texts are split at placeholders once (compiler/binder/template-text.ts); the
// checker reads the same scan the runtime's parts come from.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeholdersOf, splitTemplateText } from "../../../compiler/binder/template-text";

const pieces = fc.constantFrom(
  "{", "}", "|", "'", '"', "{a}", "{a.b}", "{a.}", "{1x}", "{{title}}", "x", " ", "{contact.name}", ".", "é",
  "{a|'x'}", '{a|"y z"}', "{a|there}", "{a|}", "{a|''}", "{a.b|'it''s'}",
);

describe("placeholdersOf", () => {
  it("finds the placeholders that splitting the text finds, and the split text reads back as written", () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        const found = placeholdersOf(text);
        const split = splitTemplateText(text);
        const placeholders = split.filter((part) => typeof part !== "string");
        expect(placeholders).toEqual(found.map((p) => (p.default === undefined ? { path: p.path } : { path: p.path, default: p.default })));
        const written = split.map((part) => (typeof part === "string" ? part : found.shift()!.written)).join("");
        expect(written).toBe(text);
      }),
    );
  });

  it("reads a quoted default and keeps any other text after | for the checker", () => {
    expect(placeholdersOf(`Hi {contact.name|'there'}, {title|"your deal"} {x|there} {y|}`)).toEqual([
      { path: ["contact", "name"], default: "there", written: "{contact.name|'there'}", index: 3 },
      { path: ["title"], default: "your deal", written: '{title|"your deal"}', index: 27 },
      { path: ["x"], badDefault: "there", written: "{x|there}", index: 47 },
      { path: ["y"], badDefault: "", written: "{y|}", index: 57 },
    ]);
  });
});
