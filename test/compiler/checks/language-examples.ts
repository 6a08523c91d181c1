// The examples of docs/language.md, with its declarations plus what the examples
// name beyond them (a lead entity, a `lead` reference on deal, the "Welcome" and
// "Follow up" templates). Shared by the clean-check test and the fuzz test.

import { section2Declarations } from "../../fixtures/language-declarations";

// The declarations are the fixture (test/fixtures/contract/schema.rules) with one field added.
const installerField = "  installer: user?\n";
if (section2Declarations.split(installerField).length !== 2) {
  throw new Error("test/fixtures/contract/schema.rules: expected one `installer: user?` line in entity deal, where `lead: lead?` is added");
}

export const section2 = section2Declarations.replace(
  installerField,
  `${installerField}  lead: lead?                     // added: the rule examples attach deals to leads\n`,
);

export const extraDeclarations = `entity lead {
  name: text
  source: enum(web, phone, referral)
  contact: contact?
  pipeline {
    stage "Open"
    stage "Contacted"
    stage "Proposal submitted"
  }
}
template email "Welcome" { subject "Welcome" body "Hello {contact.name}" }
template email "Follow up" { subject "About {title}" body "Any news, {contact.name}?" }
event "webinar.attended" { title: text }
`;

/** The rule examples, each naming its entity. */
export const section3 = `on deal stage "Documentation pending" open after 4 days -> send email "Docs reminder" to contact
on deal stage "Validation" open when channel in [web, partner] {
  assign installer from installers
  send email "Welcome" to contact cc installer
}
on deal invoice.paid -> move to "Won"
on deal email.opened when amount > 1000 -> move to "Documentation pending" allow back as "alice@solar.example"
on lead created when source == web -> create deal with { title: name, lead: this, contact: contact }
on lead stage "Contacted" open -> create task "Call back" for responsible
rule "Proposal sent": on deal created when lead != none -> move lead to "Proposal submitted"
`;

/** The concrete forms of the table of CRM features. */
export const section1 = `on lead created -> create deal
on lead email.received -> move to "Contacted"
on deal "webinar.attended" -> create task "Call back"
on installation stage "Documentation pending" close after 2 hours within working hours -> open "Validation"
`;

export const section4 = `workflow "Service reminder" per deal {
  enroll on deal updated
  send sms "Reminder" to contact
  wait 1 day
  if amount > 1000 {
    send email "Follow up" to contact
  }
}
workflow "Legacy reminder" per contact reentry {
  enroll on deal updated
  send sms "Reminder" to contact
}
`;

/**
 * \`on stage "Documentation pending" close\` without an entity: with the
 * declarations both deal and installation have that stage, so the checker asks
 * for the entity (docs/language.md "Subjects").
 */
export const ambiguousExample = `on stage "Documentation pending" close -> open "Validation"\n`;
