// A deterministic generator of large rule sets for the check benchmark: the
// declarations of docs/language.md "Declarations" plus N rules cycling through every rule form,
// each rule on its own stage pair so that no cycle warnings dominate the work.

export function generateRuleSet(ruleCount: number): string {
  const stageCount = Math.max(4, Math.ceil(ruleCount / 4));
  const lines: string[] = [];
  lines.push(
    'calendar {\n  timezone "Europe/Rome"\n  workdays mon tue wed thu fri\n  hours 09:00..18:00\n  holiday 2026-12-25\n}\n',
    "entity contact {\n  name: text\n  email: email?\n  phone: phone?\n}\n",
    "entity deal {",
    "  title: text",
    "  amount: money",
    "  channel: enum(web, phone, partner)",
    "  contact: contact",
    "  installer: user?",
    "  pipeline {",
  );
  for (let s = 0; s < stageCount; s++) lines.push(`    stage "Stage ${s}"`);
  lines.push("  }\n}\n");
  lines.push(
    'template email "Docs reminder" {\n  subject "We still need your documents"\n  body "Hello {contact.name}, please send the documents for {title}."\n}',
    'template sms "Reminder" "Reminder about {title}"',
    'template task "Call back" { type call  description "Call the client"  due 1 day }',
    'team installers { "ana@solar.example" "bo@solar.example" }\n',
  );
  for (let i = 0; i < ruleCount; i++) {
    const s = i % stageCount;
    const next = (s + 1) % stageCount;
    switch (i % 6) {
      case 0:
        lines.push(`rule "R${i}": on deal stage "Stage ${s}" open after ${1 + (i % 9)} days -> send email "Docs reminder" to contact`);
        break;
      case 1:
        lines.push(`rule "R${i}": on deal stage "Stage ${s}" open when channel in [web, partner] and amount > ${i} {\n  assign installer from installers round robin\n  send sms "Reminder" to contact\n}`);
        break;
      case 2:
        lines.push(`rule "R${i}": on deal invoice.paid when amount >= ${i * 10} -> move to "Stage ${next}"`);
        break;
      case 3:
        lines.push(`rule "R${i}": on deal email.opened when amount > 1000 -> move to "Stage ${next}" allow back as "alice@solar.example"`);
        break;
      case 4:
        lines.push(`rule "R${i}": on deal updated when changed(amount) and previous(amount) < amount -> create task "Call back" for installer`);
        break;
      default:
        lines.push(`rule "R${i}": on deal stage "Stage ${s}" close after 2 business days at 09:00 -> notify installer "Deal {title} left stage ${s}"`);
    }
  }
  return lines.join("\n") + "\n";
}
