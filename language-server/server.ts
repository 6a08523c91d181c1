// `stagecraft lsp`: the Language Server Protocol over a connection, mapping each
// request to the language service (language-service/) and its answer back. The
// service's workspace holds every .rules file of the workspace folders (read at
// initialize) and the editor's open documents (their unsaved text wins); a
// change re-parses that document and re-checks the program. The service names
// files by workspace path (workspace-paths.ts); only this adapter sees URIs.
import {
  CodeActionKind, CompletionItemKind, DiagnosticSeverity, FoldingRangeKind, LSPErrorCodes, ResponseError, SymbolKind as LspSymbolKind, TextDocumentSyncKind,
  type CompletionItem as LspCompletionItem, type Connection, type DocumentSymbol as LspDocumentSymbol, type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "../diagnostics/diagnostic";
import {
  completionTriggerCharacters, encodeSemanticTokens, LanguageService, semanticTokenTypes, type CompletionKind, type DocumentSymbol, type SymbolKind,
} from "../language-service/index";
import { fromLsp, rangeFromLsp, rangeToLsp } from "./convert";
import { rulesFilesUnder, textOnDisk } from "./workspace-files";
import { WorkspacePaths } from "./workspace-paths";

const completionKinds: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword, field: CompletionItemKind.Field, stage: CompletionItemKind.EnumMember, template: CompletionItemKind.Reference,
  event: CompletionItemKind.Event, entity: CompletionItemKind.Class, team: CompletionItemKind.Module, function: CompletionItemKind.Function,
  value: CompletionItemKind.EnumMember, type: CompletionItemKind.TypeParameter, rule: CompletionItemKind.Function, workflow: CompletionItemKind.Function,
};
const symbolKinds: Record<SymbolKind, LspSymbolKind> = {
  calendar: LspSymbolKind.Object, entity: LspSymbolKind.Class, field: LspSymbolKind.Field, stage: LspSymbolKind.EnumMember,
  template: LspSymbolKind.String, team: LspSymbolKind.Module, event: LspSymbolKind.Event, rule: LspSymbolKind.Function,
  workflow: LspSymbolKind.Function, test: LspSymbolKind.Method,
};
const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, hint: DiagnosticSeverity.Hint, info: DiagnosticSeverity.Information } as const;

