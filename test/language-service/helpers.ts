// A language service over some files, and a cursor marked `|` in one of them.
import { LanguageService, type Position } from "../../language-service/index";

export const schema = `entity contact {
  name: text
  phone: phone?
}

entity deal {
  title: text
  amount: money
  source: enum(web, phone)
  contact: contact
  pipeline {
    stage "New"
    stage "Won" won
  }
}

template email "Welcome" { subject "Hi" body "Hello" }
template sms "Reminder" "Call us"
team sales { "ann" "bob" }
event "webinar.attended" { topic: text }
`;

/** A service with schema.rules and `rules.rules` holding `text` without its `|`; the cursor is at the `|`. */
export function withCursor(text: string): { service: LanguageService; position: Position } {
  const service = new LanguageService();
  service.setDocument("schema.rules", schema);
  const offset = text.indexOf("|");
  const plain = text.replace("|", "");
  service.setDocument("rules.rules", plain);
  const before = plain.slice(0, offset).split("\n");
  return { service, position: { line: before.length, column: before.at(-1)!.length + 1 } };
}

export function labels(text: string, triggerCharacter?: string): string[] {
  const { service, position } = withCursor(text);
  return service.completions("rules.rules", position, { triggerCharacter }).map((item) => item.label);
}
