// `stagecraft serve` and `stagecraft log export` as processes, as a user runs
// them: the start line, events over a real port, a second serve refused, a
// clean stop on SIGTERM, then export + `run` print exactly the stored outputs.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../backend/harness";
import { cli } from "../cli/run-cli";
import { ServeProcess } from "./serve-process";
import { freshDataDir } from "./stores";

const example = join(root, "examples", "solar-substates");

/** The sources as they are: a dist/ left from an older build would test old code. */
function startServe(dir: string, extraArgs: string[] = []): ServeProcess {
  return new ServeProcess({ rules: [example], store: { data: dir }, extraArgs, fromSources: true });
}

describe("serve and log export as processes", () => {
  let data: { dir: string; remove: () => void };
  let server: ServeProcess;
  let url: string;
  const token = "process-test-token";

  beforeAll(async () => {
    data = await freshDataDir();
    writeFileSync(join(data.dir, "token"), token + "\n");
    server = startServe(data.dir, ["--token-file", join(data.dir, "token")]);
    url = await server.ready(60_000);
    const line = server.stderr.split("\n").find((text) => text.startsWith("stagecraft serve: listening on "))!;
    expect(line).toContain(`listening on ${url} `);
    expect(line).toContain(`store: PGlite in ${data.dir}`);
    expect(line).toMatch(/rules: [0-9a-f]{16}$/);
  }, 90_000);

  afterAll(async () => {
    await server.kill();
    data.remove();
  });

  it("takes events on its port, refuses a second serve on the store, stops on SIGTERM, and exports what run reproduces", async () => {
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" };
    const health = await fetch(`${url}/v1/health`);
    expect(await health.json()).toMatchObject({ status: "ok", events: 0 });
    const posted = await fetch(`${url}/v1/events`, { method: "POST", headers, body: readFileSync(join(example, "events.jsonl"), "utf8") });
    expect(posted.status).toBe(200);
    expect(((await posted.json()) as { accepted: unknown[] }).accepted).toHaveLength(8);

    const second = startServe(data.dir);
    expect((await second.exited).code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`stagecraft: the store in .* is in use by \`stagecraft serve .*\` \\(pid ${server.child.pid} on `));

    expect((await server.stop(60_000)).code).toBe(0);
    expect(server.stderr).toContain('"msg":"snapshot saved"');

    const outputsFile = join(data.dir, "outputs.jsonl");
    const exported = await cli(["log", "export", "--data", data.dir, "--outputs", outputsFile]);
    expect(exported.code).toBe(0);
    const until = /^until (\S+)\n$/.exec(exported.stderr)![1]!;
    const eventsFile = join(data.dir, "export.jsonl");
    writeFileSync(eventsFile, exported.stdout);
    const run = await cli(["run", example, "--events", eventsFile, "--until", until]);
    expect(run.code).toBe(0);
    const stored = readFileSync(outputsFile, "utf8");
    expect(stored.split("\n").length).toBeGreaterThan(5);
    expect(run.stdout).toBe(stored);
  }, 120_000);

  it("log export says so when no serve has written to the store", async () => {
    const empty = await freshDataDir();
    try {
      const exported = await cli(["log", "export", "--data", empty.dir]);
      expect(exported.code).toBe(2);
      expect(exported.stderr).toBe(`stagecraft: PGlite in ${empty.dir}: no store here (no \`stagecraft serve\` has written to it)\n`);
    } finally {
      empty.remove();
    }
  }, 90_000);

  it("says so when the port is taken, and releases the store", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    const dir = await freshDataDir();
    try {
      const run = await cli(["serve", example, "--data", dir.dir, "--listen", `127.0.0.1:${port}`]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`stagecraft: cannot listen on 127.0.0.1:${port}: the port is in use; give another --listen\n`);
      expect(existsSync(join(dir.dir, "writer.lock"))).toBe(false);
    } finally {
      taken.close();
      dir.remove();
    }
  }, 90_000);

  it("refuses --data with --database, and a bad --listen", async () => {
    expect((await cli(["log", "export", "--data", "x", "--database", "postgres://h/db"])).stderr).toBe("stagecraft: give either --data or --database, not both\n");
    const listen = await cli(["serve", example, "--listen", "localhost"]);
    expect(listen.code).toBe(2);
    expect(listen.stderr).toContain("--listen must be HOST:PORT");
  });
});
