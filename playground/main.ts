// The playground page: wires the editors, the checker worker, Run and the
// inspection panes together. Each piece lives in its own module; this file only
// connects them and owns the page's state (the last check, the last run).
import { monaco } from "./monaco";
import { CheckClient } from "./checking/check-client";
import type { CheckResponse, RulesSource, TestProblem, TestsResponse } from "./checking/protocol";
import { followColorScheme } from "./editors/color-scheme";
import { EventsEditor } from "./editors/events-editor";
import { renderProblems } from "./editors/problems-view";
import { renderTests } from "./editors/tests-view";
import type { EventProblem } from "./checking/validate-events";
import { RulesEditor } from "./editors/rules-editor";
import { registerStagecraft } from "./language/register-language";
import { LanguageClient } from "./language/language-client";
import { RunPanel } from "./run/run-panel";
import { listExamples } from "./workspace/examples";
import { Autosave } from "./workspace/autosave";
import { encodeShareHash, readShareHash } from "./workspace/share-link";
import { sameWorkspace, type Workspace } from "./workspace/workspace";
import { installTestHooks } from "./test-hooks";
import { ResultTabs } from "./result-tabs";
import { TypeScriptView } from "./typescript/typescript-view";

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let lastCheck: CheckResponse | null = null;
let eventProblems: EventProblem[] = [];
let testProblems: TestProblem[] = [];

followColorScheme();
const rules = new RulesEditor(element("rules-editor"), element("file-tabs"));
const events = new EventsEditor(element("events-editor"));

const checker = new CheckClient({
  onCheck(response) {
    lastCheck = response;
    typeScript.markStale();
    rules.setDiagnostics(response.diagnostics);
    // Tests run only on rules without errors; until they do, their old results would mislead.
    if (!response.runnable) showTests(null);
    else element("tests-status").textContent = "tests: running…";
    if (response.eventProblems) showEventProblems(response.eventProblems);
    else renderAllProblems();
    const errors = response.diagnostics.filter((d) => d.severity === "error").length;
    setStatus(errors === 0 ? `checked in ${response.checkMs.toFixed(1)} ms` : `${errors} error${errors === 1 ? "" : "s"}`, errors > 0);
  },
  onEvents(response) {
    showEventProblems(response.eventProblems);
  },
  onTests(response) {
    showTests(response);
  },
});

// Editor answers come from the language service in the same worker (it parses
// only what changed), so the page carries Monaco and the adapter alone.
const languageClient = new LanguageClient(checker.worker, () => rules.sources());
registerStagecraft({
  service: languageClient,
  uriOfFile: (path) => rules.uriOf(path),
  fileOfUri: (uri) => rules.pathOf(uri),
});

const runPanel = new RunPanel(
  {
    timelineWrap: element("timeline-wrap"),
    timeline: element<HTMLTableElement>("timeline"),
    timelineFilter: element<HTMLInputElement>("timeline-filter"),
    timelineCount: element("timeline-count"),
    runStatus: element("run-status"),
    runProgress: element<HTMLProgressElement>("run-progress"),
    cancel: element<HTMLButtonElement>("cancel-run"),
    stateRecord: element<HTMLSelectElement>("state-record"),
    stateSlider: element<HTMLInputElement>("state-slider"),
    stateTime: element("state-time"),
    stateView: element("state-view"),
    whyRecord: element<HTMLSelectElement>("why-record"),
    whyRule: element<HTMLSelectElement>("why-rule"),
    whyView: element("why-view"),
    board: element("view-board"),
  },
  checker.worker,
);

const resultTabs = new ResultTabs(element("result-tabs"));
const typeScript = new TypeScriptView(checker.worker, element("typescript-editor"), element("typescript-status"));
resultTabs.onShow((view) => {
  runPanel.showBoard(view === "view-board");
  typeScript.setShown(view === "view-typescript");
});

function showTests(results: TestsResponse | null): void {
  const tests = results?.tests ?? null;
  testProblems = tests?.flatMap((test) => test.failures) ?? [];
  rules.setTestProblems(testProblems);
  const passed = tests?.filter((test) => test.passed).length ?? 0;
  const failed = (tests?.length ?? 0) - passed;
  const status = element("tests-status");
  status.textContent = !tests ? "" : tests.length === 0 ? "no tests" : `tests: ${passed} passed, ${failed} failed`;
  status.classList.toggle("error", failed > 0);
  status.classList.toggle("ok", passed > 0 && failed === 0);
  element("tab-tests").textContent = !tests || tests.length === 0 ? "Tests" : `Tests ${failed > 0 ? `✗ ${failed}` : `✓ ${passed}`}`;
  renderTests(element("view-tests"), tests, jumpTo);
  renderAllProblems();
}

