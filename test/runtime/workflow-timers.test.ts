// A workflow timer belongs to one wait of one instance: when an instance ends
// (finished, or its record deleted) and a new one starts under the same key, the
// old instance's timers must find nothing to resume.
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { formatOutputLine, runEvents, type InputEvent } from "../../runtime/index";

const schema = `
entity contact { name: text  email: email? }
entity deal {
  title: text
  amount: money
  contact: contact
}
template email "E" { subject "s" body "b {title}" }
template sms "S" "x"
`;

function run(workflow: string, events: InputEvent[], until: string): string[] {
  const compiled = compileSources([{ path: "schema.rules", text: schema }, { path: "wf.rules", text: workflow }]);
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return runEvents(compiled.program!, events, { until }).map(formatOutputLine);
}

const at = (time: string): string => `2026-03-02T${time}:00Z`;
const created = (id: string, entity: string, time: string, data: Record<string, string | number>): InputEvent => ({ id, at: at(time), entity, type: "created", data });
const updated = (id: string, entity: string, time: string, data: Record<string, string | number>): InputEvent => ({ id, at: at(time), entity, type: "updated", data });

describe("workflow timers of ended instances", () => {
  it("a timeout of a finished instance does not resume the next instance of the same key", () => {
    const lines = run(
      'workflow "W" per contact reentry {\n  enroll on deal updated\n  send sms "S" to contact\n  wait until amount > 100 timeout 2 days\n  send email "E" to contact\n}\n',
      [
        created("c1", "contact/C1", "10:00", { name: "x", email: "a@b.c" }),
        created("d1", "deal/D1", "10:00", { title: "t", amount: 1, contact: "contact/C1" }),
        created("d2", "deal/D2", "10:00", { title: "t", amount: 1, contact: "contact/C1" }),
        updated("u1", "deal/D1", "11:00", { title: "a" }),
        updated("u3", "deal/D1", "13:00", { amount: 500 }),
        updated("u4", "deal/D2", "14:00", { title: "b" }),
      ],
      "2026-03-10T00:00:00Z",
    );
    const emails = lines.filter((line) => line.includes('"email.send"'));
    expect(emails).toHaveLength(2);
    // D1's wait ended at u3; D2's instance (enrolled at u4) times out two days after u4, caused by u4.
    expect(emails[1]).toContain('"at":"2026-03-04T14:00:00.000Z","entity":"deal/D2"');
    expect(emails[1]).toContain('"cause":"u4"');
  });

  it("a wait of a deleted record's instance does not resume the instance of the record created again", () => {
    const lines = run(
      'workflow "W" per deal {\n  enroll on deal created\n  wait 1 day\n  send email "E" to contact\n}\n',
      [
        created("c1", "contact/C1", "10:00", { name: "x", email: "a@b.c" }),
        created("d1", "deal/D1", "10:00", { title: "t", amount: 1, contact: "contact/C1" }),
        { id: "x", at: at("12:00"), entity: "deal/D1", type: "deleted" },
        created("d2", "deal/D1", "20:00", { title: "t", amount: 1, contact: "contact/C1" }),
      ],
      "2026-03-10T00:00:00Z",
    );
    const emails = lines.filter((line) => line.includes('"email.send"'));
    expect(emails).toHaveLength(1);
    expect(emails[0]).toContain('"at":"2026-03-03T20:00:00.000Z"');
    expect(emails[0]).toContain('"cause":"d2"');
  });
});
