// The live service over one store: accepts events, fires timers at the wall
// clock, stores each log entry with the outputs it produced, and answers
// reads. The engine is a fold of the log: on start (and after any failed
// write) it is rebuilt from the newest snapshot plus the log after it, so it
// never holds what the store does not. Work that changes the engine runs one
// piece at a time (`exclusive`); HTTP is elsewhere (http.ts).
import type { Logger } from "pino";
import {
  appendAll,
  canonicalJson,
  createEngine,
  deployRules,
  formatOutputLine,
  planMigration,
  type Deployed,
  type MigrationPlan,
  hasOutputIdForm,
  parseInstant,
  RuntimeError,
  SnapshotAssembler,
  SnapshotError,
  snapshotHead,
  snapshotParts,
  UnfitStateError,
  validateEventLine,
  type Engine,
  type InputEvent,
  type OutputRecord,
  type Program,
  type RecordState,
  type Snapshot,
  type SnapshotHead,
  type SnapshotPart,
} from "../runtime/index";
import { systemClock, type Clock } from "./clock";
import { Diagnostics } from "../diagnostics/messages";
import { DetailedRequestError, refuse, RequestError } from "./errors";
import type { BatchItem } from "./event-batch";
import { replayEntry, runTick, VersionPrograms } from "./log-replay";
import { deployEntry, fillFirstSources, readVersions, saveDeploy, saveFirstVersion, type RuleVersion } from "./store/rule-versions";
import { diffOverLog, type LogDiff } from "./log-diff";
import { describeRuleChanges, rulesFingerprint, storedRules } from "./rules-identity";
import { EventIdTakenError, ServeError } from "./store/errors";
import type { LogEntry, Store, StoredOutput, StoredSnapshot } from "./store/store";
import type { Outbox } from "./webhooks/outbox";

/** Events more than this far ahead of the wall clock are refused (SC3013). */
export const FUTURE_LIMIT_MS = 5 * 60_000;
/**
 * Log entries between snapshots: bounds what a restart replays, while a
 * snapshot (which holds every record: written part by part beside the work,
 * it still costs time in proportion to the state) stays rare enough not to
 * take much of the service's time.
 */
export const DEFAULT_SNAPSHOT_EVERY = 50_000;
const REPLAY_PAGE = 10_000;
/** Snapshot parts read per query; the next page is asked for while one is parsed. */
const SNAPSHOT_PAGE = 8;
/** Timer firings stored per transaction; more due at once go on in the next. */
const TICKS_PER_WRITE = 1_000;
const RETRY_MS = 1_000;
/** Events written in one group commit at most. */
const GROUP_EVENTS = 10_000;
/** How many ids of recent events are remembered to tell a likely duplicate (a client's retry) without asking the store. */
const RECENT_IDS = 200_000;

export interface ServiceOptions {
  program: Program;
  /** The files `program` was compiled from: stored as version 1's when the workspace starts (or its version 1 lacks them). */
  sources?: RuleVersion["sources"];
  store: Store;
  clock?: Clock;
  logger?: Logger;
  snapshotEvery?: number;
  /** Webhook deliveries, written with the outputs (service/webhooks/). */
  outbox?: Outbox;
}

/** What a deploy did, or with a dry run would do (docs/service.md "Deploys"). */
export interface DeployAnswer {
  /** The version deployed, or that the deploy would make; the active one when the rules are the same. */
  version: number;
  fingerprint: string;
  /** The service's clock the deploy happens (or would happen) at. */
  at: string;
  deployed: boolean;
  /** The rules are the active version's: nothing to deploy. */
  unchanged: boolean;
  plan: MigrationPlan;
  /** The outputs the deploy stores (or would store), as `run` prints them. */
  outputs: string[];
  /** Dry run: the behavioural diff over the log (service/log-diff.ts). */
  diff?: LogDiff;
  /** Dry run: the refusal the deploy would get (SC4008: records the new rules cannot hold, listed in `plan.schema`). */
  refused?: { code: string; message: string };
}

