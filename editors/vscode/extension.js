// The Stagecraft extension: starts `stagecraft lsp --stdio` for .rules files and
// lets vscode-languageclient talk to it. Every answer comes from the server.
"use strict";
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate() {
  const [command, ...args] = vscode.workspace.getConfiguration("stagecraft").get("server.command");
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  // the workspace folder as the working directory, so `npx stagecraft` finds the project's own CLI
  const server = { command, args: [...args, "lsp"], transport: TransportKind.stdio, options: workspace ? { cwd: workspace, shell: process.platform === "win32" } : {} };
  client = new LanguageClient("stagecraft", "Stagecraft", server, {
    documentSelector: [{ scheme: "file", language: "stagecraft" }],
  });
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
