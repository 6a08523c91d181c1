// A test block prints one statement per line; event and expectation data stay
// inline as `{ name: value, … }`; a bare enum word stays bare.
import type * as ast from "../../grammar/ast";
import { printBlock, type LineWriter } from "./layout";
import { printLiteral } from "./print-expressions";
import { printName, printString } from "./print-tokens";

export function printTest(writer: LineWriter, decl: ast.TestDecl): void {
  printBlock(writer, 0, `test ${printName(decl.name)}`, decl.start, decl.name.end, decl.statements, (statement, depth) =>
    writer.line(depth, printStatement(statement, writer.source), statement.start, statement.end),
  );
}

function printStatement(statement: ast.TestStatement, source: string): string {
  switch (statement.kind) {
    case "TestEvent":
      return `at ${statement.at.text} ${printString(statement.record)} ${printName(statement.eventType)}${printData(statement.data, source)}`;
    case "TestUntil":
      return `until ${statement.at.text}`;
    case "TestExpect": {
      const quantity = statement.negated ? " no" : statement.count ? ` ${statement.count.text}` : "";
      const before = statement.before ? ` before ${printOutput(statement.before, source)}` : "";
      return `expect${quantity} ${printOutput(statement.output, source)}${before}`;
    }
  }
}

function printOutput(output: ast.TestOutput, source: string): string {
  const record = output.record ? ` ${printString(output.record)}` : "";
  const by = output.by ? ` by ${output.by.what} ${printString(output.by.name)}` : "";
  const at = output.at ? ` at ${output.at.text}` : "";
  return `${printName(output.outputType)}${record}${printData(output.data, source)}${by}${at}`;
}

/** ` { name: value, … }`, or nothing when there are no fields; team members' attributes print alike. */
export function printData(fields: ast.TestField[], source: string): string {
  if (fields.length === 0) return "";
  return ` { ${fields.map((field) => `${printName(field.name)}: ${printValue(field.value, source)}`).join(", ")} }`;
}

/** The parser reads a bare word in test data (`channel: web`) as a string; it stays bare. */
function printValue(value: ast.Literal, source: string): string {
  const writtenBare = value.kind === "StringLiteral" && source[value.start] !== '"';
  return writtenBare && /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(value.value) ? value.value : printLiteral(value);
}
