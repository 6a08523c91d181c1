// `assign … from <team>` must name a declared team.
import type { Check } from "./context";
import { ident, suggestion } from "./suggest";

export const UnknownTeamCheck: Check = {
  name: "UnknownTeam",
  codes: ["SC2006"],
  nodes: {
    AssignAction: (action, context) => {
      const team = action.team;
      if (team.missing || context.model.teams.has(team.text)) return;
      context.error("SC2006", `Unknown team ${ident(team.text)}.${suggestion(team.text, context.model.teams.keys(), ident)}`, team);
    },
  },
};
