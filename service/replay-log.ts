// `log replay`: recomputes every stored output from the log, each entry with
// the rules of its time (log-replay.ts), and compares them, in order, with
// what the store holds. A self-check after an upgrade of Stagecraft: the same
// log and rules must give the same outputs, so each version's stored files are
// compiled again by this Stagecraft (its stored IR is used only for a version
// without files, or whose files no longer compile). Read in one consistent
// view; the outputs are compared page by page, never all held.
import { compileSources } from "../compiler/index";
import { createEngine, formatOutputLine, type Engine } from "../runtime/index";
import { runTick, replayEntry, VersionPrograms } from "./log-replay";
import { storedRules } from "./rules-identity";
import { readVersions, type RuleVersion } from "./store/rule-versions";
import type { Store, StoredOutput } from "./store/store";

const PAGE = 10_000;
/** Differences listed; the rest are counted. */
export const LISTED_DIFFERENCES = 10;

export interface OutputDifference {
  /** The output position (1-based, as GET /v1/outputs numbers them). */
  position: number;
  /** The stored line; null when the replay gives more outputs than are stored. */
  stored: string | null;
  /** The replayed line; null when the replay gives fewer. */
  replayed: string | null;
}

/** A version not replayed from its files as compiled now, and why. */
export interface VersionNote {
  version: number;
  /** `no files`: stored before files were kept; `errors`: its files do not compile now (replayed with the stored IR); `other IR`: they compile to other IR than stored (replayed with the new). */
  note: "no files" | "errors" | "other IR";
  errors?: number;
}

export interface ReplayReport {
  entries: number;
  deploys: number;
  versions: number;
  /** Versions whose stored files were compiled and replayed. */
  compiled: number;
  notes: VersionNote[];
  outputs: number;
  /** How many positions differ; the first LISTED_DIFFERENCES of them in `differences`. */
  differing: number;
  differences: OutputDifference[];
}

export async function replayLog(store: Store): Promise<ReplayReport> {
  return store.consistentRead(async (view) => {
    const versions = await storedVersions(view);
    const programs = new VersionPrograms(versions);
    const report: ReplayReport = { entries: 0, deploys: 0, versions: versions.length, compiled: 0, notes: [], outputs: 0, differing: 0, differences: [] };
    for (const version of versions) compileVersion(version, programs, report);
    let engine: Engine = createEngine(programs.program(versions[0]!.version));
    const stored = new StoredOutputs(view);
    const compare = (replayed: string | null, expected: StoredOutput | undefined, position: number) => {
      if (expected?.line === replayed) return;
      report.differing++;
      if (report.differences.length < LISTED_DIFFERENCES) report.differences.push({ position, stored: expected?.line ?? null, replayed });
    };
    for (let after = 0; ; ) {
      const page = await view.readLog(after, PAGE);
      for (const entry of page) {
        const replayed = replayEntry(engine, entry, programs, (ticking, tick) => runTick(ticking, tick));
        engine = replayed.engine;
        for (const output of replayed.outputs) {
          report.outputs++;
          compare(formatOutputLine(output), await stored.next(), report.outputs);
        }
        report.entries++;
        if (entry.kind === "deploy") report.deploys++;
        after = entry.position;
      }
      if (page.length < PAGE) break;
    }
    for (let extra = await stored.next(); extra; extra = await stored.next()) compare(null, extra, extra.position);
    return report;
  });
}

/** Compiles a version's stored files with this Stagecraft, for the replay to run them; notes a version it cannot. */
function compileVersion(version: RuleVersion, programs: VersionPrograms, report: ReplayReport): void {
  if (version.sources.length === 0) {
    report.notes.push({ version: version.version, note: "no files" });
    return;
  }
  const { program, diagnostics } = compileSources(version.sources.map(({ path, text }) => ({ path, text })));
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  if (errors > 0 || !program) {
    report.notes.push({ version: version.version, note: "errors", errors });
    return;
  }
  programs.use(version.version, program);
  report.compiled++;
  if (storedRules(program) !== version.rules) report.notes.push({ version: version.version, note: "other IR" });
}

/** The versions; a store written before versions were kept has its one set of rules. */
async function storedVersions(store: Store): Promise<RuleVersion[]> {
  const present = await store.driver.query("SELECT to_regclass('stagecraft_versions') IS NOT NULL AS present");
  if (present[0]?.present === true) {
    const versions = await readVersions(store);
    if (versions.length > 0) return versions;
  }
  const rules = await store.rules();
  if (!rules) throw new Error("the store holds no rules");
  return [{ version: 1, fingerprint: rules.fingerprint, rules: rules.rules, sources: [], logPosition: 0, at: null }];
}

/** The stored outputs in order, a page at a time. */
class StoredOutputs {
  private page: StoredOutput[] = [];
  private index = 0;
  private after = 0;
  private done = false;

  constructor(private readonly store: Store) {}

  async next(): Promise<StoredOutput | undefined> {
    if (this.index >= this.page.length) {
      if (this.done) return undefined;
      this.page = await this.store.readOutputs(this.after, PAGE);
      this.index = 0;
      this.done = this.page.length < PAGE;
      if (this.page.length === 0) return undefined;
      this.after = this.page[this.page.length - 1]!.position;
    }
    return this.page[this.index++];
  }
}
