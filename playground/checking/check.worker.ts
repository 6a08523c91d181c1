// The checker runs here, off the main thread, so typing never waits for it.
// Each request carries every rules file (they share one namespace); the answer
// carries what the page needs until the next one: the markers. The
// lowered program stays here: it validates the events and runs them. The
// language service answers the editor here too, over the same parsed files.
import { compileChecked } from "../../compiler/index";
import { Workspace } from "../../language-service/workspace";
import { internalErrorDiagnostic } from "../../diagnostics/internal";
import { runTests } from "../../runtime/index";
import type { Program } from "../../runtime/program/ir";
import type { Diagnostic } from "../../diagnostics/diagnostic";
import { handleRunRequest } from "../run/run-session";
import { isRunRequest, type RunRequest } from "../run/run-protocol";
import { isLanguageRequest, type LanguageRequest } from "../language/language-protocol";
import { answerLanguageRequest, languageService } from "../language/language-session";
import { isTypeScriptRequest, type TypeScriptRequest } from "../typescript/typescript-protocol";
import { answerTypeScriptRequest } from "../typescript/typescript-session";
import type { CheckResponse, RulesSource, TestOutcome, TestsResponse, WorkerRequest, WorkerResponse } from "./protocol";
import { validateEventsText } from "./validate-events";

let lastProgram: Program | null = null;
// The rules files as last checked: a check re-parses only the files that changed.
const workspace = languageService.workspace;

self.onmessage = (message: MessageEvent<WorkerRequest | RunRequest | LanguageRequest | TypeScriptRequest>) => {
  const request = message.data;
  if (isTypeScriptRequest(request)) {
    void answerTypeScriptRequest(request, lastProgram).then((response) => self.postMessage(response));
    return;
  }
  if (isLanguageRequest(request)) {
    self.postMessage(answerLanguageRequest(request));
    return;
  }
  // Runs share this worker, so the compiler and the runtime load once; they run with the last checked program.
  if (isRunRequest(request)) {
    handleRunRequest(request, lastProgram, (response) => self.postMessage(response));
    return;
  }
  let response: WorkerResponse;
  if (request.kind === "events") {
    response = { kind: "events", id: request.id, eventProblems: validateEventsText(lastProgram, request.events).problems };
  } else {
    response = check(request);
  }
  self.postMessage(response);
  // The rules' own `test` blocks run after the markers went out, so they never delay them.
  if (request.kind === "check" && !request.aside && lastProgram) {
    self.postMessage(testsOf(request.id, lastProgram));
  }
};

function testsOf(id: number, program: Program): TestsResponse {
  try {
    const tests = runTests(program).map((result): TestOutcome => ({
      name: result.name,
      file: result.location.file,
      line: result.location.line,
      column: result.location.column,
      passed: result.passed,
      failures: result.failures.map((failure) => ({ test: result.name, ...failure.location, message: failure.message })),
    }));
    return { kind: "tests", id, tests };
  } catch (error) {
    // A crash of the test runner shows as a failed test at the first test block, never silenced.
    const where = program.tests[0]!.location;
    const message = internalErrorDiagnostic("playground", error, where.file).message;
    return { kind: "tests", id, tests: [{ name: "", ...where, passed: false, failures: [{ test: "", ...where, message }] }] };
  }
}

function check(request: Extract<WorkerRequest, { kind: "check" }>): CheckResponse {
  const started = performance.now();
  try {
    const result = compile(request.sources, request.aside);
    const program = result.program;
    if (!request.aside) lastProgram = program;
    const response: CheckResponse = {
      kind: "check",
      id: request.id,
      diagnostics: result.diagnostics,
      runnable: program !== null,
      eventProblems: request.events === null ? null : validateEventsText(program, request.events).problems,
      checkMs: 0,
    };
    response.checkMs = performance.now() - started;
    return response;
  } catch (error) {
    // A crash in the checker must not silence the editor: show it as a diagnostic.
    if (!request.aside) lastProgram = null;
    return {
      kind: "check",
      id: request.id,
      diagnostics: [internalErrorDiagnostic("playground", error, request.sources[0]?.path ?? "")],
      runnable: false,
      eventProblems: null,
      checkMs: performance.now() - started,
    };
  }
}

/** compileSources over the kept workspace: the same answer, the unchanged files not parsed again. */
function compile(sources: RulesSource[], aside: boolean): { diagnostics: Diagnostic[]; program: Program | null } {
  const result = compileChecked(workspaceFor(sources, aside).check());
  return { diagnostics: result.diagnostics, program: result.program ?? null };
}

function workspaceFor(sources: RulesSource[], aside: boolean): Workspace {
  const target = aside ? new Workspace() : workspace;
  target.replaceAll(sources);
  return target;
}
