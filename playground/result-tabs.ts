// The results pane's tabs (timeline, board, tests, TypeScript): one view on
// screen at a time. Each tab is a button (Tab reaches it, Enter shows it; the
// arrow keys move between tabs); a view hears when it is shown or hidden, so
// one that costs work to fill fills only while it is seen.
export class ResultTabs {
  private readonly tabs: HTMLButtonElement[];
  private readonly listeners: Array<(view: string) => void> = [];
  shown: string;

  constructor(nav: HTMLElement) {
    this.tabs = [...nav.querySelectorAll<HTMLButtonElement>("button[role=tab]")];
    this.shown = this.tabs[0]!.getAttribute("aria-controls")!;
    for (const [index, tab] of this.tabs.entries()) {
      tab.addEventListener("click", () => this.show(tab.getAttribute("aria-controls")!));
      tab.addEventListener("keydown", (event) => {
        const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
        if (step === 0) return;
        const next = this.tabs[(index + step + this.tabs.length) % this.tabs.length]!;
        next.focus();
        this.show(next.getAttribute("aria-controls")!);
      });
    }
  }

  onShow(listener: (view: string) => void): void {
    this.listeners.push(listener);
  }

  /** Shows the view with this element id. */
  show(view: string): void {
    this.shown = view;
    for (const tab of this.tabs) {
      const id = tab.getAttribute("aria-controls")!;
      tab.setAttribute("aria-selected", String(id === view));
      document.getElementById(id)!.hidden = id !== view;
    }
    for (const listener of this.listeners) listener(view);
  }
}