export interface VersionsAnswer {
  active: number;
  versions: Array<{ version: number; fingerprint: string; at: string | null; logPosition: number; files: string[] }>;
}

export interface AcceptResult {
  accepted: Array<{ id: string; position: number }>;
  duplicates: string[];
}

export interface Health {
  status: "ok";
  clock: string | null;
  events: number;
  outputs: number;
}

/** The engine and the committed positions it stands at. */
interface Replica {
  engine: Engine;
  /** The instant of the last processed entry; the service's clock never goes back past it. */
  clock: number | null;
  logPosition: number;
  outputPosition: number;
  events: number;
  sinceSnapshot: number;
}

/** A snapshot taken at a committed position, to be written. */
interface TakenSnapshot {
  snapshot: Snapshot;
  logPosition: number;
  outputPosition: number;
  events: number;
}

/** A request waiting for the next group commit. */
interface PendingRequest {
  checked: CheckedEvent[];
  resolve: (result: AcceptResult) => void;
  reject: (error: unknown) => void;
}

interface CheckedEvent {
  line: number;
  event: InputEvent;
  /** The event as stored (JSON.stringify of the checked event). */
  json: string;
}

export class RulesService {
  private replica: Replica | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private cancelWake: (() => void) | undefined;
  private readonly outputWaiters = new Set<() => void>();
  /** The snapshot being written beside the work, if one is. */
  private snapshotWrite: Promise<void> | undefined;
  private readonly pending: PendingRequest[] = [];
  /** Ids accepted by this process or replayed since the last snapshot, oldest first. */
  private readonly recentIds = new Set<string>();
  private closed = false;
  private readonly clock: Clock;
  private readonly snapshotEvery: number;
  private readonly logger: Logger | undefined;
  private readonly outbox: Outbox | undefined;
  /** The files the service was started with (version 1's, for a new workspace). */
  private readonly sources: RuleVersion["sources"];
  /** The rules of every version, read at each rebuild; a deploy adds its own. */
  private programs: VersionPrograms | undefined;

  private constructor(
    /** The active version's rules: a deploy replaces them. */
    private program: Program,
    private readonly store: Store,
    options: ServiceOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.snapshotEvery = options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
    this.logger = options.logger;
    this.outbox = options.outbox;
    this.sources = options.sources ?? [];
  }

  /** Migrates the store, checks it was written by these rules, and rebuilds the engine from it. */
  static async open(options: ServiceOptions): Promise<RulesService> {
    const service = new RulesService(options.program, options.store, options);
    await service.store.migrate();
    await service.checkRules();
    await service.ready();
    return service;
  }

  get storeDescription(): string {
    return this.store.description;
  }

  /** The active rules' fingerprint. */
  get fingerprint(): string {
    return rulesFingerprint(this.program);
  }

  // ------------------------------------------------------------ writes

  /**
   * Stores and processes the new events of a request, all or none; duplicates
   * are reported, not processed again. Requests that arrive while a write is
   * in flight are written together in the next one (group commit): each is
   * still all or none and answered only once stored.
   */
  accept(items: readonly BatchItem[]): Promise<AcceptResult> {
    const checked = this.check(items);
    return new Promise((resolve, reject) => {
      this.pending.push({ checked, resolve, reject });
      if (this.pending.length === 1) this.writeLater();
    });
  }

  private writeLater(): void {
    this.exclusive(() => this.writePending()).catch((error) => this.logError("writing events failed", error));
  }

