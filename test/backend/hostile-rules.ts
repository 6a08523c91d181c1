// A rule set whose every quoted name and text tries to break out of a string
// literal, a template literal, a comment or an inline script of the emitted
// module: quotes, backslashes, `${}`, `*/`, line and paragraph separators
// (raw and escaped), `</script>`, a bidirectional override.
import type { SourceText } from "../../compiler/index";

/** The hostile part, as written inside a .rules string (escapes resolved by the grammar). */
const evil = 'q\\"uote \\\\back\\\\slash ${process.exit(1)} `tick` */ /* end\u2028ls\u2029ps \\u{2028}\\u{2029} </script><script>alert(1)</script> \\u{202E}rtl';
/** The same without spaces, for users and team members (which are logins or e-mails). */
const evilUser = 'q\\"u\\\\b${x}`t`*/</script>';

/** The value the grammar reads from `evil`. */
export const evilValue =
  'q"uote \\back\\slash ${process.exit(1)} `tick` */ /* end\u2028ls\u2029ps \u2028\u2029 </script><script>alert(1)</script> \u202Ertl';

export const hostileSources: SourceText[] = [
  {
    path: `sche"ma*/.rules`,
    text: `calendar {
  timezone "Europe/Rome"
}

entity contact {
  name: text
  email: email?
}

entity deal {
  title: text
  amount: money
  channel: enum(web, partner)
  contact: contact
  owner: user?
  pipeline {
    stage "New ${evil}"
    stage "Won ${evil}" won
  }
}

template email "Mail ${evil}" {
  subject "Subject ${evil}"
  body "Body {title} ${evil}"
}
template sms "Sms ${evil}" "Text ${evil} {contact.name}"
team crew { "crew-${evilUser}@x.example" }
event "custom.${evil.replaceAll(" ", "")}" { note: text }
`,
  },
  {
    path: "rules ${x} </script>.rules",
    text: `rule "Rule ${evil}": on deal created when title == "${evil}" or channel in [web] {
  send email "Mail ${evil}" to contact cc "user-${evilUser}@x.example"
  notify "boss-${evilUser}@x.example" "Note ${evil} {title} {contact.name}"
  create activity call "Activity ${evil} {title}"
  assign owner from crew
}
on deal updated when changed(amount) -> move to "Won ${evil}" allow back as "mover ${evil}"
on deal "custom.${evil.replaceAll(" ", "")}" when event.note == "${evil}" -> send sms "Sms ${evil}" to contact
workflow "Flow ${evil}" per deal {
  enroll on deal updated when amount > 10
  notify "flow-${evilUser}@x.example" "Flow note ${evil}"
  if title != "${evil}" {
    send sms "Sms ${evil}" to contact
  }
}
test "Test ${evil}" {
  at 2026-01-01T09:00:00Z "contact/C1" created { name: "${evil}" }
  at 2026-01-01T09:00:00Z "deal/D1" created { title: "${evil}", amount: 5, channel: "web", contact: "contact/C1" }
  expect notify "deal/D1" { text: "Note ${evil} ${evil} ${evil}" }
}
`,
  },
];

/** Events for the hostile rules, with hostile values too; `customEvent` is the declared event's name. */
export function hostileEvents(customEvent: string): string[] {
  const text = evilValue;
  const events = [
    { id: "e1", at: "2026-01-01T09:00:00Z", entity: "contact/C1", type: "created", data: { name: text } },
    { id: "e2", at: "2026-01-01T09:00:00Z", entity: "deal/D1", type: "created", data: { title: text, amount: 5, channel: "web", contact: "contact/C1" } },
    { id: "e3", at: "2026-01-01T10:00:00Z", entity: "deal/D1", type: "updated", data: { amount: 50 } },
    { id: "e4", at: "2026-01-01T11:00:00Z", entity: "deal/D1", type: customEvent, data: { note: text } },
  ];
  return events.map((event) => JSON.stringify(event));
}
