// The runtime's public API: what the CLI, the playground, the test runner and
// the TypeScript backend call. Everything else in runtime/ is internal.
export { createEngine, DEFAULT_CASCADE_BOUND } from "./engine/engine";
export { SNAPSHOT_VERSION } from "./types";
export { runEvents, type RunOptions } from "./engine/run-events";
export { snapshotHead, snapshotParts, SnapshotAssembler, SNAPSHOT_PART_ROWS, type SnapshotHead, type SnapshotPart } from "./engine/snapshot-parts";
export { appendAll } from "./append-all";
export { formatOutputLine } from "./reporting/output-format";
export { EffectRenderer, type EffectContent } from "./effects/effect-content";
export { describeProgramChanges, RuntimeError, CascadeError, EventOrderError, UnknownFunctionError, SnapshotError, ProgramChangedError, RecordExistsError, UnfitStateError } from "./errors";
export {
  programFingerprint,
  programManifest,
  comparePrograms,
  ruleIdentities,
  type ProgramManifest,
  type ManifestItem,
  type ItemKind,
  type ProgramChanges,
  type RuleToIdentify,
  type RuleBehaviour,
} from "./program/identity";
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
  CoverageHit,
  OutputRecord,
  RecordState,
  Snapshot,
  TraceRecord,
  EventTrace,
  RuleTrace,
  SkipTrace,
} from "./types";
export type { InputEvent, Program, Value } from "./program/ir";
// The expression semantics that code emitted by the TypeScript backend calls, each under its own name.
export * from "./expressions/expression-semantics";
export { keyPath, validateEventLine, type InputError, type ValidatedLine } from "./input/validate-event";
export { repeatedKey } from "./input/repeated-keys";
export { CoverageCounter, coverageReport, type CoverageEntry, type CoverageReport } from "./reporting/coverage";
export { runTests, type TestResult, type TestFailure, type TestRunOptions } from "./reporting/test-runner";
export { matchesPattern } from "./reporting/test-expectations";
export { explain, formatExplanation, describeTrigger, type Explanation, type ExplanationFormat, type RuleExplanation, type Consideration } from "./reporting/explain";
export { formatTrace } from "./reporting/trace-format";
export { InMemoryEventStore, type EventStore } from "./stores/event-store";
export { formatInstant, parseInstant, missingTimeReason, isIsoDate, isWallTime, parseWallTime, endOfLocalDate } from "./time/instants";
export { readUntil, describeUntil, untilPassed, UntilError, type Until } from "./time/until";
export { EventStreamValidator, hasOutputIdForm, type StreamCheckOptions } from "./input/event-stream-validator";
export { canonicalJson } from "./program/digest";
export { BehaviourDiffer, VersionRunError, type DiffSide } from "./versions/behaviour-diff";
export { PairedEventValidator, type PairedLine } from "./versions/paired-events";
export { formatDiffText, type DiffSources } from "./versions/format-diff";
export { planMigration, isEmptyPlan, leavesUnfitRecords, type MigrationPlan, type TimerChange, type InstanceChange } from "./versions/migration-plan";
export { applyMigration, DEPLOY_OUTPUT_TYPES, type Migrated } from "./versions/apply-migration";
export { deployRules, resumeWithOtherRules, type Deployed } from "./versions/deploy-rules";
export { formatPlanText, formatUnfitRecords } from "./versions/format-plan";
export { UNFIT_RECORDS_LISTED, type SchemaCheck, type SchemaProblem, type UnfitRecord, type Misfit, type MisfitKind, type DroppedField } from "./versions/schema-fit";
export type { BehaviourDiff, OutputDifference, DiffExample, RuleGroup, RecordGroup, StageDifference, Counts, GroupCounts, DifferenceKind } from "./versions/diff-report";
export { formatInZone, formatWithUtc, offsetInZone, formatInstantsIn } from "./time/zone-time";
