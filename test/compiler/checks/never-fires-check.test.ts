import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("NeverFiresCheck", () => {
  it("warns about conditions that are always false and constant becomes", () => {
    const found = expectAt(`on deal created when <|>1 > 2 -> create task "Call back"
on deal becomes <|>true -> create task "Call back"
on deal created when <|>amount > 1 and false -> create task "Call back"`, "SC2602");
    for (const diagnostic of found) if (diagnostic.severity !== "warning") throw new Error("expected warnings");
  });
  it("stays quiet about conditions that read data", () => {
    expectClean(`on deal becomes amount > 1000 -> create task "Call back"`);
  });
});
