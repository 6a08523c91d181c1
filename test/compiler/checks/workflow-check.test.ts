import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";
import { section4 } from "./language-examples";

describe("WorkflowCheck", () => {
  it("reports per that is neither the enrolling entity nor a reference of it", () => {
    expectAt(`workflow "W" per <|>installer { enroll on deal updated  stop }`, "SC2501");
  });
  it("reports enrollments on different entities", () => {
    expectAt(`workflow "W" { enroll on deal updated  enroll on <|>contact updated  stop }`, "SC2502");
  });
  it("reports a workflow nobody enrolls in", () => {
    expectAt(`workflow <|>"W" per deal { stop }`, "SC2503");
  });
  it("accepts per deal and per contact", () => {
    expectClean(`template email "Follow up" { subject "s" body "b" }\n${section4}`);
  });
});