  private async writePending(): Promise<void> {
    let events = 0;
    let taken = 0;
    while (taken < this.pending.length && (taken === 0 || events + this.pending[taken]!.checked.length <= GROUP_EVENTS)) events += this.pending[taken++]!.checked.length;
    const group = this.pending.splice(0, taken);
    if (this.pending.length > 0) this.writeLater();
    try {
      const results = await this.writeGroup(group);
      group.forEach((request, index) => {
        const result = results[index]!;
        if (result instanceof RequestError) request.reject(result);
        else request.resolve(result);
      });
    } catch (error) {
      for (const request of group) request.reject(error);
    }
  }

  /**
   * A group with no recently seen id is taken as new without asking the store
   * (one round trip less); if an id turns out stored long ago, the append
   * fails whole, the engine is rebuilt and the group is done again with the
   * store's answer.
   */
  private async writeGroup(group: readonly PendingRequest[]): Promise<Array<AcceptResult | RequestError>> {
    const ids = group.flatMap((request) => request.checked.map((item) => item.event.id));
    if (!ids.some((id) => this.recentIds.has(id))) {
      try {
        return await this.processGroup(group, new Map(), false);
      } catch (error) {
        if (!(error instanceof EventIdTakenError)) throw error;
      }
    }
    const stored = await this.guard(() => this.store.storedEvents(ids));
    return this.processGroup(group, stored, true);
  }

  /** `lookedUp`: `stored` is the store's answer for the group's ids (not the guess that none is stored). */
  private async processGroup(group: readonly PendingRequest[], stored: ReadonlyMap<string, string>, lookedUp: boolean): Promise<Array<AcceptResult | RequestError>> {
    const replica = await this.ready();
    const known = new Map(stored);
    const entries: LogEntry[] = [];
    const outputs: StoredOutput[] = [];
    const results: Array<AcceptResult | RequestError> = [];
    let position = replica.logPosition;
    let outputPosition = replica.outputPosition;
    let clock = replica.clock;
    let events = 0;
    for (const request of group) {
      let split: { fresh: CheckedEvent[]; duplicates: string[] };
      try {
        split = splitDuplicates(request.checked, known);
      } catch (error) {
        if (!(error instanceof RequestError)) throw error;
        results.push(error);
        continue;
      }
      const accepted: AcceptResult["accepted"] = [];
      for (const { line, event, json } of split.fresh) {
        const instant = parseInstant(event.at);
        const at = clock !== null && instant < clock ? clock : instant;
        const atText = new Date(at).toISOString();
        let produced: OutputRecord[];
        try {
          produced = replica.engine.process(at === instant ? event : { ...event, at: atText });
        } catch (error) {
          // The engine changed part way: rebuild it from the store, where nothing of this group is.
          this.replica = undefined;
          if (!(error instanceof RuntimeError)) throw error;
          // The event may be a duplicate stored long ago (a second `created` fails): ask the store first.
          if (!lookedUp) throw new EventIdTakenError("an event of this group may be stored already");
          // Only this request fails: the others of the group are written again, each on its own.
          if (group.length > 1) return this.oneByOne(group);
          return [new RequestError(400, error.code, `event "${event.id}" cannot be processed: ${error.message}; nothing of this request was stored`, line)];
        }
        position++;
        entries.push({ position, kind: "event", at: atText, eventId: event.id, event: json });
        for (const output of produced) outputs.push(this.stored(replica.engine, output, ++outputPosition, position));
        accepted.push({ id: event.id, position });
        known.set(event.id, json);
        clock = at;
      }
      events += split.fresh.length;
      results.push({ accepted, duplicates: split.duplicates });
    }
    await this.commit(replica, entries, outputs, clock, events);
    for (const entry of entries) this.remember(entry.eventId!);
    return results;
  }

  private async oneByOne(group: readonly PendingRequest[]): Promise<Array<AcceptResult | RequestError>> {
    const results: Array<AcceptResult | RequestError> = [];
    for (const request of group) appendAll(results, await this.writeGroup([request]));
    return results;
  }

