// A workflow prints its enrollments, goals and steps one per line, in written order, `if` blocks nested,
// `} else {` on one line.
import type * as ast from "../../grammar/ast";
import { findBlockOpen, findBrace, inSourceOrder, printBlock, type LineWriter } from "./layout";
import { printAction } from "./print-actions";
import { printExpr } from "./print-expressions";
import { printSubject, printTiming } from "./print-rules";
import { printDuration, printName } from "./print-tokens";

export function printWorkflow(writer: LineWriter, decl: ast.WorkflowDecl): void {
  const per = decl.per ? ` per ${printName(decl.per)}` : "";
  const reentry = decl.reentry ? " reentry" : "";
  const members: Array<ast.Enrollment | ast.ExitGoal | ast.Step> = inSourceOrder([...decl.enrollments, ...decl.exits, ...decl.steps]);
  const headerEnd = (decl.per ?? decl.name).end;
  printBlock(writer, 0, `workflow ${printName(decl.name)}${per}${reentry}`, decl.start, headerEnd, members, (member, depth) =>
    member.kind === "Enrollment"
      ? printEnrollment(writer, member, depth)
      : member.kind === "ExitGoal"
        ? writer.line(depth, `exit when ${printExpr(member.condition)}`, member.start, member.end)
        : printStep(writer, member, depth),
  );
}

function printEnrollment(writer: LineWriter, enrollment: ast.Enrollment, depth: number): void {
  const condition = enrollment.condition ? ` when ${printExpr(enrollment.condition)}` : "";
  writer.line(depth, `enroll on ${printSubject(enrollment.subject)}${condition}`, enrollment.start, enrollment.end);
}

function printStep(writer: LineWriter, step: ast.Step, depth: number): void {
  const start = step.start;
  const end = step.end;
  switch (step.kind) {
    case "ActionStep":
      writer.line(depth, printAction(step.action), start, end);
      return;
    case "WaitStep":
      writer.line(depth, `wait ${printTiming(step)}`, start, end);
      return;
    case "WaitUntilStep": {
      const timeout = step.timeout ? ` timeout ${printDuration(step.timeout)}` : "";
      writer.line(depth, `wait until ${printExpr(step.condition)}${timeout}`, start, end);
      return;
    }
    case "StopStep":
      writer.line(depth, "stop", start, end);
      return;
    case "IfStep":
      printIf(writer, step, depth);
      return;
  }
}

function printIf(writer: LineWriter, step: ast.IfStep, depth: number): void {
  const header = `if ${printExpr(step.condition)}`;
  const printInner = (inner: ast.Step, innerDepth: number) => printStep(writer, inner, innerDepth);
  if (!step.else) {
    printBlock(writer, depth, header, step.start, step.condition.end, step.then, printInner);
    return;
  }
  const source = writer.source;
  const thenOpen = findBlockOpen(source, step.condition.end);
  writer.line(depth, `${header} {`, step.start, thenOpen, { opens: true });
  for (const inner of step.then) printStep(writer, inner, depth + 1);
  const thenClose = findBrace(source, step.then.at(-1)?.end ?? thenOpen + 1, "}");
  const elseOpen = findBlockOpen(source, thenClose + 1);
  writer.line(depth, "} else {", thenClose, elseOpen, { opens: true, closes: true });
  for (const inner of step.else) printStep(writer, inner, depth + 1);
  writer.closer(depth, step.else.at(-1)?.end ?? elseOpen + 1);
}
