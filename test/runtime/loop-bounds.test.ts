// Every loop of the runtime has a bound; past it the run ends with an internal
// error (LoopBoundError, not a RuntimeError), never a hang.
import { describe, expect, it } from "vitest";
import { createEngine, RuntimeError } from "../../runtime/index";
import { LoopBoundError } from "../../runtime/errors";
import { after, events, moveTo, onOpen, program, rule } from "./program-builder";

describe("loop bounds", () => {
  it("a timer that would not come due after the time that scheduled it is an internal error (a zero delay would fire for ever)", () => {
    // The checker refuses `after 0 minutes` (SC2401); a hand-built IR is the only way here.
    const p = program({
      rules: [
        rule("deal", onOpen("New"), [moveTo("Validation")], { delay: after(0, "minutes") }),
        rule("deal", onOpen("Validation"), [moveTo("New", { allowBack: true })]),
      ],
    });
    const engine = createEngine(p);
    const [created] = events(["2026-01-01T08:00:00Z", "deal/D1", "created", { title: "T", amount: 1, channel: "web", contact: "contact/C", stage: "New" }]);
    let thrown: unknown;
    try {
      engine.process(created!);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LoopBoundError);
    expect(thrown).not.toBeInstanceOf(RuntimeError);
  });
});