const checkInput = () => ({ sources: rules.sources(), events: events.text() });

function showEventProblems(problems: EventProblem[]): void {
  eventProblems = problems;
  events.mark(problems);
  const status = element("events-status");
  status.textContent = problems.length === 0 ? "" : `${problems.length} invalid line${problems.length === 1 ? "" : "s"}`;
  status.classList.toggle("error", problems.length > 0);
  renderAllProblems();
}

function renderAllProblems(): void {
  renderProblems(element("problems"), lastCheck?.diagnostics ?? [], eventProblems, testProblems, jumpTo);
}

function jumpTo(file: string | null, line: number, column: number): void {
  const target = file === null ? events.editor : rules.editor;
  if (file !== null) rules.show(file);
  target.setPosition({ lineNumber: line, column });
  target.revealPositionInCenter({ lineNumber: line, column });
  target.focus();
}

rules.onChange(() => {
  languageClient.markChanged();
  checker.schedule(checkInput);
  runPanel.markStale();
  workspaceEdited();
});
events.onChange(() => {
  checker.scheduleEvents(() => events.text());
  runPanel.markStale();
  workspaceEdited();
});

/**
 * Runs in the worker, with the program of a check of the current text (the worker
 * keeps it). `bound` stops the run after that many input events plus outputs.
 */
async function run(bound: number | null = null): Promise<void> {
  // The run reads and validates the events itself: the check need not copy them too.
  await checker.checkNow({ sources: rules.sources(), events: null });
  await runPanel.run({ events: events.text(), until: element<HTMLInputElement>("until").value.trim(), bound });
  // A cancelled or refused run leaves no summary, and no marks: they would be those of an older run.
  rules.setCoverage(runPanel.lastSummary()?.coverage ?? []);
}

function currentWorkspace(): Workspace {
  return { files: rules.sources(), events: events.text(), until: element<HTMLInputElement>("until").value.trim() };
}

let lastLoad: Promise<void> = Promise.resolve();

// ---------------------------------------------------------------- work is never lost

const autosave = new Autosave((message) => setStatus(message, true));
/** What was last loaded (an example, a link, the saved work): edits are the differences from it. */
let loaded: Workspace | null = null;
/** True while a load fills the editors: those changes are not edits. */
let loading = false;
let followTimer: ReturnType<typeof setTimeout> | undefined;

function isEdited(): boolean {
  return loaded === null || !sameWorkspace(currentWorkspace(), loaded);
}

function workspaceEdited(): void {
  if (loading) return;
  autosave.schedule(() => ({ workspace: currentWorkspace(), edited: isEdited() }));
  // A link in the address bar follows the edits, so copying it later shares what is on the page.
  if (location.hash.startsWith("#w=")) {
    clearTimeout(followTimer);
    followTimer = setTimeout(() => void encodeShareHash(currentWorkspace()).then((hash) => history.replaceState(null, "", hash)), 500);
  }
}

/** Asks before replacing edited text; true when there are no edits or the user agrees. */
function mayReplaceEdits(what: string): boolean {
  return !isEdited() || confirm(`Replace your edits with ${what}? Your edited rules and events will be lost.`);
}

/**
 * A link is input from anyone: its run on open stops after this many input
 * events plus outputs, and says how to run the rest (a timer loop a month ahead
 * must not freeze whoever opens the link).
 */
const linkRunBound = 2000;

/** How a loaded workspace runs: an example in full, a link up to `linkRunBound`, or not at all. */
type RunOnLoad = "full" | "bounded" | "none";

