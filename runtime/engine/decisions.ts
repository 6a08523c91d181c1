// What an action decides, as plain values: the engine applies decisions (state
// changes, outputs, derived events) after they are made so deciding is a pure
// function that is easy to test and replay. Deciding reads state and never writes it.
import type { Value } from "../program/ir";

export type Decision =
  | { kind: "effect"; type: string; data: Record<string, Value> }
  | { kind: "open"; ref: string; stage: string; by?: string }
  | { kind: "close"; ref: string; stage: string }
  /** roundRobinSteps: how far the team's round-robin counter moves (past members that did not qualify). */
  | { kind: "update"; ref: string; fields: Record<string, Value>; roundRobinTeam?: string; roundRobinSteps?: number }
  | { kind: "create"; entity: string; fields: Record<string, Value> }
  /** The action (in rule-language words) does nothing here, for the reason given (to the trace). `effect`: an output was due and is not made (its recipient is empty). */
  | { kind: "skip"; action: string; reason: string; effect?: true };
