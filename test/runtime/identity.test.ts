// Stable identities and the program fingerprint (runtime/program/identity.ts): what
// they depend on, what they ignore, and what a comparison reports.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, digestOf, fnv1a64 } from "../../runtime/program/digest";
import { comparePrograms, programFingerprint, programManifest, ruleIdentities } from "../../runtime/program/identity";
import type { Program, RuleDef } from "../../runtime/program/ir";
import { after, cmp, field, lit, notify, on, onOpen, program, rule, sendEmail, step, wait, workflow } from "./program-builder";

const reminder = () => rule("deal", onOpen("Documentation pending"), [sendEmail("Docs reminder", ["contact"])], { delay: after(4, "days") });
const large = () => rule("deal", on("updated"), [notify("boss@solar.example", "large")], { name: "Large deal", when: cmp(">", field("amount"), lit(5000)) });

describe("fnv1a64", () => {
  it("gives the published 64-bit FNV-1a values of UTF-8 bytes", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("equals the textbook definition (64-bit arithmetic on each UTF-8 byte) on any text", () => {
    const reference = (text: string): string => {
      let hash = 0xcbf29ce484222325n;
      for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return hash.toString(16).padStart(16, "0");
    };
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (text) => {
        expect(fnv1a64(text)).toBe(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  it("hashes the UTF-8 encoding, so text beyond ASCII counts every byte", () => {
    expect(fnv1a64("é")).not.toBe(fnv1a64("e"));
    expect(fnv1a64("😀")).toHaveLength(16);
  });
});

describe("canonicalJson", () => {
  it("sorts object keys and drops absent fields, so key order and undefined never matter", () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: undefined }] })).toBe('{"a":[{"d":null}],"b":1}');
    expect(digestOf({ x: 1, y: "2" })).toBe(digestOf({ y: "2", x: 1 }));
  });
});

describe("rule identities", () => {
  it("are the written name for a named rule and entity#digest of the behaviour for an unnamed one", () => {
    const ids = ruleIdentities([
      { writtenName: "Large deal", rule: large() },
      { writtenName: undefined, rule: reminder() },
    ]);
    expect(ids[0]).toBe("Large deal");
    expect(ids[1]).toMatch(/^deal#[0-9a-f]{16}$/);
  });

  it("of an unnamed rule ignore its name and position and follow what it does", () => {
    const a = reminder();
    const moved = { ...reminder(), name: "other.rules:40", location: { file: "other.rules", line: 40, column: 3 } };
    const longer = rule("deal", onOpen("Documentation pending"), [sendEmail("Docs reminder", ["contact"])], { delay: after(5, "days") });
    expect(a.id).toBe(moved.id);
    expect(ruleIdentities([{ writtenName: undefined, rule: moved }])[0]).toBe(a.id);
    expect(longer.id).not.toBe(a.id);
  });

  it("number identical unnamed rules in declaration order: #2, #3", () => {
    const ids = ruleIdentities([reminder(), reminder(), reminder()].map((r) => ({ writtenName: undefined, rule: r })));
    expect(ids[1]).toBe(`${ids[0]}#2`);
    expect(ids[2]).toBe(`${ids[0]}#3`);
  });

  it("never take a written name, even one spelled like a digest", () => {
    const digestForm = reminder().id;
    const ids = ruleIdentities([
      { writtenName: undefined, rule: reminder() },
      { writtenName: digestForm, rule: large() },
    ]);
    expect(ids).toEqual([`${digestForm}#2`, digestForm]);
  });
});

describe("program fingerprint", () => {
  const base = () => program({ rules: [reminder(), large()], workflows: [workflow("Follow up", "deal", [wait(1, "days"), step(notify("sales@solar.example", "hi"))])] });

  it("ignores positions, the order of rules and a structured copy", () => {
    const p = base();
    const moved: Program = {
      ...structuredClone(p),
      rules: p.rules.map((r) => ({ ...r, location: { ...r.location, line: r.location.line + 7 } })).reverse(),
      workflows: p.workflows.map((w) => ({ ...w, stepLocations: w.steps.map((_, i) => ({ file: "moved.rules", line: 20 + i, column: 3 })) })),
    };
    expect(programFingerprint(moved)).toBe(programFingerprint(p));
    expect(comparePrograms(p, moved)).toEqual({ added: [], removed: [], changed: [] });
  });

  it("changes with what a rule, a workflow or a declaration does", () => {
    const p = base();
    const fingerprint = programFingerprint(p);
    const threshold: Program = { ...p, rules: [p.rules[0]!, { ...p.rules[1]!, condition: cmp(">", field("amount"), lit(9000)) }] };
    const flow: Program = { ...p, workflows: [{ ...p.workflows[0]!, reentry: true }] };
    const calendar: Program = { ...p, calendar: { ...p.calendar, timezone: "Europe/Berlin" } };
    const template: Program = { ...p, templates: p.templates.map((t) => (t.name === "Welcome" ? { ...t, properties: { subject: ["Hi"] } } : t)) };
    for (const other of [threshold, flow, calendar, template]) expect(programFingerprint(other)).not.toBe(fingerprint);
    expect(comparePrograms(p, threshold)).toEqual({ added: [], removed: [], changed: ['rule "Large deal"'] });
    expect(comparePrograms(p, flow).changed).toEqual(['workflow "Follow up"']);
    expect(comparePrograms(p, calendar).changed).toEqual(["calendar"]);
    expect(comparePrograms(p, template).changed).toEqual(['email template "Welcome"']);
  });

  it("reports a rule added above another as added, not as a shift of the rules below", () => {
    const p = base();
    const added: RuleDef = rule("deal", on("created"), [notify("ops@solar.example", "new")], { name: "New deal" });
    const edited: Program = { ...p, rules: [added, ...p.rules] };
    expect(comparePrograms(p, edited)).toEqual({ added: ['rule "New deal"'], removed: [], changed: [] });
    expect(comparePrograms(edited, p)).toEqual({ added: [], removed: ['rule "New deal"'], changed: [] });
  });

  it("names an unnamed rule by where it is written, and compares saved manifests as well as programs", () => {
    const p = base();
    const unnamed = p.rules[0]!;
    const without: Program = { ...p, rules: [p.rules[1]!] };
    const manifest = JSON.parse(JSON.stringify(programManifest(p))) as ReturnType<typeof programManifest>;
    expect(comparePrograms(manifest, without)).toEqual({ added: [], removed: [`rule at ${unnamed.name}`], changed: [] });
  });
});
