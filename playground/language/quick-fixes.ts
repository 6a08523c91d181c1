// Quick fixes from the checker's "Did you mean …?": the checker already knows
// the closest declared name; the lightbulb offers to write it in place.
import type { editor, languages } from "monaco-editor/editor";

/**
 * The text to put in place of `written` for a diagnostic message, or null.
 * Quoted names are suggested as `"Won"`, identifiers as `` `amount` ``; the
 * replacement keeps the way the name under the marker is written.
 */
export function replacementFor(written: string, message: string): string | null {
  // the input validator's messages (a test block's events) say it in lower case
  const match = /[Dd]id you mean (?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)\?/.exec(message);
  if (!match) return null;
  const name = match[1] ?? match[2]!;
  return written.startsWith('"') ? JSON.stringify(name) : name;
}

export const quickFixProvider: languages.CodeActionProvider = {
  provideCodeActions(model: editor.ITextModel, _range, context) {
    const actions: languages.CodeAction[] = [];
    for (const marker of context.markers) {
      const written = model.getValueInRange(marker);
      const replacement = replacementFor(written, marker.message);
      if (replacement === null || replacement === written) continue;
      actions.push({
        title: `Change to ${replacement}`,
        kind: "quickfix",
        diagnostics: [marker],
        isPreferred: true,
        edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: marker, text: replacement } }] },
      });
    }
    return { actions, dispose() {} };
  },
};
