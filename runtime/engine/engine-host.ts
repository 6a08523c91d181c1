// What the parts of the engine share: the program, the state kept between
// events, the turn in progress and the workflow runner. The engine (engine.ts)
// is the one implementation; each part takes it as its first argument.
import type { Calendar } from "../program/ir";
import type { CoverageHit, RecordState, TraceRecord } from "../types";
import type { PreparedProgram } from "../program/prepare";
import type { WorkflowRunner } from "../workflows/workflow-runner";
import type { DecisionWorld } from "./decide-action";
import type { EngineState } from "./engine-state";
import type { Turn } from "./turn";

export interface EngineHost extends DecisionWorld {
  readonly prepared: PreparedProgram;
  readonly calendar: Calendar;
  readonly state: EngineState;
  readonly onTrace: ((trace: TraceRecord) => void) | undefined;
  readonly onSkippedEffect: ((rule: string, reason: string) => void) | undefined;
  readonly onCoverage: ((hit: CoverageHit) => void) | undefined;
  readonly lookup: (ref: string) => RecordState | undefined;
  readonly turn: Turn;
  readonly workflows: WorkflowRunner;
}
