// The board of a moment of a run: each entity's pipeline with its stages as
// columns and the records in them as cards, newest arrival first. A column
// carries at most `cardsPerColumn` cards and the count of the rest, so a run of
// many thousand records answers with a bounded message and a bounded page.
import type { Program } from "../../runtime/program/ir";
import type { RecordState } from "../../runtime/types";

export const cardsPerColumn = 40;

export interface BoardCard {
  ref: string;
  /** The record's first text field, to tell cards apart at a glance ("" when it has none). */
  label: string;
}

export interface BoardColumn {
  stage: string;
  /** Records open in the stage, of which `cards` are the first. */
  count: number;
  cards: BoardCard[];
}

export interface PipelineBoard {
  entity: string;
  columns: BoardColumn[];
}

export function pipelineBoard(program: Program, records: readonly RecordState[]): PipelineBoard[] {
  const boards: PipelineBoard[] = [];
  for (const entity of program.entities) {
    if (!entity.pipeline) continue;
    const textFields = entity.fields.filter((field) => field.type.kind === "text").map((field) => field.name);
    const arrivals = new Map<string, Array<{ at: number; card: BoardCard }>>(entity.pipeline.stages.map((stage) => [stage.name, []]));
    for (const record of records) {
      if (record.type !== entity.name) continue;
      const name = textFields.map((field) => record.fields[field]).find((value) => typeof value === "string");
      const card = { ref: record.ref, label: typeof name === "string" ? name : "" };
      for (const [stage, at] of Object.entries(record.open)) arrivals.get(stage)?.push({ at, card });
    }
    const columns = [...arrivals].map(([stage, cards]): BoardColumn => {
      cards.sort((a, b) => b.at - a.at || (a.card.ref < b.card.ref ? -1 : 1));
      return { stage, count: cards.length, cards: cards.slice(0, cardsPerColumn).map((c) => c.card) };
    });
    boards.push({ entity: entity.name, columns });
  }
  return boards;
}