  /** Fires the timers due by the wall clock, in `run`'s order, each stored as a clock advance with its outputs. */
  private async fireDueTimers(): Promise<void> {
    const replica = await this.ready();
    const now = this.clock.now();
    const entries: LogEntry[] = [];
    const outputs: StoredOutput[] = [];
    let position = replica.logPosition;
    let outputPosition = replica.outputPosition;
    let clock = replica.clock;
    for (let due = replica.engine.nextDueAt(); due !== null && due <= now && entries.length < TICKS_PER_WRITE; due = replica.engine.nextDueAt()) {
      const at = Math.max(due, clock ?? due);
      const entry: LogEntry = { position: ++position, kind: "tick", at: new Date(at).toISOString(), eventId: null, event: null };
      for (const output of this.applyTick(replica.engine, entry)) outputs.push(this.stored(replica.engine, output, ++outputPosition, position));
      entries.push(entry);
      clock = at;
    }
    await this.commit(replica, entries, outputs, clock, 0);
  }

  /** An output as stored, with its webhook deliveries (rendered from the engine as it stands now, with the templates of `program`, the rules that produced it). */
  private stored(engine: Engine, output: OutputRecord, position: number, logPosition: number, program = this.program): StoredOutput {
    const row: StoredOutput = { position, logPosition, id: output.id, line: formatOutputLine(output) };
    const deliveries = this.outbox?.deliveriesOf(program, output, position, (ref) => engine.record(ref));
    if (deliveries && deliveries.length > 0) row.deliveries = deliveries;
    return row;
  }

  /**
   * Stores the entries and, once committed, moves the replica on; a failed write leaves the engine to be rebuilt.
   * `write`: how they are stored (a deploy stores its version with them).
   */
  private async commit(
    replica: Replica,
    entries: LogEntry[],
    outputs: StoredOutput[],
    clock: number | null,
    events: number,
    write = (): Promise<void> => this.store.append(entries, outputs),
  ): Promise<void> {
    if (entries.length > 0) {
      try {
        await write();
      } catch (error) {
        this.replica = undefined;
        throw error instanceof EventIdTakenError ? error : this.unavailable(error);
      }
      replica.logPosition = entries[entries.length - 1]!.position;
      if (outputs.length > 0) replica.outputPosition = outputs[outputs.length - 1]!.position;
      replica.clock = clock;
      replica.events += events;
      replica.sinceSnapshot += entries.length;
      if (outputs.length > 0) this.wakeOutputWaiters();
      if (outputs.some((output) => output.deliveries)) this.outbox!.written();
      if (replica.sinceSnapshot >= this.snapshotEvery && !this.snapshotWrite) this.snapshotBesideTheWork(replica);
    }
    this.schedule();
  }

  // ------------------------------------------------------------ deploys

