// The law behind issue 11, item 6: an event written in a test block is accepted
// at `check` exactly when the same event is accepted as a line of an events file.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSources, compileSources } from "../../../compiler/index";
import { validateEventLine } from "../../../runtime/index";
import { section2Declarations } from "../../fixtures/language-declarations";

const program = compileSources([{ path: "declarations.rules", text: section2Declarations }]).program!;

/** A value as the rules write it and as JSON carries it. */
const value = fc.constantFrom<[written: string, json: unknown]>(
  ['"Roof"', "Roof"],
  ['"web"', "web"],
  ['"webb"', "webb"],
  ["web", "web"],
  ["webb", "webb"],
  ["-5", -5],
  ['"New"', "New"],
  ['"Validaton"', "Validaton"],
  ['"contact/C1"', "contact/C1"],
  ['"deal/S2"', "deal/S2"],
  ['"ana@solar.example"', "ana@solar.example"],
  ['"2026-13-01"', "2026-13-01"],
  ["5", 5],
  ["2.5", 2.5],
  ["true", true],
  ["2026-01-05", "2026-01-05"],
);
const key = fc.constantFrom("title", "titel", "amount", "channel", "contact", "installer", "stage", "by", "name", "email", "deal", "invoice", "responsible");
const record = fc.constantFrom("deal/S1", "contact/C1", "installation/I1");
const type = fc.constantFrom("created", "updated", "deleted", "stage.opened", "stage.closed", "invoice.paid", "form.submitted", "email.opened");
const event = fc.record({ record, type, data: fc.uniqueArray(fc.tuple(key, value), { selector: ([name]) => name, maxLength: 4 }) });

describe("a test block's event", () => {
  it("is accepted by check exactly when an events file accepts it", () => {
    fc.assert(
      fc.property(event, ({ record, type, data }) => {
        const written = data.length === 0 ? "" : ` { ${data.map(([name, [text]]) => `${name}: ${text}`).join(", ")} }`;
        const source = `test "T" {\n  at 2026-01-01T09:00Z "${record}" ${type}${written}\n  expect no notify\n}\n`;
        const diagnostics = checkSources([
          { path: "declarations.rules", text: section2Declarations },
          { path: "test.rules", text: source },
        ]).diagnostics.filter((d) => d.file === "test.rules");
        const line = JSON.stringify({ id: "e1", at: "2026-01-01T09:00Z", entity: record, type, data: Object.fromEntries(data.map(([name, [, json]]) => [name, json])) });
        const accepted = !("error" in validateEventLine(program, line));
        expect(diagnostics.map((d) => `${d.code} ${d.message}`), line).toEqual(accepted ? [] : expect.arrayContaining([expect.anything()]));
        // what an events file refuses, check refuses with the same code (the event's first problem)
        const refused = validateEventLine(program, line);
        if ("error" in refused) expect(diagnostics.map((d) => d.code)).toContain(refused.error.code);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
