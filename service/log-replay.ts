// One log entry applied to the engine, with the rules of its time: an event is
// processed, a tick fires the timers due, a deploy moves the state to the
// version it names (runtime/versions/deploy-rules.ts). A restart and `log
// replay` read the log through here, so both see what the service did.
import { deployRules, parseInstant, RuntimeError, type Engine, type OutputRecord, type Program } from "../runtime/index";
import { processedEvent } from "./log-entry";
import { deployedVersion, type RuleVersion } from "./store/rule-versions";
import type { LogEntry } from "./store/store";

/** The programs of a workspace's versions, parsed once each. */
export class VersionPrograms {
  private readonly parsed = new Map<number, Program>();
  private readonly byNumber: Map<number, RuleVersion>;

  /** `active`: the program the service was started with, which is the newest version's rules. */
  constructor(
    readonly versions: readonly RuleVersion[],
    active?: Program,
  ) {
    this.byNumber = new Map(versions.map((version) => [version.version, version]));
    const newest = versions[versions.length - 1];
    if (newest && active) this.parsed.set(newest.version, active);
  }

  /** Runs `version` with `program` rather than its stored IR (`log replay` compiles the stored files). */
  use(version: number, program: Program): void {
    this.parsed.set(version, program);
  }

  program(version: number): Program {
    let program = this.parsed.get(version);
    if (!program) {
      const stored = this.byNumber.get(version);
      if (!stored) throw new Error(`the log names version ${version} of the rules, which the store does not hold`);
      program = JSON.parse(stored.rules) as Program;
      this.parsed.set(version, program);
    }
    return program;
  }

  /** The version in force just after the log entry at `position`: the last deployed at or before it. */
  versionAt(position: number): RuleVersion {
    let found = this.versions[0]!;
    for (const version of this.versions) if (version.logPosition <= position) found = version;
    return found;
  }
}

export interface Replayed {
  engine: Engine;
  outputs: OutputRecord[];
}

/** `tick`: how a clock advance runs (the service keeps the outputs before a runtime error, and logs it). */
export function replayEntry(engine: Engine, entry: LogEntry, programs: VersionPrograms, tick: (engine: Engine, entry: LogEntry) => OutputRecord[]): Replayed {
  if (entry.kind === "tick") return { engine, outputs: tick(engine, entry) };
  if (entry.kind === "event") return { engine, outputs: engine.process(processedEvent(entry)) };
  // The deploy is stored: it happened, so its replay is never refused (an older Stagecraft stored deploys it would refuse now).
  const deployed = deployRules(engine, programs.program(deployedVersion(entry)), parseInstant(entry.at), {}, true);
  return { engine: deployed.engine, outputs: deployed.outputs };
}

/** A clock advance; a runtime error (an endless cascade in a timer's rules) keeps what was output before it, as `run` does. */
export function runTick(engine: Engine, entry: LogEntry, onError?: (error: RuntimeError) => void): OutputRecord[] {
  try {
    return engine.advanceTo(entry.at);
  } catch (error) {
    if (!(error instanceof RuntimeError)) throw error;
    onError?.(error);
    return error.outputs;
  }
}