  /**
   * Makes `program` (checked clean by the caller) the active rules at the
   * service's clock: the timers due by then fire under the old rules, the
   * state moves by the migration plan, and the deploy is stored as a log entry
   * with its outputs and the new version, all at once. With `dryRun` nothing
   * changes: the answer is the plan, the outputs the deploy would store, and
   * the behavioural diff over the log. The same rules as the active ones are
   * no deploy.
   */
  async deploy(program: Program, sources: RuleVersion["sources"], dryRun: boolean): Promise<DeployAnswer> {
    const answer = await this.exclusive(async () => {
      const replica = await this.ready();
      const at = Math.max(this.clock.now(), replica.clock ?? -Infinity);
      const versions = this.programs!.versions;
      const active = versions[versions.length - 1]!;
      const rules = storedRules(program);
      const fingerprint = rulesFingerprint(program);
      const base = { fingerprint, at: new Date(at).toISOString() };
      if (rules === active.rules) return { ...base, version: active.version, deployed: false, unchanged: true, plan: planMigration(replica.engine.snapshot(), program, at), outputs: [] };
      if (dryRun) {
        const next = { ...base, version: active.version + 1, deployed: false, unchanged: false };
        try {
          const trial = deployRules(createEngine(this.program, { snapshot: replica.engine.snapshot() }), program, at);
          return { ...next, plan: trial.plan, outputs: trial.outputs.map(formatOutputLine) };
        } catch (error) {
          if (!(error instanceof UnfitStateError)) throw error;
          return { ...next, plan: error.plan, outputs: [], refused: { code: error.code, message: error.message } };
        }
      }
      const version: RuleVersion = { version: active.version + 1, fingerprint, rules, sources, logPosition: replica.logPosition + 1, at: base.at };
      let deployed: Deployed;
      try {
        deployed = deployRules(replica.engine, program, at);
      } catch (error) {
        // The old rules' timers may have fired part way: the engine is rebuilt from the store, where nothing of this deploy is.
        this.replica = undefined;
        if (error instanceof UnfitStateError) throw new DetailedRequestError(422, error.code, `${error.message}; nothing was deployed`, { schema: error.check });
        if (!(error instanceof RuntimeError)) throw error;
        throw new RequestError(422, error.code, `the deploy stops with a runtime error: ${error.message}; nothing changed`);
      }
      const entry = deployEntry(version.logPosition, base.at, version.version);
      const outputs = deployed.outputs.map((output, i) => this.stored(deployed.engine, output, replica.outputPosition + i + 1, entry.position, program));
      replica.engine = deployed.engine;
      await this.commit(replica, [entry], outputs, at, 0, async () => {
        await saveDeploy(this.store, version, entry, outputs);
        // Only once stored: a rebuild after a failed write must start from the rules the store holds.
        this.program = program;
        this.programs = new VersionPrograms([...versions, version], program);
      });
      this.logger?.info({ version: version.version, fingerprint, at: base.at, outputs: outputs.length }, "rules deployed");
      return { ...base, version: version.version, deployed: true, unchanged: false, plan: deployed.plan, outputs: outputs.map((output) => output.line) };
    });
    if (!dryRun || answer.unchanged) return answer;
    return { ...answer, diff: await this.guard(() => diffOverLog(this.store, this.program, program)) };
  }

  /** The active version and every version before it, without their rules. */
  async versions(): Promise<VersionsAnswer> {
    const versions = await this.guard(() => readVersions(this.store));
    return {
      active: versions[versions.length - 1]!.version,
      versions: versions.map(({ version, fingerprint, at, logPosition, sources }) => ({ version, fingerprint, at, logPosition, files: sources.map((file) => file.path) })),
    };
  }

  /** One version with its files; undefined when there is none of that number. */
  async version(number: number): Promise<RuleVersion | undefined> {
    const versions = await this.guard(() => readVersions(this.store));
    return versions.find((version) => version.version === number);
  }

  // ------------------------------------------------------------ reads

  /** Outputs after `after` as JSON text, waiting up to `waitMs` for one when there is none yet. */
  async outputs(after: number, limit: number, waitMs: number): Promise<string> {
    let rows = await this.guard(() => this.store.readOutputs(after, limit));
    if (rows.length === 0 && waitMs > 0 && !this.closed) {
      await this.outputsAfter(after, waitMs);
      rows = await this.guard(() => this.store.readOutputs(after, limit));
    }
    // Each stored line is already JSON: the position goes in front of its fields.
    const items = rows.map((row) => `{"position":${row.position},${row.line.slice(1)}`);
    const next = rows.length > 0 ? rows[rows.length - 1]!.position : after;
    return `{"outputs":[${items.join(",")}],"next":${next}}`;
  }

  /** A record's state as stored so far (never what an unfinished request has changed). */
  record(ref: string): Promise<RecordState | undefined> {
    return this.exclusive(async () => (await this.ready()).engine.record(ref));
  }

