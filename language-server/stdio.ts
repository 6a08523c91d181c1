// `stagecraft lsp` on standard input and output, as editors start it. Resolves when the editor exits.
import { createConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";
import { serveLanguage } from "./server";

export function serveLanguageOnStdio(): Promise<void> {
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  const closed = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  serveLanguage(connection);
  return closed;
}
