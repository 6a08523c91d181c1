// `stagecraft serve` as a real process on 127.0.0.1 and a free port, for the
// process tests and the service benchmark (bench/ imports it): start it, learn its address from
// the start line on stderr, wait for GET /v1/health, and stop or kill it. Every
// wait is bounded, and a process that ends on its own is reported with its stderr.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const cliEntry = join("bin", "stagecraft.js");
/** What the bundled CLI in dist/ is built from: older sources than the bundle run stale code. */
const sourceFolders = ["cli", "service", "runtime", "compiler", "grammar", "stdlib"];

/**
 * `bin/stagecraft.js` runs dist/cli.js, built by `npm ci` / `npm run build`. A test
 * of the process must run the sources it sits next to: a missing or stale bundle
 * is built again first (nothing else in a test run uses dist/).
 */
export function ensureCliBuilt(): void {
  const bundle = join("dist", "cli.js");
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  const newer = sourceFolders.flatMap((folder) => newerFiles(folder, built));
  if (newer.length === 0) return;
  console.log(`${bundle} is ${built === 0 ? "missing" : `older than ${newer[0]}`}: building it (npm run build)`);
  execFileSync(process.execPath, [join("scripts", "build-cli.mjs")], { stdio: "inherit" });
}

function newerFiles(folder: string, than: number): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".test.ts")) continue;
    const path = join(entry.parentPath, entry.name);
    if (statSync(path).mtimeMs > than) found.push(path);
  }
  return found;
}

export interface ServeOptions {
  rules: string[];
  /** `--data DIR` (PGlite) or `--database URL` (PostgreSQL). */
  store: { data: string } | { database: string };
  extraArgs?: string[];
  /** Node options for the server process, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Longest wait for the start line and a healthy answer. */
  readyTimeoutMs?: number;
  /** Run cli/main.ts as it is (bundled afresh by scripts/run-ts.mjs) rather than the bundle in dist/. */
  fromSources?: boolean;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ServeProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:PORT`, once the start line is read. */
  url = "";
  private stderrText = "";
  readonly exited: Promise<Exit>;
  private exitState: Exit | undefined;

  constructor(options: ServeOptions) {
    const store = "data" in options.store ? ["--data", options.store.data] : ["--database", options.store.database];
    const entry = options.fromSources ? [join("scripts", "run-ts.mjs"), join("cli", "main.ts")] : [cliEntry];
    const args = [...(options.nodeArgs ?? []), ...entry, "serve", ...options.rules, ...store, "--listen", "127.0.0.1:0", ...(options.extraArgs ?? [])];
    this.child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    this.child.stderr!.setEncoding("utf8");
    this.child.stderr!.on("data", (text: string) => {
      this.stderrText += text;
      // Keep the start and the end of a long log: enough to say why it failed.
      if (this.stderrText.length > 200_000) this.stderrText = `${this.stderrText.slice(0, 20_000)}\n…\n${this.stderrText.slice(-100_000)}`;
    });
    this.exited = new Promise((resolve) => {
      this.child.on("exit", (code, signal) => {
        this.exitState = { code, signal };
        resolve(this.exitState);
      });
    });
  }

  get stderr(): string {
    return this.stderrText;
  }

  get alive(): boolean {
    return this.exitState === undefined;
  }

  /** Resolves with the address once GET /v1/health answers 200; rejects if the process ends or time runs out. */
  async ready(timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`serve ended before it was ready (${describeExit(this.exitState!)}):\n${this.stderrText}`);
      if (this.url === "") {
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(this.stderrText);
        if (match) this.url = match[0];
      }
      if (this.url !== "" && (await healthy(this.url))) return this.url;
      await sleep(20);
    }
    this.child.kill("SIGKILL");
    throw new Error(`serve was not ready within ${timeoutMs} ms:\n${this.stderrText}`);
  }

  /** SIGKILL, the crash: resolves once the process is gone. */
  async kill(): Promise<Exit> {
    if (this.alive) this.child.kill("SIGKILL");
    return this.exited;
  }

  /** SIGTERM, the clean stop; a process still there after `timeoutMs` is killed and the stop fails. */
  async stop(timeoutMs = 20_000): Promise<Exit> {
    if (!this.alive) return this.exited;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), timeoutMs);
    const exit = await this.exited;
    clearTimeout(timer);
    if (exit.signal === "SIGKILL") throw new Error(`serve did not stop within ${timeoutMs} ms of SIGTERM:\n${this.stderrText}`);
    return exit;
  }
}

export async function startServe(options: ServeOptions): Promise<ServeProcess> {
  const server = new ServeProcess(options);
  await server.ready(options.readyTimeoutMs);
  return server;
}

export function describeExit(exit: Exit): string {
  return exit.signal !== null ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/v1/health`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
