// Team members are users, written as quoted logins or e-mails.
import type { Check } from "./context";

export const TeamMemberCheck: Check = {
  name: "TeamMember",
  codes: ["SC2407"],
  nodes: {
    TeamDecl: (team, context) => {
      for (const member of team.members) {
        if (member.missing || (member.value.trim() !== "" && !/\s/.test(member.value))) continue;
        context.error("SC2407", `"${member.value}" is not a user; team members are quoted logins or e-mails without spaces, e.g. "ana@solar.example".`, member);
      }
    },
  },
};
