// `stagecraft deploy --to URL` where URL is some other web server: whatever it
// answers (200 "ok", an empty JSON object, an error page, JSON of another API),
// the command says it does not answer like a Stagecraft service and exits 2,
// the dry run and --format json alike; never a crash, never a silent success.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./run-cli";

/** The next answer the server gives: status, content type and body. */
let reply = { status: 200, type: "text/plain", body: "ok" };
const requests: string[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    request.resume();
    request.on("end", () => response.writeHead(reply.status, { "content-type": reply.type }).end(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

const head = "test/fixtures/deploy/head";

async function deploy(answer: typeof reply, ...flags: string[]) {
  reply = answer;
  const run = await cli(["deploy", head, "--to", url, ...flags]);
  return { ...run, stderr: run.stderr.replaceAll(url, "URL") };
}

describe("stagecraft deploy to a server that is not a Stagecraft service", () => {
  it('refuses a 200 "ok" with exit 2, for a dry run, a deploy and --format json', async () => {
    const ok = { status: 200, type: "text/plain", body: "ok" };
    for (const flags of [["--dry-run"], ["--format", "json"], [], ["--dry-run", "--format", "json"]]) {
      const run = await deploy(ok, ...flags);
      expect({ flags, code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
        flags,
        code: 2,
        stdout: "",
        stderr: 'stagecraft: URL does not answer like a Stagecraft service (PUT /v1/rules answered 200 with "ok", not JSON)\n',
      });
    }
    expect(requests.slice(-4)).toEqual(["PUT /v1/rules?dry_run=1", "PUT /v1/rules", "PUT /v1/rules", "PUT /v1/rules?dry_run=1"]);
  });

  it("refuses JSON that is not a deploy's answer, an error page and an error of another API", async () => {
    const cases: Array<[typeof reply, string]> = [
      [{ status: 200, type: "application/json", body: "{}" }, `PUT /v1/rules answered 200 with JSON that is not a deploy's answer: no "version" of the right type`],
      [
        { status: 200, type: "application/json", body: JSON.stringify({ version: 2, fingerprint: "f", at: "t", deployed: true, unchanged: false, plan: {}, outputs: [] }) },
        `PUT /v1/rules answered 200 with JSON that is not a deploy's answer: no "plan.from" of the right type`,
      ],
      [{ status: 200, type: "application/json", body: "[1,2]" }, "PUT /v1/rules answered 200 with \"[1,2]\", not a JSON object"],
      [{ status: 200, type: "text/plain", body: "" }, "PUT /v1/rules answered 200 with an empty body, not JSON"],
      [
        { status: 404, type: "text/html", body: "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>Nothing here at all</body></html>" },
        'PUT /v1/rules answered 404 with "<!DOCTYPE html><html><head><title>404 Not Found</title></hea…", not JSON',
      ],
      [{ status: 500, type: "application/json", body: '{"message":"boom"}' }, 'PUT /v1/rules answered 500 with "{\\"message\\":\\"boom\\"}", not an error of the service'],
    ];
    for (const [answer, why] of cases) {
      for (const flags of [["--dry-run"], []]) {
        const run = await deploy(answer, ...flags);
        expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 2, stdout: "", stderr: `stagecraft: URL does not answer like a Stagecraft service (${why})\n` });
      }
    }
  });

  it("still reports a service's own refusal with its code", async () => {
    const run = await deploy({ status: 401, type: "application/json", body: '{"error":{"code":"SC3016","message":"missing Authorization: Bearer <token>"}}' });
    expect(run).toMatchObject({ code: 2, stdout: "", stderr: "stagecraft: URL answered 401: SC3016 missing Authorization: Bearer <token>\n" });
  });
});