  /** The service's state once the store answers (503 otherwise: events would not be accepted). */
  async health(): Promise<Health> {
    const replica = await this.guard(async () => {
      await this.store.ping();
      return this.replica ?? (await this.exclusive(() => this.ready()));
    });
    return { status: "ok", clock: replica.clock === null ? null : new Date(replica.clock).toISOString(), events: replica.events, outputs: replica.outputPosition };
  }

  /** Resolves once everything queued so far has run (tests with a fake clock wait on it). */
  idle(): Promise<void> {
    return this.exclusive(async () => undefined);
  }

  /** Stops firing timers and answers waiting reads now, so in-flight requests can finish. */
  stopWaiting(): void {
    this.closed = true;
    this.cancelWake?.();
    this.cancelWake = undefined;
    this.wakeOutputWaiters();
  }

  /** Stops, finishes queued work and the snapshot being written, and saves one of the end. The caller closes the store. */
  async close(): Promise<void> {
    this.stopWaiting();
    await this.exclusive(async () => {
      await this.snapshotWrite;
      if (this.replica && this.replica.sinceSnapshot > 0) await this.writeSnapshot(this.takeSnapshot(this.replica));
    });
  }

  // ------------------------------------------------------------ checks

  private check(items: readonly BatchItem[]): CheckedEvent[] {
    const latest = this.clock.now() + FUTURE_LIMIT_MS;
    return items.map(({ line, text }) => {
      const result = validateEventLine(this.program, text);
      if ("error" in result) throw new RequestError(400, result.error.code, result.error.message, line);
      const { event } = result;
      if (hasOutputIdForm(event.id)) throw refuse(400, Diagnostics.OutputIdForm, line, { id: event.id, example: `e${event.id.replace(/[^A-Za-z0-9]/g, "_")}` });
      if (parseInstant(event.at) > latest) throw refuse(400, Diagnostics.EventInTheFuture, line, { at: event.at, now: new Date(this.clock.now()).toISOString() });
      return { line, event, json: JSON.stringify(event) };
    });
  }

  private async checkRules(): Promise<void> {
    const stored = await this.store.rules();
    const rules = storedRules(this.program);
    if (!stored) {
      await saveFirstVersion(this.store, { fingerprint: this.fingerprint, rules, sources: this.sources });
      return;
    }
    if (stored.rules === rules) {
      if (this.sources.length > 0) await fillFirstSources(this.store, rules, this.sources);
      return;
    }
    const changes = describeRuleChanges(JSON.parse(stored.rules) as Program, this.program);
    throw new ServeError(
      `${this.store.description} was written by other rules (${stored.fingerprint}, these are ${this.fingerprint}): ${changes}. ` +
        "Serve the rules it runs (its active version), and change them with `stagecraft deploy` (PUT /v1/rules), " +
        "which moves its timers and workflows to the new rules; or start a new store (another --data folder or database).",
    );
  }

  // ------------------------------------------------------------ the engine from the store

  /** The replica, rebuilt from the store when there is none (at start, or after a failed write). */
  private async ready(): Promise<Replica> {
    if (this.replica) return this.replica;
    const replica = await this.guard(() => this.rebuild());
    this.replica = replica;
    this.schedule();
    return replica;
  }

