// Registers the `stagecraft` language with Monaco: highlighting from the
// lexer's vocabulary, editing behaviour, and providers that translate between
// Monaco and the language service (language-service/, in the worker), which
// holds every answer: completion, hover, go to definition, references, rename,
// outline, folding, quick fixes, formatting and semantic tokens. Monaco's
// positions are 1-based like the service's, so ranges pass through.
import { languages, type editor, type IDisposable, type IRange, type Uri } from "monaco-editor/editor";
import { completionTriggerCharacters } from "../../language-service/completion-triggers";
import { semanticTokenTypes } from "../../language-service/semantic-token-legend";
import type { CompletionKind, LanguageService, Range, SymbolKind } from "../../language-service/index";
import { languageConfiguration } from "./language-configuration";
import type { LanguageClient } from "./language-client";
import type { LanguageAnswer, LanguageMethod } from "./language-protocol";

export const languageId = "stagecraft";

export interface LanguageServices {
  service: LanguageClient;
  /** The model URI of a rules file, for results in other files. */
  uriOfFile(path: string): Uri;
  /** The rules file a model holds. */
  fileOfUri(uri: Uri): string;
}

const Kind = languages.CompletionItemKind;
const completionKinds: Record<CompletionKind, languages.CompletionItemKind> = {
  keyword: Kind.Keyword, field: Kind.Field, stage: Kind.EnumMember, template: Kind.Reference, event: Kind.Event,
  entity: Kind.Class, team: Kind.Module, function: Kind.Function, value: Kind.EnumMember, type: Kind.TypeParameter,
  rule: Kind.Function, workflow: Kind.Function,
};
const symbolKinds: Record<SymbolKind, languages.SymbolKind> = {
  calendar: languages.SymbolKind.Object, entity: languages.SymbolKind.Class, field: languages.SymbolKind.Field,
  stage: languages.SymbolKind.EnumMember, template: languages.SymbolKind.String, team: languages.SymbolKind.Module,
  event: languages.SymbolKind.Event, rule: languages.SymbolKind.Function, workflow: languages.SymbolKind.Function, test: languages.SymbolKind.Method,
};

const toMonaco = (range: Range): IRange => ({ startLineNumber: range.start.line, startColumn: range.start.column, endLineNumber: range.end.line, endColumn: range.end.column });
const fromMonaco = (range: IRange): Range => ({ start: { line: range.startLineNumber, column: range.startColumn }, end: { line: range.endLineNumber, column: range.endColumn } });
type DropFirst<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

const at = (position: { lineNumber: number; column: number }) => ({ line: position.lineNumber, column: position.column });

