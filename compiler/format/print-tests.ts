// A test block prints one statement per line; event and expectation data stay
// inline as `{ name: value, … }`.
import type * as ast from "../../grammar/ast";
import { printBlock, type LineWriter } from "./layout";
import { printLiteral } from "./print-expressions";
import { printName, printString } from "./print-tokens";

export function printTest(writer: LineWriter, decl: ast.TestDecl): void {
  printBlock(writer, 0, `test ${printName(decl.name)}`, decl.range.start.offset, decl.name.range.end.offset, decl.statements, (statement, depth) =>
    writer.line(depth, printStatement(statement), statement.range.start.offset, statement.range.end.offset),
  );
}

function printStatement(statement: ast.TestStatement): string {
  switch (statement.kind) {
    case "TestEvent":
      return `at ${statement.at.text} ${printString(statement.record)} ${printName(statement.eventType)}${printData(statement.data)}`;
    case "TestUntil":
      return `until ${statement.at.text}`;
    case "TestExpect": {
      const no = statement.negated ? " no" : "";
      const record = statement.record ? ` ${printString(statement.record)}` : "";
      const at = statement.at ? ` at ${statement.at.text}` : "";
      return `expect${no} ${printName(statement.outputType)}${record}${printData(statement.data)}${at}`;
    }
  }
}

function printData(fields: ast.TestField[]): string {
  if (fields.length === 0) return "";
  return ` { ${fields.map((field) => `${printName(field.name)}: ${printLiteral(field.value)}`).join(", ")} }`;
}
