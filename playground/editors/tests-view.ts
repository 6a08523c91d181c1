// The test panel: every `test` block of the rules with its result, as the
// worker's run of them (`runTests`, what `stagecraft test` runs) reported it.
// A test's name jumps to the block; each failure jumps to the line that failed.
import type { TestOutcome } from "../checking/protocol";

type Jump = (file: string, line: number, column: number) => void;

export function renderTests(container: HTMLElement, tests: TestOutcome[] | null, jump: Jump): void {
  const list = document.createElement("ul");
  list.className = "tests";
  for (const test of tests ?? []) {
    const item = document.createElement("li");
    item.className = test.passed ? "passed" : "failed";
    item.append(jumpButton(`${test.passed ? "✓" : "✗"} ${test.name || "(the test runner)"}`, `${test.file}:${test.line}`, () => jump(test.file, test.line, test.column)));
    for (const failure of test.failures) {
      const button = jumpButton(failure.message, `${failure.file}:${failure.line}`, () => jump(failure.file, failure.line, failure.column));
      button.classList.add("failure");
      item.append(button);
    }
    list.append(item);
  }
  const note = document.createElement("p");
  note.className = "muted";
  note.textContent = tests === null ? "The tests run once the rules have no errors." : tests.length === 0 ? "These rules have no test blocks." : "";
  container.replaceChildren(...(note.textContent ? [note] : []), list);
}

function jumpButton(text: string, where: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.title = `Go to ${where}`;
  const label = document.createElement("span");
  label.textContent = text;
  const place = document.createElement("span");
  place.className = "where";
  place.textContent = where;
  button.append(label, place);
  button.addEventListener("click", onClick);
  return button;
}
