// `log export`: the accepted events as `run` input, in processing order, each
// at the instant it was processed; the outputs as `run` prints them; and the
// clock the log reached, for `run --until`. Read in one consistent view, so a
// serve writing at the same time (PostgreSQL) cannot split the two files.
import { exportLine } from "./log-entry";
import type { Store } from "./store/store";

const PAGE = 10_000;

export interface ExportSinks {
  event(line: string): void;
  output?(line: string): void;
}

/** Writes the log and (with `sinks.output`) the outputs; returns the clock (the last entry's instant), or null for an empty log. */
export async function exportLog(store: Store, sinks: ExportSinks): Promise<string | null> {
  return store.consistentRead(async (view) => {
    let until: string | null = null;
    for (let after = 0; ; ) {
      const page = await view.readLog(after, PAGE);
      for (const entry of page) {
        if (entry.kind === "event") sinks.event(exportLine(entry));
        until = entry.at;
        after = entry.position;
      }
      if (page.length < PAGE) break;
    }
    if (sinks.output) {
      for (let after = 0; ; ) {
        const page = await view.readOutputs(after, PAGE);
        for (const output of page) {
          sinks.output(output.line);
          after = output.position;
        }
        if (page.length < PAGE) break;
      }
    }
    return until;
  });
}
