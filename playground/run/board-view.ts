// The pipeline board: for each entity with a pipeline, its stages as columns
// and the records open in them as cards, at the moment the slider shows. A
// column shows the cards the worker sent (pipeline-board.ts caps them) and
// "+N more" for the rest. Clicking a card picks its record.
import type { PipelineBoard } from "./pipeline-board";

export function renderBoard(container: HTMLElement, boards: PipelineBoard[], caption: string, pick: (ref: string) => void): void {
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
    const columns = document.createElement("div");
    columns.className = "board-columns";
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
    section.append(title, columns);
    fragment.append(section);
  }
  container.replaceChildren(fragment);
}
