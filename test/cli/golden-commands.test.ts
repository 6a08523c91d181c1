// What a person sees from whole commands, for messages beyond `check`'s
// diagnostics (explain, run, fmt, events-file and option errors): each
// `golden/<case>.cmd` holds one command line (the arguments after
// `stagecraft`, paths relative to the repository); the exit code, stdout and
// stderr must equal `<case>.expected.txt`, which must exist. UPDATE_GOLDEN=1
// writes the expectations.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./run-cli";

const folder = join(import.meta.dirname, "golden");
const cases = readdirSync(folder).filter((name) => name.endsWith(".cmd")).map((name) => name.slice(0, -".cmd".length)).sort();
const update = process.env.UPDATE_GOLDEN === "1";

describe("golden command output", () => {
  it.each(cases)("%s", async (name) => {
    const command = readFileSync(join(folder, `${name}.cmd`), "utf8").trim();
    const { code, stdout, stderr } = await cli(command.split(/\s+/));
    const actual = `$ stagecraft ${command}\nexit ${code}\n--- stdout\n${stdout}--- stderr\n${stderr}`;
    const expectedPath = join(folder, `${name}.expected.txt`);
    if (update) writeFileSync(expectedPath, actual);
    expect(existsSync(expectedPath), `${expectedPath} exists (UPDATE_GOLDEN=1 writes it)`).toBe(true);
    expect(actual).toBe(readFileSync(expectedPath, "utf8"));
  });
});
