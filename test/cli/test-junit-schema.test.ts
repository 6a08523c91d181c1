// `stagecraft test --format junit` validates against the JUnit XML schema CI
// dashboards read (Jenkins' junit-10.xsd, test/fixtures/junit/README.md),
// whatever the tests are named and whatever their failures say.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { cli } from "./run-cli";

const root = join(import.meta.dirname, "..", "..");
const schema = { fileName: "junit-10.xsd", contents: readFileSync(join(root, "test", "fixtures", "junit", "jenkins-junit-10.xsd"), "utf8") };

async function problems(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: "report.xml", contents: xml }, schema });
  return result.valid ? [] : result.errors.map((error) => error.message);
}

describe("stagecraft test --format junit", () => {
  it.each(["tested.rules", "untested.rules"])("validates against the JUnit schema for %s", async (file) => {
    const { stdout, code } = await cli(["test", join(root, "test", "cli", "golden", "files", file), "--format", "junit"]);
    expect(code).toBe(1);
    expect(stdout).toContain("<testsuites");
    expect(await problems(stdout)).toEqual([]);
  });

  it("stays valid XML for test names and messages with quotes, markup and control characters", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stagecraft-junit-"));
    const name = `a "quoted" <name> & 'more' \u0001 ünïcode`;
    writeFileSync(
      join(dir, "t.rules"),
      `entity deal {\n  title: text\n}\non deal created -> notify "desk@solar.example" "Hi <{title}> & \\"friends\\""\n` +
        `test "${name.replaceAll('"', '\\"')}" {\n  at 2026-01-05T09:00Z "deal/S1" created { title: "R&D <\u0002>" }\n  expect no notify\n}\n`,
    );
    const { stdout } = await cli(["test", join(dir, "t.rules"), "--format", "junit"]);
    expect(stdout).toContain("<failure");
    expect(await problems(stdout)).toEqual([]);
  });

  it("is checked by a validator that refuses what the schema does not allow", async () => {
    expect(await problems(`<testsuites><testsuite tests="1"><testcase/></testsuite></testsuites>`)).not.toEqual([]);
  });
});
