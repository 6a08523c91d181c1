// A service under test: rules from a folder or from text, a store of either
// kind, a fake clock, the HTTP API driven through fastify's inject (no port);
// and the replay check: export + `run` against the stored outputs.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { compileRuleFiles } from "../../cli/compile-rules";
import type { Program } from "../../runtime/index";
import { FakeClock } from "./fake-clock";
import { exportLog } from "../../service/export-log";
import { buildHttp } from "../../service/http";
import { RulesService, type ServiceOptions } from "../../service/rules-service";
import type { SqlDriver } from "../../service/store/driver";
import { Store } from "../../service/store/store";
import { cli } from "../cli/run-cli";

export function programOf(paths: string[]): Program {
  return rulesOf(paths).program;
}

/** The program and the files it was compiled from, as `serve` hands them to the service. */
export function rulesOf(paths: string[]): { program: Program; sources: Array<{ path: string; text: string }> } {
  const { result, sources } = compileRuleFiles(paths);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { program: result.program!, sources: sources.map(({ path, text }) => ({ path, text })) };
}

/** Rule files written to a temporary folder (run and serve name rules by their paths). */
export function rulesFolder(files: Record<string, string>): { folder: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), "stagecraft-rules-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export interface Running {
  service: RulesService;
  app: ReturnType<typeof buildHttp>;
  clock: FakeClock;
  post(body: string, contentType?: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  get(url: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** PUT /v1/rules with `body` as JSON (`query` e.g. "?dry_run=1"). */
  putRules(body: unknown, query?: string): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function startService(
  program: Program,
  store: Store,
  options: { clock?: FakeClock; token?: string } & Omit<ServiceOptions, "program" | "store" | "clock"> = {},
): Promise<Running> {
  const clock = options.clock ?? new FakeClock(Date.parse("2026-01-01T00:00:00Z"));
  const service = await RulesService.open({ ...options, program, store, clock });
  const app = buildHttp(service, options.token !== undefined ? { token: options.token } : {});
  const answer = (response: { statusCode: number; body: string }) => ({ status: response.statusCode, body: response.body === "" ? undefined : JSON.parse(response.body) });
  return {
    service,
    app,
    clock,
    post: async (body, contentType = "application/x-ndjson", headers = {}) =>
      answer(await app.inject({ method: "POST", url: "/v1/events", payload: body, headers: { "content-type": contentType, ...headers } })),
    get: async (url, headers = {}) => answer(await app.inject({ method: "GET", url, headers })),
    putRules: async (body, query = "") =>
      answer(await app.inject({ method: "PUT", url: `/v1/rules${query}`, payload: JSON.stringify(body), headers: { "content-type": "application/json" } })),
    stop: async () => {
      service.stopWaiting();
      await app.close();
      await service.close();
    },
  };
}

/** `log export` of the store, then `run` of the same rules over it: must print exactly the stored outputs. */
export async function expectReplayIdentity(store: Store, rulePaths: string[]): Promise<{ outputs: string; events: string[] }> {
  const events: string[] = [];
  const outputs: string[] = [];
  const until = await exportLog(store, { event: (line) => events.push(line), output: (line) => outputs.push(line) });
  const folder = mkdtempSync(join(tmpdir(), "stagecraft-export-"));
  try {
    const file = join(folder, "export.jsonl");
    writeFileSync(file, events.map((line) => line + "\n").join(""));
    const run = await cli(["run", ...rulePaths, "--events", file, ...(until !== null ? ["--until", until] : [])]);
    // stderr holds no error, only the run's notes: effects skipped for an empty
    // recipient, and --until before the last event (an event may come ahead of the service clock).
    const notes = /^stagecraft: (rule ".*" skipped \d+ effects?: .*|warning: --until .* so it fires no timer)$/;
    expect(run.stderr.split("\n").filter((line) => line !== "" && !notes.test(line))).toEqual([]);
    expect(run.code).toBe(0);
    const stored = outputs.map((line) => line + "\n").join("");
    expect(run.stdout).toBe(stored);
    return { outputs: stored, events };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The same store with writes that take a while, as over a network: requests pile up behind one in flight (group commit). */
export function withSlowWrites(store: Store): Store {
  const slow: SqlDriver = {
    ...store.driver,
    description: store.description,
    query: async (sql, params) => {
      if (sql.trimStart().startsWith("WITH entries")) await new Promise((resolve) => setTimeout(resolve, 50));
      return store.driver.query(sql, params);
    },
  };
  return new Store(slow, store.workspace);
}
