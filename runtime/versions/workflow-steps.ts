// The names of a workflow's steps, one per step of its flattened list (the
// list instances count `pc` in; program/prepare.ts flattens it the same way).
// The language gives steps no names of their own, so a step is named by what
// it is (its kind and content, canonical JSON) and which occurrence of that
// it is (`#2` for the second `wait 2 days`). A deploy moves an instance to the
// new version of its workflow when the step it stands at has the same name
// there (runtime/versions/migration-plan.ts).
import type { Step, WorkflowDef } from "../program/ir";
import { canonicalJson } from "../program/digest";

export function workflowStepNames(workflow: WorkflowDef): string[] {
  const contents: string[] = [];
  flatten(workflow.steps, contents);
  const seen = new Map<string, number>();
  return contents.map((content) => {
    const count = (seen.get(content) ?? 0) + 1;
    seen.set(content, count);
    return `${content}#${count}`;
  });
}

/** Mirrors prepare.ts `flattenSteps`: an `if` is its branch, its `then` steps, a jump when it has an `else`, then the `else` steps. */
function flatten(steps: readonly Step[], into: string[]): void {
  for (const step of steps) {
    switch (step.kind) {
      case "action":
        into.push(canonicalJson({ action: step.action }));
        break;
      case "wait":
        // The whole due time: `wait 2 days at 09:00` is another step than `wait 2 days` (a plain wait's name has no `at`).
        into.push(canonicalJson({ wait: step.duration, at: step.at, withinWorkingHours: step.withinWorkingHours }));
        break;
      case "waitUntil":
        into.push(canonicalJson({ waitUntil: step.condition, timeout: step.timeout }));
        break;
      case "stop":
        into.push("stop");
        break;
      case "if":
        into.push(canonicalJson({ if: step.condition }));
        flatten(step.then, into);
        if (step.else.length > 0) {
          into.push("else");
          flatten(step.else, into);
        }
        break;
    }
  }
}
