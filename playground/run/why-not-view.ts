// "Why (not)?": the runtime's own explanation (computed in the worker, see
// run-session.ts) of which rules fired for a record and why the others did not.
export function renderWhyText(view: HTMLElement, text: string): void {
  const fragment = document.createDocumentFragment();
  for (const line of text.split("\n")) {
    const div = document.createElement("div");
    div.textContent = line;
    const kind = whyLineKind(line);
    if (kind !== undefined) div.className = kind;
    fragment.append(div);
  }
  view.replaceChildren(fragment);
}

/** A rule's heading, a firing (`…: fired`, with or without a skipped action), or neither. */
export function whyLineKind(line: string): "heading" | "fired" | undefined {
  if (!line.startsWith("  ")) return "heading";
  return /: fired\b/.test(line) ? "fired" : undefined;
}
