// The declarations of docs/language.md "Declarations" (plus a lead entity for the rule examples),
// shared by the lowering tests.
export const schema = `calendar {
  timezone "Europe/Rome"
  workdays mon tue wed thu fri
  hours 09:00..18:00
  holiday 2026-12-25
}

entity contact {
  name: text
  email: email?
  phone: phone?
}

entity lead {
  name: text
  source: enum(web, phone, referral)
  contact: contact?
  pipeline {
    stage "New lead"
    stage "Contacted"
    stage "Proposal submitted"
  }
}

entity deal {
  title: text
  amount: money
  channel: enum(web, phone, partner)
  contact: contact
  lead: lead?
  installer: user?
  pipeline {
    stage "New"
    stage "Documentation pending"
    stage "Validation"
    stage "Won" won
    stage "Lost" lost
  }
}

entity installation {
  deal: deal
  pipeline parallel {
    stage "Documentation pending"
    stage "Validation"
    stage "Scheduling"
  }
}

template email "Docs reminder" {
  subject "We still need your documents"
  body "Hello {contact.name}, please send the documents for {title}."
}
template email "Welcome" {
  subject "Welcome"
  body "Hi {contact.name}"
}
template email "Follow up" {
  subject "About {title}"
  body "Hello"
}
template sms "Reminder" "Reminder about {title}"
template task "Call back" { type call  description "Call the client"  due 1 day }
template report "Offer"
team installers { "ana@solar.example" "bo@solar.example" }
event "webinar.attended" { title: text }
`;
