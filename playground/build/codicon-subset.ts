// A Vite plugin that ships only the codicon glyphs the built page can show.
// Monaco's codicon font holds every icon of VS Code; the editor shows a few
// dozen. Monaco draws an icon from its name (`Codicon.x`, `$(name)` in a label,
// a `codicon-name` class), so the names written in the bundled modules and
// style sheets are the icons the page can show, and the font keeps exactly
// their glyphs. The subset is WOFF2 (Brotli inside, about half of the TrueType
// gzipped), so Monaco's @font-face gets the new file and format; the file gets
// a name hashed from the subset's bytes.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";
import type { Plugin } from "vite";

const codiconsFolder = fileURLToPath(new URL("../../node_modules/monaco-editor/esm/vs/base/common", import.meta.url));

interface CodiconTable {
  /** Codepoint by the property name modules write (`Codicon.symbolClass`). */
  byProperty: Map<string, number>;
  /** Codepoint by the icon's id (`symbol-class`). */
  byId: Map<string, number>;
}

/** Reads Monaco's codicon registry: `name: register('id', 0xea60)` or `register('id', 'other-id')`. */
function readCodiconTable(): CodiconTable {
  const byProperty = new Map<string, number>();
  const byId = new Map<string, number>();
  for (const file of ["codiconsLibrary.js", "codicons.js"]) {
    const text = readFileSync(join(codiconsFolder, file), "utf8");
    for (const [, property, id, target] of text.matchAll(/(\w+): register\('([\w-]+)', (0x[0-9a-fA-F]+|'[\w-]+')\)/g)) {
      const codepoint = target!.startsWith("0x") ? Number(target) : byId.get(target!.slice(1, -1));
      if (codepoint === undefined) throw new Error(`codicon ${id} refers to an unknown codicon ${target}`);
      byProperty.set(property!, codepoint);
      byId.set(id!, codepoint);
    }
  }
  if (byId.size === 0) throw new Error(`no codicons found in ${codiconsFolder}: the registry's format has changed`);
  return { byProperty, byId };
}

/** The codepoints of every icon named in `texts`. */
function codiconsNamedIn(texts: readonly string[], table = readCodiconTable()): number[] {
  const used = new Set<number>();
  const add = (codepoint: number | undefined) => codepoint !== undefined && used.add(codepoint);
  for (const text of texts) {
    for (const [, property] of text.matchAll(/\bCodicon\.(\w+)/g)) add(table.byProperty.get(property!));
    for (const [, label, className, fromId] of text.matchAll(/\$\(([\w-]+)|codicon-([\w-]+)|fromId\(\s*['"`]([\w-]+)/g)) add(table.byId.get((label ?? className ?? fromId)!));
  }
  return [...used].sort((a, b) => a - b);
}

export function codiconSubset(): Plugin {
  return {
    name: "stagecraft:codicon-subset",
    apply: "build",
    async generateBundle(_options, bundle) {
      const font = Object.values(bundle).find((file) => file.type === "asset" && /codicon-[\w-]+\.ttf$/.test(file.fileName));
      if (font === undefined || font.type !== "asset") return;
      const texts: string[] = [];
      for (const file of Object.values(bundle)) {
        if (file.type === "asset" && file.fileName.endsWith(".css")) texts.push(String(file.source));
        if (file.type !== "chunk") continue;
        for (const id of file.moduleIds) {
          const path = id.split("?")[0]!;
          if (existsSync(path)) texts.push(readFileSync(path, "utf8"));
        }
      }
      const codepoints = codiconsNamedIn(texts);
      const subset = await subsetFont(Buffer.from(font.source), codepoints.map((codepoint) => String.fromCodePoint(codepoint)).join(""), { targetFormat: "woff2" });
      const hash = createHash("sha256").update(subset).digest("base64url").slice(0, 8);
      const fileName = font.fileName.replace(/codicon-[\w-]+\.ttf$/, `codicon-${hash}.woff2`);
      delete bundle[font.fileName];
      this.emitFile({ type: "asset", fileName, source: subset });
      const source = new RegExp(`${basename(font.fileName).replaceAll(".", "\\.")}(["']?\\)\\s*)format\\((["'])truetype\\2\\)`, "g");
      for (const file of Object.values(bundle)) {
        if (file.type !== "asset" || !file.fileName.endsWith(".css")) continue;
        const css = String(file.source);
        if (!css.includes(basename(font.fileName))) continue;
        const rewritten = css.replaceAll(source, `${basename(fileName)}$1format($2woff2$2)`);
        if (rewritten.includes(basename(font.fileName))) throw new Error(`${file.fileName} names ${font.fileName} other than as a TrueType @font-face source: Monaco's codicon style sheet has changed`);
        file.source = rewritten;
      }
    },
  };
}