  private async rebuild(): Promise<Replica> {
    const started = Date.now();
    const stored = await this.store.latestSnapshot();
    const programs = new VersionPrograms(await readVersions(this.store), this.program);
    this.programs = programs;
    // A snapshot resumes with the version in force where it was taken; one of other rules (written outside Stagecraft) is not used.
    const usable = stored !== undefined && programs.versionAt(stored.logPosition).fingerprint === stored.fingerprint ? stored : undefined;
    const snapshot = usable ? await this.readSnapshot(usable) : undefined;
    const startProgram = programs.program(programs.versionAt(usable?.logPosition ?? 0).version);
    const replica: Replica = {
      engine: createEngine(startProgram, snapshot ? { snapshot } : {}),
      clock: snapshot?.clock ?? null,
      logPosition: usable?.logPosition ?? 0,
      outputPosition: usable?.outputPosition ?? 0,
      events: usable?.events ?? 0,
      sinceSnapshot: 0,
    };
    for (;;) {
      const page = await this.store.readLog(replica.logPosition, REPLAY_PAGE);
      for (const entry of page) {
        const replayed = replayEntry(replica.engine, entry, programs, (engine, tick) => this.applyTick(engine, tick));
        replica.engine = replayed.engine;
        replica.outputPosition += replayed.outputs.length;
        replica.logPosition = entry.position;
        replica.clock = parseInstant(entry.at);
        if (entry.kind === "event") {
          replica.events++;
          this.remember(entry.eventId!);
        }
        replica.sinceSnapshot++;
      }
      if (page.length < REPLAY_PAGE) break;
    }
    const last = await this.store.lastPositions();
    if (last.output !== replica.outputPosition) {
      throw new ServeError(
        `${this.store.description}: replaying the log gives ${replica.outputPosition} outputs but ${last.output} are stored; the store was changed outside Stagecraft`,
      );
    }
    this.logger?.info({ logPosition: replica.logPosition, replayed: replica.sinceSnapshot, fromSnapshot: usable !== undefined, ms: Date.now() - started }, "state rebuilt from the store");
    return replica;
  }

  private applyTick(engine: Engine, entry: LogEntry): OutputRecord[] {
    return runTick(engine, entry, (error) => this.logger?.error({ code: error.code, at: entry.at }, `a timer stopped with a runtime error: ${error.message}`));
  }


  /**
   * The parts of a stored snapshot, put back together. Each part is parsed as
   * it comes, while the next page is read; no text holds the whole state.
   */
  private async readSnapshot(stored: StoredSnapshot): Promise<Snapshot> {
    const read = (from: number) => this.store.readSnapshotParts(stored.logPosition, from, SNAPSHOT_PAGE);
    let next = stored.parts > 0 ? read(0) : undefined;
    // Which part is being read, so a damaged one is named: "the head" until the first part.
    let where = "its head";
    try {
      const assembler = new SnapshotAssembler(JSON.parse(stored.head) as SnapshotHead);
      for (let from = 0; next; from += SNAPSHOT_PAGE) {
        const page = await next;
        next = from + SNAPSHOT_PAGE < stored.parts ? read(from + SNAPSHOT_PAGE) : undefined;
        for (let i = 0; i < page.length; i++) {
          where = `part ${from + i + 1} of ${stored.parts}`;
          assembler.add(JSON.parse(page[i]!) as SnapshotPart);
        }
      }
      where = "its parts together";
      return assembler.finish();
    } catch (error) {
      next?.catch(() => undefined);
      if (!(error instanceof SnapshotError || error instanceof SyntaxError)) throw error;
      throw new ServeError(`${this.store.description}: the snapshot at log position ${stored.logPosition} cannot be read (${where}: ${error.message}); the store was changed outside Stagecraft`);
    }
  }

  /**
   * The engine's state now, at a committed position. Records and timers are
   * never changed in place (the engine replaces them), so the snapshot stays
   * what it was while the engine goes on and its parts are written.
   */
  private takeSnapshot(replica: Replica): TakenSnapshot {
    replica.sinceSnapshot = 0;
    return { snapshot: replica.engine.snapshot(), logPosition: replica.logPosition, outputPosition: replica.outputPosition, events: replica.events };
  }

  /** Writes a snapshot beside the work: requests go on between its parts. */
  private snapshotBesideTheWork(replica: Replica): void {
    const taken = this.takeSnapshot(replica);
    this.snapshotWrite = this.writeSnapshot(taken)
      .catch((error) => {
        // the events since the last snapshot that counts are still not in one: the next try (or stop) takes them
        replica.sinceSnapshot += taken.events;
        this.logError("snapshot failed", error);
      })
      .finally(() => (this.snapshotWrite = undefined));
  }

