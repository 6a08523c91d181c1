// Registers the `stagecraft` language with Monaco: highlighting from the
// lexer's vocabulary, editing behaviour, and the providers that read the
// checker's last answer (completion, hover, go to definition, quick fixes)
// or the formatter (format document).
import { languages, Uri, type IDisposable } from "monaco-editor/editor";
import { formatSource } from "../../compiler/index";
import { tokenVocabulary } from "../../grammar/vocabulary";
import type { SymbolIndex } from "../checking/symbol-index";
import { createCompletionProvider } from "./completion";
import { declarationAt } from "./declaration-at";
import { languageConfiguration } from "./language-configuration";
import { monarchFromVocabulary } from "./monarch";
import { quickFixProvider } from "./quick-fixes";

export const languageId = "stagecraft";

export interface LanguageServices {
  /** The newest symbol index the checker produced. */
  symbols(): SymbolIndex;
  /** The model URI of a rules file, for go-to-definition across files. */
  uriOfFile(path: string): Uri;
  /** The rules file a model holds. */
  fileOfUri(uri: Uri): string;
}

export function registerStagecraft(services: LanguageServices): IDisposable[] {
  languages.register({ id: languageId, extensions: [".rules"], aliases: ["Stagecraft"] });
  return [
    languages.setMonarchTokensProvider(languageId, monarchFromVocabulary(tokenVocabulary)),
    languages.setLanguageConfiguration(languageId, languageConfiguration),
    languages.registerCompletionItemProvider(languageId, createCompletionProvider(services.symbols)),
    languages.registerHoverProvider(languageId, {
      provideHover(model, position) {
        const found = declarationAt(model, position, services.symbols());
        if (!found) return null;
        const contents = [{ value: fenced(found.code) }];
        if (found.doc) contents.push({ value: found.doc });
        if (found.declaration) contents.push({ value: `declared in ${inlineCode(found.declaration.file)}, line ${found.declaration.range.start.line}` });
        return { range: found.range, contents };
      },
    }),
    languages.registerDefinitionProvider(languageId, {
      provideDefinition(model, position) {
        const declaration = declarationAt(model, position, services.symbols())?.declaration;
        if (!declaration) return null;
        const { start, end } = declaration.range;
        return {
          uri: services.uriOfFile(declaration.file),
          range: { startLineNumber: start.line, startColumn: start.column, endLineNumber: end.line, endColumn: end.column },
        };
      },
    }),
    languages.registerCodeActionProvider(languageId, quickFixProvider, { providedCodeActionKinds: ["quickfix"] }),
    languages.registerDocumentFormattingEditProvider(languageId, {
      provideDocumentFormattingEdits(model) {
        const formatted = formatSource(model.getValue(), services.fileOfUri(model.uri));
        if (formatted.text === model.getValue()) return [];
        return [{ range: model.getFullModelRange(), text: formatted.text }];
      },
    }),
  ];
}

// Names from the rules go into Markdown only inside code, where nothing is interpreted.
function fenced(code: string): string {
  const fence = "`".repeat(Math.max(3, longestRun(code, "`") + 1));
  return `${fence}stagecraft\n${code}\n${fence}`;
}

function inlineCode(text: string): string {
  const ticks = "`".repeat(longestRun(text, "`") + 1);
  return `${ticks} ${text} ${ticks}`;
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
