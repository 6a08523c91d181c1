// `assign … from <team>` must name a declared team.
import type { Check } from "./context";
import { ident, suggestion } from "./suggest";
import { Diagnostics } from "../../diagnostics/messages";

export const UnknownTeamCheck: Check = {
  name: "UnknownTeam",
  codes: ["SC2006"],
  nodes: {
    AssignAction: (action, context) => {
      const team = action.team;
      if (team.missing || context.model.teams.has(team.text)) return;
      context.report(team, Diagnostics.UnknownTeam, { team: team.text, hint: suggestion(team.text, context.model.teams.keys(), ident) });
    },
  },
};
