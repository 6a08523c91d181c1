import { describe, expect, it } from "vitest";
import { v8FlagsFor } from "../../cli/v8-tuning";

// a V8 the settings apply to, so these cases do not depend on the Node running the tests
const v8 = "12.4.254.21-node.57";

describe("V8 settings per command", () => {
  it("tunes the short commands an editor runs on every save", () => {
    expect(v8FlagsFor(["check", "rules/"], v8)).toEqual(["--no-turbo-inlining", "--semi-space-growth-factor=1"]);
    expect(v8FlagsFor(["fmt", "--check", "a.rules"], v8)).toEqual(["--no-turbo-inlining", "--semi-space-growth-factor=1"]);
    expect(v8FlagsFor(["check", "--format", "json", "a.rules"], v8)).toContain("--no-turbo-inlining");
  });

  it("leaves V8's defaults to long runs and to help", () => {
    expect(v8FlagsFor(["run", "a.rules", "--events", "e.jsonl"], v8)).toEqual([]);
    expect(v8FlagsFor(["compile", "a.rules"], v8)).toEqual([]);
    expect(v8FlagsFor(["--help"], v8)).toEqual([]);
    expect(v8FlagsFor([], v8)).toEqual([]);
  });
});

describe("V8 settings per V8 version", () => {
  it("applies them only on the V8 lines they were checked on (an unknown flag would print an error)", () => {
    expect(v8FlagsFor(["check", "a.rules"], "11.3.244.8-node.33")).toHaveLength(2);
    expect(v8FlagsFor(["check", "a.rules"], "12.4.254.21-node.57")).toHaveLength(2);
    expect(v8FlagsFor(["check", "a.rules"], "13.6.233.17-node.53")).toHaveLength(2);
    expect(v8FlagsFor(["check", "a.rules"], "14.1.0.0")).toEqual([]);
  });
});
