// The layout rules of docs/formatting.md, one at a time, input beside output.
import { describe, expect, it } from "vitest";
import { formatSource } from "../../../compiler/index";

function fmt(text: string): string {
  const result = formatSource(text, "a.rules");
  expect(result.diagnostics).toEqual([]);
  return result.text;
}

describe("formatting tokens", () => {
  it("normalises durations, times and spacing", () => {
    expect(fmt(`on  deal stage "New"  open after 1 days at 09:05 within working hours->open "Won"`)).toBe(
      `on deal stage "New" open after 1 day at 09:05 within working hours -> open "Won"\n`,
    );
    expect(fmt(`on deal stage "New" open after 2 business day -> open "Won"`)).toBe(
      `on deal stage "New" open after 2 business days -> open "Won"\n`,
    );
    expect(fmt(`on deal stage "New" open after 1 business days -> open "Won"`)).toBe(
      `on deal stage "New" open after 1 business day -> open "Won"\n`,
    );
  });

  it("re-escapes strings canonically", () => {
    expect(fmt(`on deal created -> notify "a@b.example" "say \\"hi\\"\\tand \\u{41}\\\\"`)).toBe(
      `on deal created -> notify "a@b.example" "say \\"hi\\"\\tand A\\\\"\n`,
    );
  });

  it("keeps only the parentheses precedence needs", () => {
    expect(fmt(`on deal updated when ((amount > 1)) and (a or b) -> open "X"`)).toBe(
      `on deal updated when amount > 1 and (a or b) -> open "X"\n`,
    );
    expect(fmt(`on deal updated when not (a and b) or (not c) -> set x = (1 - 2) - (3 - 4) * -(5)`)).toBe(
      `on deal updated when not (a and b) or not c -> set x = 1 - 2 - (3 - 4) * -5\n`,
    );
    expect(fmt(`on deal updated when (a == b) != c and (x in [1, 2]) -> open "X"`)).toBe(
      `on deal updated when (a == b) != c and x in [1, 2] -> open "X"\n`,
    );
    expect(fmt(`on deal updated when not (x not in [1, 2]) or (x+1) not in [3] -> open "X"`)).toBe(
      `on deal updated when not x not in [1, 2] or x + 1 not in [3] -> open "X"\n`,
    );
  });
});

describe("formatting blocks", () => {
  it("lays out declarations one item per line, short sms templates on one line", () => {
    expect(fmt(`team t { "a" "b" }\ntemplate sms "R"   "text"\ntemplate task "T" { type call due 2 day }`)).toBe(
      `team t {\n  "a"\n  "b"\n}\n\ntemplate sms "R" "text"\n\ntemplate task "T" {\n  type call\n  due 2 days\n}\n`,
    );
  });

  it("keeps team members' attributes on the member's line and assignment criteria before the strategy", () => {
    expect(fmt(`team t { "a" {region:north ,level:2} "b" }\non deal created -> assign installer from t where region==(channel) and level == -amount least loaded`)).toBe(
      `team t {\n  "a" { region: north, level: 2 }\n  "b"\n}\n\non deal created -> assign installer from t where region == channel and level == -amount least loaded\n`,
    );
    expect(fmt(`on deal created -> assign installer from t where region == (amount + 1)`)).toBe(
      `on deal created -> assign installer from t where region == (amount + 1)\n`,
    );
  });

  it("prints -> for one arrowed action and a block otherwise", () => {
    expect(fmt(`on deal created { open "A" close "B" }\non deal deleted -> close "A"`)).toBe(
      `on deal created {\n  open "A"\n  close "B"\n}\n\non deal deleted -> close "A"\n`,
    );
  });

  it("prints for each as a block of its own in a rule, on one line in a workflow step", () => {
    const rule = `on contact updated {\n  create task "T"\n  for each deal by billing of contact {\n    // the deal's own field\n    set hot = true\n    for each offer of deal {}\n  }\n}\n`;
    expect(fmt(`on contact updated { create task "T" for  each deal by billing of contact {\n// the deal's own field\nset hot=true for each offer of deal { } } }`)).toBe(rule);
    expect(fmt(rule)).toBe(rule);
    expect(fmt(`on contact updated -> for each deal of contact { set hot = true }`)).toBe(`on contact updated -> for each deal of contact { set hot = true }\n`);
    expect(fmt(`workflow "W" { enroll on contact created  for each deal of contact {notify "a" "b"  set hot=true} }`)).toBe(
      `workflow "W" {\n  enroll on contact created\n  for each deal of contact { notify "a" "b" set hot = true }\n}\n`,
    );
  });

  it("keeps adjacent one-line items together and at most one blank line elsewhere", () => {
    expect(fmt(`on deal created -> open "A"\non deal deleted -> open "B"\n\n\n\non deal updated -> open "C"\n`)).toBe(
      `on deal created -> open "A"\non deal deleted -> open "B"\n\non deal updated -> open "C"\n`,
    );
  });

  it("prints if/else with } else { and empty blocks as {}", () => {
    expect(fmt(`workflow "W" { exit when stage=="Won"  enroll on deal created  wait 1 day exit when amount>5 }`)).toBe(
      `workflow "W" {\n  exit when stage == "Won"\n  enroll on deal created\n  wait 1 day\n  exit when amount > 5\n}\n`,
    );
    expect(fmt(`workflow "W" { enroll on deal created  wait 2 day  at 09:30 within   working hours wait 1 days at 08:00 }`)).toBe(
      `workflow "W" {\n  enroll on deal created\n  wait 2 days at 09:30 within working hours\n  wait 1 day at 08:00\n}\n`,
    );
    expect(fmt(`workflow "W" per deal reentry { enroll on deal updated when amount>1 if a>1 { stop } else { wait 3 hour } }\nevent "x.y" { }`)).toBe(
      `workflow "W" per deal reentry {\n  enroll on deal updated when amount > 1\n  if a > 1 {\n    stop\n  } else {\n    wait 3 hours\n  }\n}\n\nevent "x.y" {}\n`,
    );
  });
});

describe("formatting comments", () => {
  it("keeps leading, trailing, inner and final comments in place", () => {
    const input = `// head
entity deal { // the deal
  title: text   // its title
  // the stages
  pipeline { stage "A" stage "B" // last stage
    // still inside
  }
}
on deal created // first
  // inner
  -> open "A" // second
// tail
`;
    expect(fmt(input)).toBe(`// head
entity deal { // the deal
  title: text // its title
  // the stages
  pipeline {
    stage "A"
    stage "B" // last stage
    // still inside
  }
}

// first
// inner
on deal created -> open "A" // second
// tail
`);
  });

  it("formats a file of comments only, and an empty file", () => {
    expect(fmt("// a\n\n\n// b   \n")).toBe("// a\n\n// b\n");
    expect(fmt("  \n\n")).toBe("");
  });
});

describe("files that do not parse", () => {
  it("are returned unchanged with their syntax errors", () => {
    const broken = `on deal stage "New" open -> \nentity {`;
    const result = formatSource(broken, "a.rules");
    expect(result.text).toBe(broken);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((diagnostic) => diagnostic.file === "a.rules")).toBe(true);
  });
});

describe("words that start items", () => {
  it("never begin a line inside an item, so the output parses back the same", () => {
    const odd = `template task "T" { event "x" due 1 day }\n`;
    expect(fmt(odd)).toBe(odd);
  });
});
