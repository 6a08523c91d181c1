import { describe, expect, it } from "vitest";
import { v8FlagsFor } from "../../cli/v8-tuning";

describe("V8 settings per command", () => {
  it("tunes the short commands an editor runs on every save", () => {
    expect(v8FlagsFor(["check", "rules/"])).toEqual(["--no-turbo-inlining", "--semi-space-growth-factor=1"]);
    expect(v8FlagsFor(["fmt", "--check", "a.rules"])).toEqual(["--no-turbo-inlining", "--semi-space-growth-factor=1"]);
    expect(v8FlagsFor(["check", "--format", "json", "a.rules"])).toContain("--no-turbo-inlining");
  });

  it("leaves V8's defaults to long runs and to help", () => {
    expect(v8FlagsFor(["run", "a.rules", "--events", "e.jsonl"])).toEqual([]);
    expect(v8FlagsFor(["compile", "a.rules"])).toEqual([]);
    expect(v8FlagsFor(["--help"])).toEqual([]);
    expect(v8FlagsFor([])).toEqual([]);
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
