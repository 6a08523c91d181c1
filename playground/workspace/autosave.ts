// Work is never lost: the workspace is saved in the browser's storage shortly
// after each edit and comes back when the page opens again. `edited` says whether
// it differs from what was loaded (an example, a link), so opening something
// else over it asks first.
import { readWorkspace, type Workspace } from "./workspace";

const storageKey = "stagecraft.playground.workspace";
const delayMs = 400;

export interface Saved {
  workspace: Workspace;
  edited: boolean;
}

export class Autosave {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onProblem: (message: string) => void) {}

  /** The last saved workspace, or null when none was saved (or it no longer reads). */
  saved(): Saved | null {
    try {
      const text = localStorage.getItem(storageKey);
      if (!text) return null;
      const value = JSON.parse(text) as { edited?: unknown };
      const read = readWorkspace(value);
      return "workspace" in read ? { workspace: read.workspace, edited: value.edited === true } : null;
    } catch {
      return null;
    }
  }

  schedule(current: () => Saved): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.saveNow(current()), delayMs);
  }

  saveNow(saved: Saved): void {
    clearTimeout(this.timer);
    try {
      localStorage.setItem(storageKey, JSON.stringify({ ...saved.workspace, edited: saved.edited }));
    } catch (error) {
      // Storage full (a browser keeps about 5 MB per site) or turned off: say so, the edits are only in the page.
      this.onProblem(`not saved in this browser (${error instanceof Error ? error.name : "storage refused"}): use Share or copy your edits`);
    }
  }
}