/** `edited`: the workspace is the user's own saved edits, not something loaded from elsewhere. */
function loadWorkspace(workspace: Workspace, runOnLoad: RunOnLoad = "full", edited = false): Promise<void> {
  loaded = edited ? null : workspace;
  loading = true;
  rules.setFiles(workspace.files);
  events.setText(workspace.events);
  element<HTMLInputElement>("until").value = workspace.until;
  loading = false;
  autosave.saveNow({ workspace, edited });
  runPanel.clear();
  // Show the run at once when the loaded rules are runnable: an example is there to be seen working.
  lastLoad = checker.checkNow(checkInput()).then((check) => {
    if (check.runnable && runOnLoad !== "none") return run(runOnLoad === "bounded" ? linkRunBound : null);
  });
  return lastLoad;
}

// ---------------------------------------------------------------- toolbar

const examples = listExamples();
const examplesMenu = element<HTMLSelectElement>("examples");
for (const example of examples) {
  const option = document.createElement("option");
  option.value = example.name;
  option.textContent = example.name;
  examplesMenu.append(option);
}
let shownExample = "";
examplesMenu.addEventListener("change", () => {
  const example = examples.find((e) => e.name === examplesMenu.value);
  if (!example) return;
  if (!mayReplaceEdits(`the example "${example.name}"`)) {
    examplesMenu.value = shownExample;
    return;
  }
  shownExample = example.name;
  // The link in the address bar was for the old workspace.
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
  void loadWorkspace(example.workspace);
});

element("run").addEventListener("click", () => void run());
element("until").addEventListener("input", () => {
  runPanel.markStale();
  workspaceEdited();
});
element("until").addEventListener("keydown", (event) => {
  if (event.key === "Enter") void run();
});
element("format").addEventListener("click", () => void rules.editor.getAction("editor.action.formatDocument")?.run());
element("add-file").addEventListener("click", () => {
  const taken = new Set(rules.paths());
  let n = 1;
  while (taken.has(`rules${n}.rules`)) n++;
  rules.addFile(`rules${n}.rules`, "");
});
element("share").addEventListener("click", () => void share());

for (const editor of [rules.editor, events.editor]) {
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void run());
}

async function share(): Promise<void> {
  const hash = await encodeShareHash(currentWorkspace());
  history.replaceState(null, "", hash);
  try {
    await navigator.clipboard.writeText(location.href);
    setStatus("link copied to the clipboard");
  } catch {
    setStatus("link is in the address bar");
  }
}

function setStatus(text: string, isError = false): void {
  const status = element("status");
  status.textContent = text;
  status.classList.toggle("error", isError);
}

// ---------------------------------------------------------------- start

const starterRules: RulesSource[] = [{ path: "rules.rules", text: "entity deal {\n  title: text\n}\n" }];

async function start(): Promise<void> {
  const link = await readShareHash(location.hash);
  const saved = autosave.saved();
  if (link && "workspace" in link) {
    const keepSaved = saved?.edited && !sameWorkspace(saved.workspace, link.workspace) && !confirm("Open the shared link? It replaces the edits you had here (saved in this browser).");
    if (!keepSaved) return void loadWorkspace(link.workspace, "bounded");
  }
  if (saved) {
    // Saved work runs like a link, bounded: it may be the long run that was being edited.
    void loadWorkspace(saved.workspace, "bounded", saved.edited);
  } else {
    const first = examples[0];
    if (first) {
      examplesMenu.value = shownExample = first.name;
      void loadWorkspace(first.workspace);
    } else void loadWorkspace({ files: starterRules, events: "", until: "" });
  }
  // Said after the load, whose check would write over it.
  if (link && "problem" in link) {
    const problem = link.problem;
    await lastLoad;
    setStatus(`This share link is broken: ${problem}. Showing ${saved ? "your saved work" : "an example"} instead.`, true);
  }
}

// A link pasted into this tab's address bar opens like one opened afresh, asking before it replaces edits.
window.addEventListener("hashchange", () => {
  void readShareHash(location.hash).then((link) => {
    if (!link) return;
    if ("problem" in link) setStatus(`This share link is broken: ${link.problem}.`, true);
    else if (!sameWorkspace(link.workspace, currentWorkspace()) && mayReplaceEdits("the shared link")) void loadWorkspace(link.workspace, "bounded");
  });
});

const ready = start();
installTestHooks({
  ready,
  settled: () => lastLoad,
  checker,
  rules,
  events,
  runPanel,
  run: () => run(),
  load: (workspace) => loadWorkspace(workspace, "none"),
  currentWorkspace,
  lastCheck: () => lastCheck,
  encodeShareHash,
  typeScript,
});
