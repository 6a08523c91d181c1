// `stagecraft deploy` against a service listening on a port: a dry run prints
// the plan, the outputs it would store and the diff over the log, and changes
// nothing; a deploy makes the rules active; the token is sent; rules with
// errors stop before anything is sent (exit 1).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildHttp } from "../../service/http";
import { RulesService } from "../../service/rules-service";
import { root } from "../backend/harness";
import { cli } from "../cli/run-cli";
import { FakeClock } from "./fake-clock";
import { programOf } from "./harness";
import { storeKinds, testStore } from "./stores";
import { readFileSync } from "node:fs";

const SLOW = 180_000;
const fixture = join(root, "test", "fixtures", "deploy");

describe.each(storeKinds)("stagecraft deploy on %s", (kind) => {
  it("dry run, then deploy, with a token; rules with errors are not sent", async () => {
    const handle = await testStore(kind);
    const store = await handle.open();
    const clock = new FakeClock(Date.parse("2026-03-02T12:00:00Z"));
    const service = await RulesService.open({ program: programOf([join(fixture, "base")]), store, clock });
    const app = buildHttp(service, { token: "s3cret" });
    const folder = mkdtempSync(join(tmpdir(), "stagecraft-deploy-"));
    const tokenFile = join(folder, "token");
    writeFileSync(tokenFile, "s3cret\n");
    try {
      await service.accept(readFileSync(join(fixture, "events.jsonl"), "utf8").trim().split("\n").map((text, i) => ({ line: i + 1, text })));
      clock.set(Date.parse("2026-03-03T00:00:00Z"));
      await service.idle();
      await app.listen({ host: "127.0.0.1", port: 0 });
      const address = app.server.address();
      const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      const head = join("test", "fixtures", "deploy", "head");

      const unauthorised = await cli(["deploy", head, "--to", url]);
      expect(unauthorised.code).toBe(2);
      expect(unauthorised.stderr).toContain("401: SC3016 missing Authorization");

      const dry = await cli(["deploy", head, "--to", url, "--token-file", tokenFile, "--dry-run"]);
      expect(dry.stderr).toBe("");
      expect(dry.code).toBe(0);
      const text = dry.stdout.replaceAll(url, "URL");
      expect(text).toContain("dry run: version 2 (fingerprint 13b1ac5fa2888948) would be deployed to URL at 2026-03-03T00:00:00.000Z; nothing changed");
      expect(text).toContain('  cancelled t1 deal/D1 (rule "Nudge"): was due 2026-03-12T09:00:00.000Z; its rule was removed');
      expect(text).toContain("outputs the deploy would store (5):");
      expect(text).toContain("behaviour over the service's log (active rules → these):");
      expect(text).toMatch(/\ndifferent: .*\n$/);
      expect((await service.versions()).active).toBe(1);

      const deployed = await cli(["deploy", head, "--to", url, "--token-file", tokenFile, "--format", "json"]);
      expect(deployed.code).toBe(0);
      expect(JSON.parse(deployed.stdout)).toMatchObject({ version: 2, deployed: true });
      expect((await service.versions()).active).toBe(2);

      const again = await cli(["deploy", head, "--to", url, "--token-file", tokenFile]);
      expect(again).toMatchObject({ code: 0, stdout: `the rules are the active version 2 of ${url} already (fingerprint 13b1ac5fa2888948): nothing to deploy\n` });

      const broken = join(folder, "broken.rules");
      writeFileSync(broken, readFileSync(join(fixture, "head", "schema.rules"), "utf8") + 'rule "X": on deal created -> send email "Nope" to contact\n');
      const refused = await cli(["deploy", broken, "--to", url, "--token-file", tokenFile]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("SC");
      expect((await service.versions()).active).toBe(2);
    } finally {
      service.stopWaiting();
      await app.close();
      await service.close();
      await store.close();
      await handle.remove();
    }
  }, SLOW);
});
