import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("WorkingTimeCheck", () => {
  it("reports business days and within working hours when the calendar has no workdays", () => {
    expectAt(
      `calendar { workdays }
on deal stage "New" open after <|>2 business days -> create task "Call back"
on deal stage "New" open <|>after 1 hour within working hours -> create task "Call back"
workflow "W" per deal {
  enroll on deal created
  wait <|>1 business day
  <|>wait 1 hour within working hours
}`,
      "SC2409",
      ["`2 business days` needs working days", "`within working hours` needs working days", "`1 business day` needs working days", "`within working hours` needs working days"],
    );
  });

  it("accepts a calendar without workdays where nothing needs working time", () => {
    expectClean(`calendar { workdays }
on deal stage "New" open after 1 day at 09:00 -> create task "Call back"`);
  });

  it("accepts business days with the default calendar (Monday to Friday)", () => {
    expectClean(`on deal stage "New" open after 2 business days within working hours -> create task "Call back"`);
  });
});
