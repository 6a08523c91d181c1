// docs/diagnostics.md, generated from the table of codes (diagnostics/codes.ts)
// and what the docs say of each (diagnostics/code-docs.ts):
// `npm run docs:diagnostics` writes it, test/diagnostics/page.test.ts fails when
// the page and the tables differ.
import { codeDocs } from "../diagnostics/code-docs";
import { codes, type Category, type Code } from "../diagnostics/codes";

interface Section {
  heading: string;
  /** Where the codes come from. */
  from: string;
  intro: string;
}

const sections: Record<Category, Section> = {
  files: {
    heading: "Files (SC1001, exit code 2)",
    from: "`cli/`",
    intro: "",
  },
  syntax: {
    heading: "Syntax (SC000x)",
    from: "`grammar/`",
    intro: `Reported by \`parse\` in \`grammar/\` before any checking. Every one is an \`error\`,
carries the file path as given, and the range of the offending token (or an
empty range where something is missing). A syntax error costs at most the item it
is in: the parser starts afresh at the next line that begins an item, so one
mistake never hides the next.`,
  },
  names: {
    heading: "Names (SC20xx, SC21xx)",
    from: "`compiler/checks/`",
    intro: `Diagnostics about a name that did not resolve are given once; expressions that
depend on it are not reported again. Missing required fields in \`create X with { … }\`
are **not** reported: a CRM fills them later and the record starts with them empty.`,
  },
  types: { heading: "Types (SC22xx)", from: "`compiler/checks/`", intro: "" },
  templates: { heading: "Templates and actions (SC23xx)", from: "`compiler/checks/`", intro: "" },
  time: { heading: "Durations, calendar and teams (SC24xx)", from: "`compiler/checks/`", intro: "" },
  workflows: { heading: "Workflows (SC25xx)", from: "`compiler/checks/`", intro: "" },
  flow: { heading: "Rule flow (SC26xx, warnings)", from: "`compiler/checks/`", intro: "" },
  tests: {
    heading: "Test blocks (SC27xx)",
    from: "`compiler/checks/`",
    intro: `An event written in a \`test\` block is also checked as a line of an events file is,
by the same validator: \`check\` reports the input codes below (SC3002–SC3009, SC3012)
at the event's own line and column, on the part at fault.`,
  },
  input: {
    heading: "Input events (SC30xx, `run` exit code 3)",
    from: "`runtime/input/validate-event.ts`, `runtime/input/event-stream-validator.ts`",
    intro: `The run stops at the first invalid line; everything from the lines before it has
already been written to stdout. One line on stderr: \`events.jsonl:LINE: error CODE: message\`.
\`check\` reports the same codes for an event of a \`test\` block that an events file
would refuse, as \`file:line:col\` diagnostics on the event.`,
  },
  service: {
    heading: "Service requests (SC3013–SC3020, SC3099, `serve`)",
    from: "`service/`",
    intro: `The HTTP API of \`stagecraft serve\` answers \`{"error":{"code","message","line"}}\`
(\`docs/service.md\`); a bad event carries the SC3001–SC3011 code \`run\` gives (an id
stored before with other content: SC3010, status 409), the rest these.`,
  },
  runtime: {
    heading: "Runtime errors (SC40xx, `run` exit code 4)",
    from: "`runtime/errors.ts`, `runtime/engine/engine.ts`, `runtime/engine/apply-input.ts`",
    intro: "",
  },
  internal: {
    heading: "Internal errors (SC9999)",
    from: "`diagnostics/internal.ts`",
    intro: "",
  },
};

const introduction = `# Diagnostics

<!-- Generated from diagnostics/codes.ts and code-docs.ts by \`npm run docs:diagnostics\`; edit those, not this page. -->

Every diagnostic has a stable code, a severity, a range and a message that says
what is wrong and, where it can, what was probably meant. Text form (\`check\`):
\`path:line:col: error|warning CODE: message\`, with the offending line and carets
under it when the output is a terminal; \`--format json\` gives the same as
objects; the playground shows them as markers. Each code's messages live in one
table (\`diagnostics/\`), which this page is generated from.

Examples assume the declarations of the language reference (\`docs/language.md\`):
\`contact\`, \`deal\` with a sequential pipeline, \`installation\` with a parallel one,
templates "Docs reminder", "Reminder", "Call back", "Offer", team \`installers\`.
Every syntax and checker code has a golden test in \`test/golden/\`; input and
runtime codes are tested in \`test/runtime/\` and \`test/cli/\` (command output in \`test/cli/golden/\`).
`;

function fenced(text: string): string {
  return "```\n" + text + "\n```\n";
}

function codeSection(code: Code): string {
  const docs = codeDocs[code];
  const parts = [`### ${code} ${codes[code].title}\n`];
  if (docs.about) parts.push(`${docs.about}\n`);
  parts.push(fenced(docs.example));
  if (docs.output) parts.push(fenced(docs.output));
  return parts.join("\n");
}

function codeRange(list: Code[]): string {
  return list.length === 1 ? list[0]! : `${list[0]}–${list[list.length - 1]}`;
}

export function diagnosticsPage(): string {
  const byCategory = new Map<Category, Code[]>();
  for (const code of Object.keys(codes) as Code[]) {
    const category = codes[code].category;
    byCategory.set(category, [...(byCategory.get(category) ?? []), code]);
  }
  const overview = ["| codes | from | what |", "|---|---|---|"];
  const body: string[] = [];
  for (const [category, section] of Object.entries(sections) as [Category, Section][]) {
    const list = byCategory.get(category) ?? [];
    overview.push(`| ${codeRange(list)} | ${section.from} | ${section.heading.replace(/ \(.*\)$/, "").toLowerCase()} |`);
    body.push(`## ${section.heading}\n`);
    if (section.intro) body.push(`${section.intro}\n`);
    for (const code of list) body.push(codeSection(code));
  }
  return [introduction, overview.join("\n") + "\n", ...body].join("\n");
}
