// Team members are users, written as quoted logins or e-mails.
import type { Check } from "./context";
import { Diagnostics } from "../../diagnostics/messages";

export const TeamMemberCheck: Check = {
  name: "TeamMember",
  codes: ["SC2407"],
  nodes: {
    TeamDecl: (team, context) => {
      for (const member of team.members) {
        if (member.missing || (member.value.trim() !== "" && !/\s/.test(member.value))) continue;
        context.report(member, Diagnostics.MemberNotAUser, { member: member.value });
      }
    },
  },
};
