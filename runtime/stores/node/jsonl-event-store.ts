// Append-only JSON Lines file store: one event per line, the same format as
// `run --events`. Node-only (the one place in runtime/ that touches files).
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import type { InputEvent } from "../../program/ir";
import type { EventStore } from "../event-store";

export class JsonlEventStore implements EventStore {
  private count: number;

  constructor(private readonly path: string) {
    this.count = this.readAll().length;
  }

  append(event: InputEvent): void {
    appendFileSync(this.path, `${JSON.stringify(event)}\n`, "utf8");
    this.count++;
  }

  read(offset = 0): InputEvent[] {
    return this.readAll().slice(offset);
  }

  size(): number {
    return this.count;
  }

  private readAll(): InputEvent[] {
    if (!existsSync(this.path)) return [];
    return readFileSync(this.path, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as InputEvent);
  }
}
