// What the checker does with one rule, workflow or test once the schema is
// declared: the one path both the whole check and the streaming check take, so
// that they cannot drift apart.
import type { SourceFile, TopLevelItem } from "../grammar/ast";
import type { Binding } from "./binder/binding";
import { claimItemName } from "./binder/declarations";
import { bindItem } from "./binder/rules";
import type { CheckRun } from "./checks/run-checks";
import { typeItem } from "./types/type-program";

/** Claims the item's name, binds it, types it and runs the checks on it (declarations only get the checks). */
export function checkItem(binding: Binding, run: CheckRun, item: TopLevelItem, file: SourceFile): void {
  claimItemName(binding, item, file);
  bindItem(binding, item, file);
  typeItem(binding, item);
  run.item(item, file);
}
