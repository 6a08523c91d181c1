// "Why (not)?": the runtime's own explanation (computed in the worker, see
// run-session.ts) of which rules fired for a record and why the others did not.
export function renderWhyText(view: HTMLElement, text: string): void {
  const fragment = document.createDocumentFragment();
  for (const line of text.split("\n")) {
    const div = document.createElement("div");
    div.textContent = line;
    if (/: FIRED: /.test(line)) div.className = "fired";
    else if (!line.startsWith("  ")) div.className = "heading";
    fragment.append(div);
  }
  view.replaceChildren(fragment);
}
