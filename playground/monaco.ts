// Monaco, trimmed to what a rules editor needs. `monaco-editor/editor` is the
// API without any contribution and without the bundled languages (most of its
// size: bench/README.md, "Figures behind the code");
// each feature we use (suggest, hover, go to definition, comment toggle, …) is
// a side-effect import of its contribution.
import * as monaco from "monaco-editor/editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";

// Features as the package exposes them (`features/<name>/register`)…
import "monaco-editor/features/codeEditor/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/codeAction/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/gotoSymbol/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/quickCommand/register";
// F2: rename across files, and the language service's reason when the name cannot be renamed (7 KB gzip).
import "monaco-editor/features/rename/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/suggest/register";
// Ctrl+M: Tab moves the focus out of the editor instead of indenting (no keyboard trap).
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
// …and the pieces editor.main adds outside them: the suggest widget's controller,
// F12 go to definition, document semantic tokens, the core cursor commands, the UI strings.
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands";
// Semantic tokens of whole documents (the language service answers them).
import "monaco-editor/editor/contrib/semanticTokens/browser/documentSemanticTokens";
import "monaco-editor/editor/browser/coreCommands";
import "monaco-editor/editor/common/standaloneStrings";

// Monaco's own worker (word-based features, diff). Our checker has its own
// worker (check.worker.ts); Monaco never needs a language worker here.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
