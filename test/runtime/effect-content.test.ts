// An effect's content for a receiver (runtime/effects/effect-content.ts): the
// template's texts filled from the records, a task's type and its due time in
// the rules' calendar; nothing for an effect whose template or record is not
// there, or whose template has no text (a bare report template).
import { describe, expect, it } from "vitest";
import { createEngine, EffectRenderer, type OutputRecord } from "../../runtime/index";
import { programOf, rulesFolder } from "../service/harness";

const { folder, remove } = rulesFolder({
  "schema.rules": `
calendar {
  timezone "Europe/Vilnius"
  workdays mon tue wed thu fri
}
entity contact {
  name: text
  email: email?
}
entity deal {
  title: text
  contact: contact?
}
template email "Hello" {
  subject "Hello {contact.name}"
  body "About {title}: {contact.name}"
}
template task "Follow up" {
  type todo
  description "Follow up {title}"
  due 2 business days
}
template report "Offer"
template report "Contract" {
  title "Contract for {title}"
}
`,
  "rules.rules": `
on deal created -> send email "Hello" to contact
on deal created -> create task "Follow up"
on deal created -> generate report "Offer"
on deal created -> generate report "Contract"
on deal created -> request signature "Offer" from contact
`,
});
const program = programOf([folder]);
remove();

describe("effect content", () => {
  const engine = createEngine(program);
  const outputs: OutputRecord[] = [
    ...engine.process({ id: "c1", at: "2026-01-02T10:00:00Z", entity: "contact/C1", type: "created", data: { name: "Ana" } }),
    // A Friday: two business days later is the Tuesday, same local time.
    ...engine.process({ id: "d1", at: "2026-01-02T10:00:00Z", entity: "deal/D1", type: "created", data: { title: "Roof", contact: "contact/C1" } }),
    ...engine.process({ id: "d2", at: "2026-01-02T11:00:00Z", entity: "deal/D2", type: "created", data: { title: "Solar" } }),
  ];
  const renderer = new EffectRenderer(program);
  const lookup = (ref: string) => engine.record(ref);
  const effect = (id: string) => outputs.find((output) => output.id === id)!;

  it("fills an email's subject and body from the record and the records it refers to", () => {
    const email = outputs.find((output) => output.type === "email.send")!;
    expect(renderer.render(email, "email", lookup)).toEqual({ subject: "Hello Ana", body: "About Roof: Ana" });
  });

  it("gives a task its type, description and due time in the calendar (business days skip the weekend)", () => {
    const task = outputs.find((output) => output.type === "task.create" && output.entity === "deal/D1")!;
    expect(renderer.render(task, "task", lookup)).toEqual({ description: "Follow up Roof", type: "todo", due: "2026-01-06T10:00:00.000Z" });
  });

  it("gives a report its texts, and nothing (not an empty object) for a template without any", () => {
    const reports = outputs.filter((output) => output.type === "report.generate" && output.entity === "deal/D1");
    expect(reports.map((report) => renderer.render(report, "report", lookup))).toEqual([undefined, { title: "Contract for Roof" }]);
    const signature = outputs.find((output) => output.type === "signature.request" && output.entity === "deal/D1")!;
    expect(renderer.render(signature, "report", lookup)).toBeUndefined();
  });

  it("leaves an empty reference's placeholders empty, and gives nothing for an unknown template or record", () => {
    const task = outputs.find((output) => output.type === "task.create" && output.entity === "deal/D2")!;
    expect(renderer.render(task, "task", lookup)?.description).toBe("Follow up Solar");
    expect(renderer.render({ ...task, data: { template: "Nope" } }, "task", lookup)).toBeUndefined();
    expect(renderer.render(task, "email", lookup)).toBeUndefined();
    expect(renderer.render({ ...effect(task.id), entity: "deal/NONE" }, "task", lookup)).toBeUndefined();
  });
});
