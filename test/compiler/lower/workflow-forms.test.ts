// What the new workflow and text forms lower to: a plain wait and a workflow
// without goals lower exactly as before (their digests, and so fingerprints of
// existing programs, stay); `at`, `within working hours`, goals and placeholder
// defaults appear only where written.
import { describe, expect, it } from "vitest";
import { compileSources } from "../../../compiler/index";
import type { Program } from "../../../runtime/index";
import { schema } from "./schema";

function compile(rules: string): Program {
  const result = compileSources([{ path: "schema.rules", text: schema }, { path: "rules.rules", text: rules }]);
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return result.program!;
}

describe("workflow forms", () => {
  it("lower wait's at (minutes after midnight) and within working hours only when written", () => {
    const [workflow] = compile(`workflow "W" {
  enroll on deal created
  wait 1 day
  wait 2 business days at 09:30 within working hours
  wait 3 hours within working hours
}`).workflows;
    expect(workflow!.steps).toEqual([
      { kind: "wait", duration: { amount: 1, unit: "days" } },
      { kind: "wait", duration: { amount: 2, unit: "business_days" }, at: 570, withinWorkingHours: true },
      { kind: "wait", duration: { amount: 3, unit: "hours" }, withinWorkingHours: true },
    ]);
    expect(Object.keys(workflow!)).not.toContain("exits");
  });

  it("lower goals in written order", () => {
    const [workflow] = compile(`workflow "W" {
  exit when amount > 10
  enroll on deal created
  exit when stage == "Won"
  wait 1 day
}`).workflows;
    expect(workflow!.exits).toEqual([
      { kind: "compare", op: ">", left: { kind: "field", path: ["amount"] }, right: { kind: "literal", value: 10 } },
      expect.objectContaining({ kind: "compare", op: "==" }),
    ]);
  });

  it("lower a placeholder default into the text's part", () => {
    const [rule] = compile(`rule "R": on deal created -> notify responsible "Hi {contact.name|'there'} {title}"`).rules;
    expect(rule!.actions[0]).toMatchObject({ text: ["Hi ", { path: ["contact", "name"], default: "there" }, " ", { path: ["title"] }] });
  });
});
