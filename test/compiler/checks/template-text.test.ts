// `notify` texts are checked from their placeholder paths alone; those must be
// the paths the full split (what the runtime renders) finds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeholderPaths, placeholderPathsOf, splitTemplateText } from "../../../compiler/binder/template-text";

const pieces = fc.constantFrom("{", "}", "{a}", "{a.b}", "{a.}", "{1x}", "{{title}}", "x", " ", "{contact.name}", ".", "é");

describe("placeholderPathsOf", () => {
  it("finds the paths that splitting the text finds", () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(placeholderPathsOf(text)).toEqual(placeholderPaths(splitTemplateText(text)));
      }),
    );
  });
});
