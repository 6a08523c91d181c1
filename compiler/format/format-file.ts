// Prints a parsed file in the one canonical layout (docs/formatting.md).
import type { SourceFile, TopLevelItem } from "../../grammar/ast";
import { LineWriter } from "./layout";
import { placeComments } from "./place-comments";
import { printCalendar, printEntity, printEvent, printTeam, printTemplate } from "./print-declarations";
import { printRule } from "./print-rules";
import { printTest } from "./print-tests";
import { printWorkflow } from "./print-workflows";
import { renderLines } from "./render-lines";

export function formatFile(file: SourceFile, source: string): string {
  const writer = new LineWriter(source);
  for (const item of file.items) {
    writer.beginItem();
    printItem(writer, item);
  }
  const placed = placeComments(source, writer.lines, file.comments);
  return renderLines(source, writer.lines, placed);
}

function printItem(writer: LineWriter, item: TopLevelItem): void {
  switch (item.kind) {
    case "CalendarDecl":
      return printCalendar(writer, item);
    case "EntityDecl":
      return printEntity(writer, item);
    case "TemplateDecl":
      return printTemplate(writer, item);
    case "TeamDecl":
      return printTeam(writer, item);
    case "EventDecl":
      return printEvent(writer, item);
    case "RuleDecl":
      return printRule(writer, item);
    case "WorkflowDecl":
      return printWorkflow(writer, item);
    case "TestDecl":
      return printTest(writer, item);
  }
}