  /** Each part on its own statement, then the head, which makes the snapshot count. */
  private async writeSnapshot(taken: TakenSnapshot): Promise<void> {
    const started = Date.now();
    let parts = 0;
    let bytes = 0;
    for (const part of snapshotParts(taken.snapshot)) {
      const data = JSON.stringify(part);
      bytes += data.length;
      await this.store.saveSnapshotPart(taken.logPosition, parts++, data);
    }
    const { logPosition, outputPosition, events } = taken;
    await this.store.completeSnapshot({ logPosition, outputPosition, events, fingerprint: taken.snapshot.program.fingerprint, head: JSON.stringify(snapshotHead(taken.snapshot)), parts });
    this.logger?.info({ logPosition, parts, bytes, ms: Date.now() - started }, "snapshot saved");
  }

  // ------------------------------------------------------------ timers

  /** One wake-up at the next due timer; re-armed after every change. */
  private schedule(): void {
    this.cancelWake?.();
    this.cancelWake = undefined;
    if (this.closed || !this.replica) return;
    const due = this.replica.engine.nextDueAt();
    if (due !== null) this.wakeAt(due);
  }

  private wakeAt(instant: number): void {
    this.cancelWake = this.clock.wakeAt(instant, () => {
      this.cancelWake = undefined;
      this.exclusive(() => this.fireDueTimers()).catch((error) => {
        this.logError("firing timers failed; trying again", error);
        if (!this.closed) this.wakeAt(this.clock.now() + RETRY_MS);
      });
    });
  }

  // ------------------------------------------------------------ plumbing

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.chain.then(work);
    this.chain = result.catch(() => undefined);
    return result;
  }

  private remember(id: string): void {
    this.recentIds.add(id);
    if (this.recentIds.size > RECENT_IDS) this.recentIds.delete(this.recentIds.values().next().value!);
  }

  private outputsAfter(after: number, waitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        if (!this.closed && (this.replica?.outputPosition ?? 0) <= after) return;
        this.outputWaiters.delete(done);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.outputWaiters.delete(done);
        resolve();
      }, waitMs);
      this.outputWaiters.add(done);
    });
  }

  private wakeOutputWaiters(): void {
    for (const waiter of [...this.outputWaiters]) waiter();
  }

  /** Runs a store call; a failure of the store (not of a request) answers 503. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof RequestError) throw error;
      throw this.unavailable(error);
    }
  }

  private unavailable(error: unknown): RequestError {
    this.logError("the store failed", error);
    if (error instanceof ServeError) return new RequestError(503, Diagnostics.StoreUnavailable.code, error.message);
    return refuse(503, Diagnostics.StoreUnavailable, undefined, { reason: (error as Error).message });
  }

  private logError(message: string, error: unknown): void {
    if (this.logger) this.logger.error({ err: error }, message);
  }
}

/** New events, and ids already stored (or earlier in the batch) with the same content; other content is a conflict (409). */
function splitDuplicates(checked: readonly CheckedEvent[], stored: ReadonlyMap<string, string>): { fresh: CheckedEvent[]; duplicates: string[] } {
  const fresh: CheckedEvent[] = [];
  const duplicates: string[] = [];
  const inBatch = new Map<string, CheckedEvent>();
  for (const item of checked) {
    const id = item.event.id;
    const before = stored.get(id) ?? inBatch.get(id)?.json;
    if (before === undefined) {
      inBatch.set(id, item);
      fresh.push(item);
      continue;
    }
    if (canonicalJson(JSON.parse(before)) !== canonicalJson(item.event)) {
      const where = stored.has(id) ? "was stored before" : `came earlier in this request (line ${inBatch.get(id)!.line})`;
      throw refuse(409, Diagnostics.IdStoredWithOtherContent, item.line, { id, where });
    }
    duplicates.push(id);
  }
  return { fresh, duplicates };
}
