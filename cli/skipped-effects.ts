// Effects the rules meant to make but could not (an e-mail to a contact the
// record does not have) print nothing on stdout: without --trace they would
// pass unseen. `run` counts them per rule and reason and sums them up on
// stderr at the end, one line each, in the order first met; stdout is untouched.
import { plural } from "../runtime/reporting/plural";

export class SkippedEffects {
  private readonly counts = new Map<string, { rule: string; reason: string; count: number }>();

  readonly count = (rule: string, reason: string): void => {
    const key = `${rule}\u0000${reason}`;
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else this.counts.set(key, { rule, reason, count: 1 });
  };

  summary(): string {
    let text = "";
    for (const { rule, reason, count } of this.counts.values()) {
      text += `stagecraft: rule "${rule}" skipped ${plural(count, "effect")}: ${reason} (--trace shows each)\n`;
    }
    return text;
  }
}
