// `stagecraft check` as a person at a terminal sees it (code frames included),
// on each folder under cli/; the output must equal `<folder>.expected.txt`,
// which must exist. UPDATE_GOLDEN=1 writes the expectations.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/cli";

const folder = join(import.meta.dirname, "cli");
const cases = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const update = process.env.UPDATE_GOLDEN === "1";

async function checkAtTerminal(path: string): Promise<string> {
  let stdout = "";
  await runCli(["check", path], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stdout += text),
    exit: () => undefined,
    isTty: true,
    stdin: async function* () {},
  });
  return stdout;
}

describe("golden check output", () => {
  it.each(cases)("%s", async (name) => {
    const expectedPath = join(folder, `${name}.expected.txt`);
    const actual = await checkAtTerminal(relative(process.cwd(), join(folder, name)));
    if (update) writeFileSync(expectedPath, actual);
    expect(existsSync(expectedPath), `${expectedPath} exists (UPDATE_GOLDEN=1 writes it)`).toBe(true);
    expect(actual).toBe(readFileSync(expectedPath, "utf8"));
  });
});
