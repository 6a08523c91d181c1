// The pipeline board: for each entity with a pipeline, its stages as columns
// and the records open in them as cards, at the moment the slider shows. A
// column shows the cards the worker sent (pipeline-board.ts caps them) and
// "+N more" for the rest. Clicking a card picks its record.
import type { PipelineBoard } from "./pipeline-board";

/** Each board's watcher of its pipelines' widths, let go when the board is drawn again. */
const sizeWatchers = new WeakMap<HTMLElement, ResizeObserver>();

export function renderBoard(container: HTMLElement, boards: PipelineBoard[], caption: string, pick: (ref: string) => void): void {
  sizeWatchers.get(container)?.disconnect();
  const watcher = new ResizeObserver((entries) => {
    for (const entry of entries) markSideways(entry.target as HTMLElement);
  });
  sizeWatchers.set(container, watcher);
  const fragment = document.createDocumentFragment();
  const heading = document.createElement("p");
  heading.className = "board-caption";
  heading.textContent = boards.length === 0 ? "No entity of these rules has a pipeline." : caption;
  fragment.append(heading);
  for (const board of boards) {
    const section = document.createElement("section");
    section.className = "board";
    section.setAttribute("aria-label", `${board.entity} pipeline`);
    const title = document.createElement("h3");
    title.textContent = `${board.entity} pipeline`;
    const note = document.createElement("span");
    note.className = "sideways";
    note.textContent = `: ${board.columns.length} stages, scroll sideways →`;
    note.hidden = true;
    title.append(note);
    const columns = document.createElement("div");
    columns.className = "board-columns";
    columns.setAttribute("aria-label", `${board.entity} stages`);
    columns.addEventListener("scroll", () => markSideways(columns), { passive: true });
    watcher.observe(columns);
    for (const column of board.columns) {
      const box = document.createElement("div");
      box.className = "board-column";
      box.dataset.stage = column.stage;
      const head = document.createElement("h4");
      head.textContent = column.stage;
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = String(column.count);
      head.append(" ", count);
      box.append(head);
      for (const card of column.cards) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "card";
        button.dataset.ref = card.ref;
        button.title = `Show ${card.ref} in the record state`;
        const ref = document.createElement("span");
        ref.className = "ref";
        ref.textContent = card.ref;
        button.append(ref);
        if (card.label) {
          const label = document.createElement("span");
          label.className = "label";
          label.textContent = card.label;
          button.append(label);
        }
        button.addEventListener("click", () => pick(card.ref));
        box.append(button);
      }
      const rest = column.count - column.cards.length;
      if (rest > 0) {
        const more = document.createElement("p");
        more.className = "more";
        more.textContent = `+${rest.toLocaleString("en")} more`;
        box.append(more);
      }
      columns.append(box);
    }
    const frame = document.createElement("div");
    frame.className = "board-frame";
    frame.append(columns);
    section.append(title, frame);
    fragment.append(section);
  }
  container.replaceChildren(fragment);
}

/**
 * A pipeline wider than the board scrolls sideways (a phone shows two or three
 * stages): its heading says so, the cut edge fades, and it takes the focus so
 * the arrow keys scroll it. One that fits is none of these.
 */
function markSideways(columns: HTMLElement): void {
  const hidden = columns.scrollWidth - columns.clientWidth;
  const sideways = hidden > 1;
  const frame = columns.parentElement!;
  frame.classList.toggle("more-right", sideways && columns.scrollLeft < hidden - 1);
  frame.classList.toggle("more-left", sideways && columns.scrollLeft > 1);
  const note = frame.parentElement?.querySelector<HTMLElement>(".sideways");
  if (note) note.hidden = !sideways;
  if (sideways) columns.tabIndex = 0;
  else columns.removeAttribute("tabindex");
}
