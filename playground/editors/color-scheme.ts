// The editors follow the system's light or dark preference (as the page's CSS
// does, styles.css), also when it changes while the page is open. The themes
// are Monaco's own plus colours for the language service's semantic tokens
// (language-service/semantic-token-legend.ts): a stage, an event, a field and
// an entity each read as what they are, where Monarch alone sees a string or a name.
import { editor } from "monaco-editor/editor";

const semanticColours = {
  light: { type: "267f99", enumMember: "0070c1", event: "af00db", property: "001080", function: "795e26", variable: "001080", namespace: "267f99" },
  dark: { type: "4ec9b0", enumMember: "4fc1ff", event: "c586c0", property: "9cdcfe", function: "dcdcaa", variable: "9cdcfe", namespace: "4ec9b0" },
};

const rulesOf = (colours: Record<string, string>) => Object.entries(colours).map(([token, foreground]) => ({ token, foreground }));

export function followColorScheme(): void {
  editor.defineTheme("stagecraft-light", { base: "vs", inherit: true, rules: rulesOf(semanticColours.light), colors: {} });
  editor.defineTheme("stagecraft-dark", { base: "vs-dark", inherit: true, rules: rulesOf(semanticColours.dark), colors: {} });
  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => editor.setTheme(dark.matches ? "stagecraft-dark" : "stagecraft-light");
  apply();
  dark.addEventListener("change", apply);
}
