// `stagecraft lsp [--stdio]`: the language server for editors (docs/editors.md).
// Its modules (vscode-languageserver) load only for this command.
import type { Command } from "commander";

export function registerLsp(program: Command): void {
  program
    .command("lsp")
    .description("serve editors over the Language Server Protocol on stdin/stdout (docs/editors.md)")
    // editors' clients pass --stdio; it is the only transport, so it is accepted and changes nothing
    .option("--stdio", "talk over standard input and output (the default)")
    .action(async () => {
      const { serveLanguageOnStdio } = await import("../../language-server/stdio");
      await serveLanguageOnStdio();
    });
}
