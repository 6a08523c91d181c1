// parseEach hands items over one at a time; what it reads must be what parse reads.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isDeclarationItem, mergeParts, parse, parseEach, type SourceFile, type TopLevelItem } from "../../grammar/index";

const golden = join(import.meta.dirname, "../golden");
const files = readdirSync(golden).filter((name) => name.endsWith(".rules")).sort();

describe("parseEach", () => {
  it.each(files)("reads %s as parse does: the same items, in order, and the same diagnostics", (name) => {
    const text = readFileSync(join(golden, name), "utf8");
    const whole = parse(text, name);
    const streamed: TopLevelItem[] = [];
    const seen = new Set<SourceFile>();
    const result = parseEach(text, name, (item, file) => {
      streamed.push(item);
      seen.add(file);
      // the file's line starts already cover the item handed over
      expect(file.lineStarts[file.lineStarts.length - 1]).toBeGreaterThanOrEqual(text.lastIndexOf("\n", item.end - 1) + 1);
    });
    expect(streamed).toEqual(whole.file.items);
    expect(result.diagnostics).toEqual(whole.diagnostics);
    expect(result.file.items).toEqual([]);
    expect(result.file.lineStarts).toEqual(whole.file.lineStarts);
    expect(result.file.comments).toEqual(whole.file.comments);
    expect([...seen]).toEqual(streamed.length > 0 ? [result.file] : []);
  });

  it.each(files)("reads %s in two parts, declarations then the rest, as one whole read", (name) => {
    const text = readFileSync(join(golden, name), "utf8");
    const whole = parse(text, name);
    const declarations: TopLevelItem[] = [];
    const others: TopLevelItem[] = [];
    const first = parseEach(text, name, (item) => declarations.push(item), "declarations");
    const second = parseEach(text, name, (item) => others.push(item), "others");
    expect(declarations).toEqual(whole.file.items.filter(isDeclarationItem));
    expect(others).toEqual(whole.file.items.filter((item) => !isDeclarationItem(item)));
    expect(mergeParts(first.diagnostics, second.diagnostics)).toEqual(whole.diagnostics);
  });

  it("stops handing over after the receiver throws, and throws that error once parsing is done", () => {
    const text = `entity a { x: text }\nentity b { y: text }\nentity c { z: text }\n`;
    const received: string[] = [];
    const failure = new Error("receiver failed");
    expect(() =>
      parseEach(text, "x.rules", (item) => {
        received.push(item.kind === "EntityDecl" ? item.name.text : item.kind);
        if (received.length === 2) throw failure;
      }),
    ).toThrow(failure);
    expect(received).toEqual(["a", "b"]);
  });
});
