// The outline of a file: its items, with an entity's fields and stages under it.
import type { SourceFile, Span, TopLevelItem } from "../grammar/index";
import type { Range, TextLines } from "./positions";

export type SymbolKind = "calendar" | "entity" | "field" | "stage" | "template" | "team" | "event" | "rule" | "workflow" | "test";

export interface DocumentSymbol {
  name: string;
  kind: SymbolKind;
  detail?: string;
  /** The whole declaration. */
  range: Range;
  /** Its name (what an editor selects). */
  selectionRange: Range;
  children: DocumentSymbol[];
}

export function documentSymbols(file: SourceFile, lines: TextLines): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const item of file.items) {
    if (item.missing) continue;
    const symbol = itemSymbol(item, lines);
    if (symbol) symbols.push(symbol);
  }
  return symbols;
}

function symbol(name: string, kind: SymbolKind, whole: Span, nameSpan: Span, lines: TextLines, detail?: string): DocumentSymbol {
  const made: DocumentSymbol = { name, kind, range: lines.rangeOf(whole.start, whole.end), selectionRange: lines.rangeOf(nameSpan.start, nameSpan.end), children: [] };
  if (detail) made.detail = detail;
  return made;
}

function itemSymbol(item: TopLevelItem, lines: TextLines): DocumentSymbol | undefined {
  switch (item.kind) {
    case "EntityDecl": {
      const entity = symbol(item.name.text, "entity", item, item.name, lines);
      for (const field of item.fields) if (!field.missing) entity.children.push(symbol(field.name.text, "field", field, field.name, lines));
      for (const stage of item.pipeline?.stages ?? []) {
        if (!stage.missing) entity.children.push(symbol(stage.name.text, "stage", stage, stage.name, lines, stage.outcome));
      }
      return entity;
    }
    case "TemplateDecl":
      return symbol(item.name.text, "template", item, item.name, lines, item.templateKind.text);
    case "TeamDecl":
      return symbol(item.name.text, "team", item, item.name, lines);
    case "EventDecl":
      return symbol(item.name.text, "event", item, item.name, lines);
    case "CalendarDecl":
      return symbol("calendar", "calendar", item, { start: item.start, end: item.start + "calendar".length }, lines);
    case "RuleDecl": {
      const title = item.name ? item.name.text : lines.text.slice(item.subject.start, item.subject.end);
      return symbol(title, "rule", item, item.name ?? item.subject, lines, item.name ? undefined : "rule");
    }
    case "WorkflowDecl":
      return symbol(item.name.text, "workflow", item, item.name, lines);
    case "TestDecl":
      return symbol(item.name.text, "test", item, item.name, lines);
    default:
      return undefined;
  }
}
