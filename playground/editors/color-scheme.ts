// The editors follow the system's light or dark preference (as the page's CSS
// does, styles.css), also when it changes while the page is open.
import { editor } from "monaco-editor/editor";

export function followColorScheme(): void {
  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => editor.setTheme(dark.matches ? "vs-dark" : "vs");
  apply();
  dark.addEventListener("change", apply);
}
