import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("PipelineActionCheck", () => {
  it("reports stage actions on an entity without a pipeline", () => {
    expectAt(`on contact created { open <|>"New"
  close <|>"New" }
on contact stage <|>"New" open -> create task "Call back"`, "SC2313", ["`contact` has none"]);
  });
  it("reports move on a parallel pipeline", () => {
    expectAt(`on installation created -> move to <|>"Validation"`, "SC2314", ['open "Validation"']);
  });
  it("accepts open/close on parallel and move on sequential pipelines", () => {
    expectClean(`on installation created { open "Validation"
  close "Scheduling" }
on deal created -> move to "Validation"`);
  });
});
