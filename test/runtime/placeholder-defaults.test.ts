// `{path|'default'}`: none and empty text print the default, any other value
// prints itself; in notify and activity texts and in texts written by `set` and
// `create … with`.
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/index";
import { runEvents, type InputEvent } from "../../runtime/index";

const rules = `
entity contact { name: text?  email: email? }
entity deal {
  title: text
  note: text?
  contact: contact?
}
entity task_note { deal: deal  text: text }
on deal created {
  notify "desk@x.example" "Hi {contact.name|'there'}, about {title|\\"a deal\\"}"
  set note = "for {contact.name|'someone'}"
  create task_note with { deal: this, text: "{note|'no note'} / {contact.email|'no e-mail'}" }
  create activity call "Call {contact.name|'the client'}"
}
`;

function outputs(events: InputEvent[]) {
  const compiled = compileSources([{ path: "defaults.rules", text: rules }]);
  expect(compiled.diagnostics).toEqual([]);
  return runEvents(compiled.program!, events).map((o) => ({ type: o.type, data: o.data }));
}

describe("placeholder defaults", () => {
  it("print the default for none and for empty text", () => {
    const out = outputs([
      { id: "c1", at: "2026-01-01T09:00:00Z", entity: "contact/C1", type: "created", data: { name: "" } },
      { id: "d1", at: "2026-01-01T09:00:00Z", entity: "deal/D1", type: "created", data: { title: "Roof", contact: "contact/C1" } },
      { id: "d2", at: "2026-01-01T09:00:00Z", entity: "deal/D2", type: "created", data: { title: "" } },
    ]);
    expect(out).toContainEqual({ type: "notify", data: { to: "desk@x.example", text: "Hi there, about Roof" } });
    expect(out).toContainEqual({ type: "notify", data: { to: "desk@x.example", text: "Hi there, about a deal" } });
    expect(out).toContainEqual({ type: "updated", data: { note: "for someone" } });
    expect(out).toContainEqual({ type: "activity.create", data: { kind: "call", text: "Call the client" } });
    // `create … with` reads the record as `set` left it.
    expect(out.filter((o) => o.type === "created").map((o) => o.data["text"])).toEqual(["for someone / no e-mail", "for someone / no e-mail"]);
  });

  it("print the value when there is one", () => {
    const out = outputs([
      { id: "c1", at: "2026-01-01T09:00:00Z", entity: "contact/C1", type: "created", data: { name: "Ana", email: "ana@x.example" } },
      { id: "d1", at: "2026-01-01T09:00:00Z", entity: "deal/D1", type: "created", data: { title: "Roof", contact: "contact/C1" } },
    ]);
    expect(out).toContainEqual({ type: "notify", data: { to: "desk@x.example", text: "Hi Ana, about Roof" } });
    expect(out).toContainEqual({ type: "updated", data: { note: "for Ana" } });
    expect(out).toContainEqual({ type: "activity.create", data: { kind: "call", text: "Call Ana" } });
    expect(out.find((o) => o.type === "created")?.data["text"]).toBe("for Ana / ana@x.example");
  });
});
