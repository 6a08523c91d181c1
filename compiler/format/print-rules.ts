// A rule prints its header on one line; `-> action` when it was written with
// one arrowed action, otherwise a block with one action per line.
import type * as ast from "../../grammar/ast";
import { printBlock, type LineWriter } from "./layout";
import { printAction } from "./print-actions";
import { printExpr } from "./print-expressions";
import { printDuration, printName, printTime } from "./print-tokens";

export function printSubject(subject: ast.Subject): string {
  switch (subject.kind) {
    case "StageSubject": {
      const entity = subject.entity ? `${printName(subject.entity)} ` : "";
      return `${entity}stage ${printName(subject.stage)} ${subject.edge}`;
    }
    case "LifecycleSubject":
      return `${printName(subject.entity)} ${subject.event}`;
    case "EventSubject":
      return `${printName(subject.entity)} ${printName(subject.event)}`;
    case "BecomesSubject":
      return `${printName(subject.entity)} becomes ${printExpr(subject.condition)}`;
  }
}

export function printDelay(delay: ast.Delay): string {
  return `after ${printTiming(delay)}`;
}

/** `D [at HH:MM] [within working hours]`, as `after` and `wait` write it. */
export function printTiming(timing: ast.Timing): string {
  const at = timing.at ? ` at ${printTime(timing.at)}` : "";
  const hours = timing.withinWorkingHours ? " within working hours" : "";
  return `${printDuration(timing.duration)}${at}${hours}`;
}

export function printRule(writer: LineWriter, rule: ast.RuleDecl): void {
  const name = rule.name ? `rule ${printName(rule.name)}: ` : "";
  const delay = rule.delay ? ` ${printDelay(rule.delay)}` : "";
  const condition = rule.condition ? ` when ${printExpr(rule.condition)}` : "";
  const header = `${name}on ${printSubject(rule.subject)}${delay}${condition}`;
  const start = rule.start;
  const only = rule.actions[0];
  if (!rule.block && only && rule.actions.length === 1) {
    writer.line(0, `${header} -> ${printAction(only)}`, start, rule.end);
    return;
  }
  const headerEnd = (rule.condition ?? rule.delay ?? rule.subject).end;
  printBlock(writer, 0, header, start, headerEnd, rule.actions, (action, depth) =>
    writer.line(depth, printAction(action), action.start, action.end),
  );
}
