// The runtime's public API: what the CLI, the playground, the test runner and
// the TypeScript backend call. Everything else in runtime/ is internal.
export { createEngine, DEFAULT_CASCADE_BOUND } from "./engine";
export { runEvents, type RunOptions } from "./run-events";
export { formatOutputLine } from "./output-format";
export { RuntimeError, CascadeError, EventOrderError, UnknownFunctionError, SnapshotError, RecordExistsError } from "./errors";
export type {
  Engine,
  EngineOptions,
  EvalContext,
  CompiledCondition,
  CompiledValue,
  CompiledAction,
  CompiledRule,
  CompiledStep,
  CompiledWorkflow,
  CompiledProgram,
  OutputRecord,
  RecordState,
  Snapshot,
  TraceRecord,
  EventTrace,
  RuleTrace,
} from "./types";
export type { InputEvent, Program, Value } from "./ir";
// The expression semantics that code emitted by the TypeScript backend calls.
export {
  fieldOf,
  follow,
  eventField,
  changed,
  previous,
  isOpen,
  negate,
  equal,
  less,
  lessOrEqual,
  greater,
  greaterOrEqual,
  isIn,
  add,
  subtract,
  multiply,
  divide,
  callFunction,
  placeholder,
} from "./compiled-support";
export { validateEventLine, type InputError, type ValidatedLine } from "./validate-event";
export { runTests, matchesExpectation, type TestResult, type TestFailure } from "./test-runner";
export { explain, formatExplanation, describeTrigger, type Explanation, type RuleExplanation, type Consideration } from "./explain";
export { formatTrace } from "./trace-format";
export { InMemoryEventStore, type EventStore } from "./event-store";
export { parseInstant } from "./time";
export { EventStreamValidator } from "./event-stream-validator";