/** Serves one editor over `connection` until it exits. */
export function serveLanguage(connection: Connection): void {
  const service = new LanguageService();
  // Set at initialize, when the workspace folders are known.
  let paths = new WorkspacePaths([]);
  const pathOf = (uri: string) => paths.toPath(uri);
  const uriOf = (path: string) => paths.toUri(path);
  /** The open documents by URI. */
  const open = new Map<string, TextDocument>();
  /** What was last published for each file (as JSON), so a keystroke sends only the lists that changed. */
  const published = new Map<string, string>();

  const publishChanged = () => {
    const byFile = new Map<string, Diagnostic[]>();
    for (const path of service.workspace.paths()) byFile.set(uriOf(path), []);
    for (const diagnostic of service.diagnostics()) byFile.get(uriOf(diagnostic.file))?.push(diagnostic);
    // a file that left the workspace gets its empty list
    for (const uri of published.keys()) if (!byFile.has(uri)) byFile.set(uri, []);
    for (const [uri, diagnostics] of byFile) {
      const lspDiagnostics = diagnostics.map((d) => ({ range: rangeToLsp(d.range), severity: severities[d.severity], code: d.code, source: "stagecraft", message: d.message }));
      const json = JSON.stringify(lspDiagnostics);
      const version = open.get(uri)?.version;
      // the changed document always gets an answer for its new version; the others only when theirs changed
      if (published.get(uri) === json && uri !== changedUri) continue;
      published.set(uri, json);
      void connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: lspDiagnostics });
    }
    changedUri = undefined;
  };
  /** The document whose change is being answered. */
  let changedUri: string | undefined;

  connection.onInitialize((params): InitializeResult => {
    const workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []);
    paths = new WorkspacePaths(workspaceFolders);
    for (const folder of workspaceFolders.map((f) => f.uri)) {
      try {
        const warn = (message: string) => connection.console.warn(`stagecraft: ${message}`);
        for (const file of rulesFilesUnder(folder, warn)) service.setDocument(pathOf(file.uri), file.text);
      } catch (error) {
        // an unreadable folder leaves its names unresolved: say so in the editor's log, and serve the rest
        connection.console.warn(`stagecraft: cannot read the rules files of ${folder}: ${(error as Error).message}`);
      }
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: completionTriggerCharacters },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...semanticTokenTypes], tokenModifiers: [] }, full: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: "stagecraft" },
    };
  });
  connection.onInitialized(() => publishChanged());

  connection.onDidOpenTextDocument(({ textDocument }) => {
    open.set(textDocument.uri, TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text));
    service.setDocument(pathOf(textDocument.uri), textDocument.text);
    changedUri = textDocument.uri;
    publishChanged();
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const document = open.get(textDocument.uri);
    if (!document) return;
    const changed = TextDocument.update(document, contentChanges, textDocument.version);
    open.set(textDocument.uri, changed);
    service.setDocument(pathOf(textDocument.uri), changed.getText());
    changedUri = textDocument.uri;
    publishChanged();
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    // the file's names still count as it is on disk (unsaved edits are dropped); a file never saved leaves
    open.delete(textDocument.uri);
    const saved = textOnDisk(textDocument.uri);
    if (saved === undefined) service.removeDocument(pathOf(textDocument.uri));
    else service.setDocument(pathOf(textDocument.uri), saved);
    publishChanged();
  });

  connection.onCompletion(({ textDocument, position, context }) =>
    service.completions(pathOf(textDocument.uri), fromLsp(position), { triggerCharacter: context?.triggerCharacter }).map(
      (item): LspCompletionItem => ({
        label: item.label,
        kind: completionKinds[item.kind],
        ...(item.detail !== undefined ? { detail: item.detail } : {}),
        ...(item.documentation !== undefined ? { documentation: item.documentation } : {}),
        ...(item.description !== undefined ? { labelDetails: { description: item.description } } : {}),
        ...(item.sortText !== undefined ? { sortText: item.sortText } : {}),
        insertTextFormat: item.snippet ? 2 : 1,
        textEdit: { newText: item.insertText, insert: rangeToLsp(item.insert), replace: rangeToLsp(item.replace) },
      }),
    ),
  );
  connection.onHover(({ textDocument, position }) => {
    const hover = service.hover(pathOf(textDocument.uri), fromLsp(position));
    return hover && { range: rangeToLsp(hover.range), contents: { kind: "markdown", value: hover.contents.join("\n\n") } };
  });
  connection.onDefinition(({ textDocument, position }) => {
    const location = service.definition(pathOf(textDocument.uri), fromLsp(position));
    return location && { uri: uriOf(location.path), range: rangeToLsp(location.range) };
  });
  connection.onReferences(({ textDocument, position, context }) =>
    service.references(pathOf(textDocument.uri), fromLsp(position), context.includeDeclaration).map((l) => ({ uri: uriOf(l.path), range: rangeToLsp(l.range) })),
  );
  // A refusal is an error with the service's reason, which the editor shows (a null answer would show its own generic text).
  connection.onPrepareRename(({ textDocument, position }) => {
    const target = service.prepareRename(pathOf(textDocument.uri), fromLsp(position));
    if ("error" in target) throw new ResponseError(LSPErrorCodes.RequestFailed, target.error);
    return { range: rangeToLsp(target.range), placeholder: target.placeholder };
  });
  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const result = service.rename(pathOf(textDocument.uri), fromLsp(position), newName);
    if ("error" in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    const changes: Record<string, Array<{ range: ReturnType<typeof rangeToLsp>; newText: string }>> = {};
    for (const edit of result.edits) (changes[uriOf(edit.path)] ??= []).push({ range: rangeToLsp(edit.range), newText: edit.newText });
    return { changes };
  });
  connection.onDocumentSymbol(({ textDocument }) => service.documentSymbols(pathOf(textDocument.uri)).map(documentSymbol));
  connection.onDocumentFormatting(({ textDocument }) =>
    service.format(pathOf(textDocument.uri)).map((edit) => ({ range: rangeToLsp(edit.range), newText: edit.newText })),
  );
  connection.onFoldingRanges(({ textDocument }) =>
    service.foldingRanges(pathOf(textDocument.uri)).map((fold) => ({
      startLine: fold.startLine - 1, endLine: fold.endLine - 1, ...(fold.kind ? { kind: FoldingRangeKind.Comment } : {}),
    })),
  );
  connection.languages.semanticTokens.on(({ textDocument }) => ({ data: encodeSemanticTokens(service.semanticTokens(pathOf(textDocument.uri))) }));
  connection.onCodeAction(({ textDocument, context }) =>
    service.codeActions(pathOf(textDocument.uri), context.diagnostics.map((d) => ({
        range: rangeFromLsp(d.range),
        message: typeof d.message === "string" ? d.message : d.message.value,
        ...(typeof d.code === "string" ? { code: d.code } : {}),
      }))).map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [context.diagnostics[fix.problemIndex]!],
      isPreferred: fix.preferred,
      edit: { changes: { [uriOf(fix.edit.path)]: [{ range: rangeToLsp(fix.edit.range), newText: fix.edit.newText }] } },
    })),
  );

  connection.listen();
}

function documentSymbol(symbol: DocumentSymbol): LspDocumentSymbol {
  return {
    name: symbol.name,
    kind: symbolKinds[symbol.kind],
    ...(symbol.detail !== undefined ? { detail: symbol.detail } : {}),
    range: rangeToLsp(symbol.range),
    selectionRange: rangeToLsp(symbol.selectionRange),
    children: symbol.children.map(documentSymbol),
  };
}
