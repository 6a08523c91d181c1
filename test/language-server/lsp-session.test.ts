// `stagecraft lsp` driven as an editor drives it: the real process over stdio,
// JSON-RPC from vscode-languageserver-protocol's client side. A workspace folder
// holds schema.rules (never opened); the editor opens rules.rules, which uses its names.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { schema } from "../language-service/helpers";

let folder: string;
let server: ChildProcess;
let connection: ProtocolConnection;
const published: PublishDiagnosticsParams[] = [];
let schemaUri: string;
let rulesUri: string;

/** Resolves with the first diagnostics published for `uri` that satisfy `test` (from now on or already). */
function diagnosticsFor(uri: string, test: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      const found = published.findLast((p) => p.uri === uri);
      if (found && test(found)) {
        clearInterval(poll);
        resolve(found);
      }
    }, 10);
  });
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "stagecraft-lsp-"));
  writeFileSync(join(folder, "schema.rules"), schema);
  schemaUri = pathToFileURL(join(folder, "schema.rules")).href;
  rulesUri = pathToFileURL(join(folder, "rules.rules")).href;
  server = spawn(process.execPath, ["scripts/run-ts.mjs", "cli/main.ts", "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    published.push(params);
  });
  connection.listen();
  const result = await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: "rules" }],
    capabilities: {},
  });
  expect((result as { capabilities: Record<string, unknown> }).capabilities).toMatchObject({
    completionProvider: expect.anything(),
    hoverProvider: true,
    renameProvider: { prepareProvider: true },
    textDocumentSync: { change: 2 },
  });
  await connection.sendNotification("initialized", {});
}, 60_000);

afterAll(async () => {
  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  await new Promise((resolve) => server.once("exit", resolve));
  connection.dispose();
  rmSync(folder, { recursive: true, force: true });
});