export function registerStagecraft(services: LanguageServices): IDisposable[] {
  const { service } = services;
  /** The service's answer about the model's file (the first argument of every question). */
  const ask = <M extends LanguageMethod>(model: editor.ITextModel, method: M, ...rest: DropFirst<Parameters<LanguageService[M]>>): Promise<LanguageAnswer<M>> =>
    service.ask(method, ...([services.fileOfUri(model.uri), ...rest] as unknown as Parameters<LanguageService[M]>));
  languages.register({ id: languageId, extensions: [".rules"], aliases: ["Stagecraft"] });
  return [
    languages.setMonarchTokensProvider(languageId, service.highlighting()),
    languages.setLanguageConfiguration(languageId, languageConfiguration),
    languages.registerCompletionItemProvider(languageId, {
      triggerCharacters: completionTriggerCharacters,
      async provideCompletionItems(model, position, context) {
        const triggerCharacter = context.triggerKind === languages.CompletionTriggerKind.TriggerCharacter ? context.triggerCharacter : undefined;
        const items = await ask(model, "completions", at(position), { triggerCharacter });
        return {
          suggestions: items.map((item) => ({
            label: item.description ? { label: item.label, description: item.description } : item.label,
            kind: completionKinds[item.kind],
            detail: item.detail,
            documentation: item.documentation,
            insertText: item.insertText,
            insertTextRules: item.snippet ? languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
            sortText: item.sortText,
            range: { insert: toMonaco(item.insert), replace: toMonaco(item.replace) },
          })),
        };
      },
    }),
    languages.registerHoverProvider(languageId, {
      async provideHover(model, position) {
        const hover = await ask(model, "hover", at(position));
        return hover && { range: toMonaco(hover.range), contents: hover.contents.map((value) => ({ value })) };
      },
    }),
    languages.registerDefinitionProvider(languageId, {
      async provideDefinition(model, position) {
        const location = await ask(model, "definition", at(position));
        return location && { uri: services.uriOfFile(location.path), range: toMonaco(location.range) };
      },
    }),
    languages.registerReferenceProvider(languageId, {
      async provideReferences(model, position, context) {
        return (await ask(model, "references", at(position), context.includeDeclaration))
          .map((location) => ({ uri: services.uriOfFile(location.path), range: toMonaco(location.range) }));
      },
    }),
    languages.registerRenameProvider(languageId, {
      async provideRenameEdits(model, position, newName) {
        const result = await ask(model, "rename", at(position), newName);
        if ("error" in result) return { edits: [], rejectReason: result.error };
        return {
          edits: result.edits.map((edit) => ({ resource: services.uriOfFile(edit.path), versionId: undefined, textEdit: { range: toMonaco(edit.range), text: edit.newText } })),
        };
      },
      async resolveRenameLocation(model, position) {
        const target = await ask(model, "prepareRename", at(position));
        if ("error" in target) return { range: toMonaco({ start: at(position), end: at(position) }), text: "", rejectReason: target.error };
        return { range: toMonaco(target.range), text: target.placeholder };
      },
    }),
    languages.registerDocumentSymbolProvider(languageId, {
      async provideDocumentSymbols(model) {
        type Outline = LanguageAnswer<"documentSymbols">[number];
        const convert = (symbol: Outline): languages.DocumentSymbol => ({
          name: symbol.name, detail: symbol.detail ?? "", kind: symbolKinds[symbol.kind], tags: [],
          range: toMonaco(symbol.range), selectionRange: toMonaco(symbol.selectionRange), children: symbol.children.map(convert),
        });
        return (await ask(model, "documentSymbols")).map(convert);
      },
    }),
    languages.registerFoldingRangeProvider(languageId, {
      async provideFoldingRanges(model) {
        return (await ask(model, "foldingRanges")).map((fold) => ({
          start: fold.startLine, end: fold.endLine, kind: fold.kind ? languages.FoldingRangeKind.Comment : undefined,
        }));
      },
    }),
    languages.registerCodeActionProvider(languageId, {
      async provideCodeActions(model, _range, context) {
        const markers = context.markers;
        const fixes = await ask(model, "codeActions", markers.map((marker) => {
          const code = typeof marker.code === "string" ? marker.code : marker.code?.value;
          return { range: fromMonaco(marker), message: marker.message, ...(code === undefined ? {} : { code }) };
        }));
        return {
          actions: fixes.map((fix) => ({
            title: fix.title,
            kind: fix.kind,
            diagnostics: [markers[fix.problemIndex]!],
            isPreferred: fix.preferred,
            edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: toMonaco(fix.edit.range), text: fix.edit.newText } }] },
          })),
          dispose() {},
        };
      },
    }, { providedCodeActionKinds: ["quickfix"] }),
    languages.registerDocumentFormattingEditProvider(languageId, {
      async provideDocumentFormattingEdits(model) {
        return (await ask(model, "format")).map((edit) => ({ range: toMonaco(edit.range), text: edit.newText }));
      },
    }),
    languages.registerDocumentSemanticTokensProvider(languageId, {
      getLegend: () => ({ tokenTypes: [...semanticTokenTypes], tokenModifiers: [] }),
      async provideDocumentSemanticTokens(model) {
        return { data: new Uint32Array(await ask(model, "semanticTokens")) };
      },
      releaseDocumentSemanticTokens() {},
    }),
  ];
}
