// The behavioural diff a dry-run deploy answers with: the active rules and the
// new ones each run over every event of the workspace's log, up to its clock,
// compared as `stagecraft diff` compares them (runtime/versions/). It is what
// `stagecraft diff <active> <new> --events <log export> --until <clock>`
// prints as JSON; it costs both runs over the whole log.
import { BehaviourDiffer, PairedEventValidator, VersionRunError, type BehaviourDiff, type Program } from "../runtime/index";
import { exportLog } from "./export-log";
import type { Store } from "./store/store";

export type LogDiff = BehaviourDiff | { error: string };

export async function diffOverLog(store: Store, active: Program, candidate: Program): Promise<LogDiff> {
  const lines: string[] = [];
  const until = await exportLog(store, { event: (line) => lines.push(line) });
  const validator = new PairedEventValidator(active, candidate);
  const differ = new BehaviourDiffer(active, candidate);
  try {
    for (let i = 0; i < lines.length; i++) {
      const checked = validator.check(lines[i]!, i + 1);
      if ("error" in checked) {
        const which = checked.side === undefined ? "" : ` (refused by the ${checked.side === "head" ? "new" : "active"} rules)`;
        return { error: `event ${i + 1} of the log cannot be compared: ${checked.error.message}${which}` };
      }
      differ.process(checked.base, checked.head);
    }
    if (until !== null) differ.advanceTo(until);
  } catch (error) {
    if (!(error instanceof VersionRunError)) throw error;
    return { error: `the ${error.side === "head" ? "new" : "active"} rules stop with runtime error ${error.error.code}: ${error.error.message}` };
  }
  return differ.finish();
}