describe("stagecraft lsp", () => {
  it("publishes diagnostics on open and again after an incremental change", async () => {
    await connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri: rulesUri, languageId: "stagecraft", version: 1, text: 'on deal stage "Wonn" open -> send email "Welcome" to contact\n' },
    });
    const first = await diagnosticsFor(rulesUri, (p) => p.diagnostics.length > 0);
    expect(first.diagnostics[0]!.message).toMatch(/Did you mean "Won"\?/);
    expect(first.diagnostics[0]!.range.start).toEqual({ line: 0, character: 14 });
    // the quick fix for it
    const actions = await connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: rulesUri },
      range: first.diagnostics[0]!.range,
      context: { diagnostics: first.diagnostics },
    });
    expect(actions).toMatchObject([{ title: 'Change to "Won"', edit: { changes: { [rulesUri]: [{ newText: '"Won"' }] } } }]);
    // delete one "n": an incremental change of one character
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: rulesUri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 18 }, end: { line: 0, character: 19 } }, text: "" }],
    });
    await diagnosticsFor(rulesUri, (p) => p.diagnostics.length === 0);
  });

  it("completes stage names from the unopened schema file", async () => {
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: rulesUri, version: 3 },
      contentChanges: [{ text: 'on deal stage "' }],
    });
    const items = (await connection.sendRequest("textDocument/completion", {
      textDocument: { uri: rulesUri },
      position: { line: 0, character: 15 },
    })) as Array<{ label: string; textEdit: { newText: string } }>;
    expect(items.map((i) => i.label)).toEqual(["New", "Won"]);
    expect(items[0]!.textEdit.newText).toBe('New"');
  });

  it("hovers, goes to the definition in another file and renames across files", async () => {
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: rulesUri, version: 4 },
      contentChanges: [{ text: 'on deal created when amount > 10 -> send email "Welcome" to contact\n' }],
    });
    const hover = (await connection.sendRequest("textDocument/hover", { textDocument: { uri: rulesUri }, position: { line: 0, character: 22 } })) as {
      contents: { value: string };
    };
    expect(hover.contents.value).toContain("deal.amount: money");
    // the file as the workspace names it, never its URI
    expect(hover.contents.value).toContain("declared in ` schema.rules `, line 8");
    const definition = await connection.sendRequest("textDocument/definition", { textDocument: { uri: rulesUri }, position: { line: 0, character: 50 } });
    expect(definition).toEqual({ uri: schemaUri, range: { start: { line: 16, character: 15 }, end: { line: 16, character: 24 } } });
    const rename = (await connection.sendRequest("textDocument/rename", {
      textDocument: { uri: rulesUri },
      position: { line: 0, character: 22 },
      newName: "value",
    })) as { changes: Record<string, Array<{ newText: string }>> };
    expect(Object.keys(rename.changes).sort()).toEqual([rulesUri, schemaUri].sort());
    expect(rename.changes[rulesUri]).toHaveLength(1);
  });

  it("prepares a rename with the name's range, and refuses a keyword with the service's reason", async () => {
    const prepared = await connection.sendRequest("textDocument/prepareRename", { textDocument: { uri: rulesUri }, position: { line: 0, character: 22 } });
    expect(prepared).toEqual({ range: { start: { line: 0, character: 21 }, end: { line: 0, character: 27 } }, placeholder: "amount" });
    await expect(connection.sendRequest("textDocument/prepareRename", { textDocument: { uri: rulesUri }, position: { line: 0, character: 1 } })).rejects.toMatchObject({
      message: "Only a declared name (an entity, field, stage, template, team or event) can be renamed.",
    });
  });

  it("formats the document", async () => {
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: rulesUri, version: 5 },
      contentChanges: [{ text: 'on deal   created ->   close "Won"\n' }],
    });
    const edits = (await connection.sendRequest("textDocument/formatting", {
      textDocument: { uri: rulesUri },
      options: { tabSize: 2, insertSpaces: true },
    })) as Array<{ newText: string }>;
    expect(edits.map((e) => e.newText)).toEqual(['on deal created -> close "Won"\n']);
  });

  it("answers outline, folding and semantic tokens", async () => {
    const symbols = (await connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri: schemaUri } })) as Array<{ name: string; children: Array<{ name: string }> }>;
    expect(symbols.map((s) => s.name)).toEqual(["contact", "deal", "Welcome", "Reminder", "sales", "webinar.attended"]);
    expect(symbols[1]!.children.map((c) => c.name)).toContain("Won");
    const folds = (await connection.sendRequest("textDocument/foldingRange", { textDocument: { uri: schemaUri } })) as Array<{ startLine: number; endLine: number }>;
    expect(folds).toContainEqual({ startLine: 5, endLine: 14 });
    const tokens = (await connection.sendRequest("textDocument/semanticTokens/full", { textDocument: { uri: schemaUri } })) as { data: number[] };
    // `entity` at 0:0, length 6, a keyword
    expect(tokens.data.slice(0, 5)).toEqual([0, 0, 6, 0, 0]);
  });

  it("completes a test's `by rule` with the workspace's named rules", async () => {
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: rulesUri, version: 6 },
      contentChanges: [{ text: 'rule "Big deal": on deal created -> close "Won"\ntest "t" {\n  expect stage.opened by rule "' }],
    });
    const items = (await connection.sendRequest("textDocument/completion", {
      textDocument: { uri: rulesUri },
      position: { line: 2, character: 31 },
    })) as Array<{ label: string; kind: number; textEdit: { newText: string } }>;
    expect(items.map((i) => [i.label, i.textEdit.newText])).toEqual([["Big deal", 'Big deal"']]);
  });

  it("drops a closed document that was never saved, with an empty list of diagnostics", async () => {
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: rulesUri, version: 8 },
      contentChanges: [{ text: 'on deal created -> close "Nope"\n' }],
    });
    await diagnosticsFor(rulesUri, (p) => p.diagnostics.length === 1);
    await connection.sendNotification("textDocument/didClose", { textDocument: { uri: rulesUri } });
    await diagnosticsFor(rulesUri, (p) => p.diagnostics.length === 0);
  });
});
