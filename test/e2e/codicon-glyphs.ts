// Monaco draws its icons with the codicon font, which the build cuts down to the
// icons the page names (playground/build/codicon-subset.ts). These helpers let a
// test check that every icon on screen has its glyph in the built font.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { convert } from "fontverter";
import { Blob, Face } from "harfbuzzjs";
import type { Page } from "playwright-core";
import { root } from "./playground-browser";

/** The codepoints the built codicon font (playground/dist; WOFF2, which HarfBuzz reads as TrueType) has glyphs for. */
export async function builtCodiconCodepoints(): Promise<Set<number>> {
  const assets = join(root, "playground", "dist", "assets");
  const font = readdirSync(assets).find((name) => /^codicon-[\w-]+\.woff2$/.test(name));
  if (font === undefined) throw new Error(`no codicon font in ${assets}`);
  const trueType = await convert(readFileSync(join(assets, font)), "truetype", "woff2");
  return new Set(new Face(new Blob(trueType), 0).collectUnicodes());
}

/** Every codicon in the page's DOM (shown or ready to show, like folding arrows) and the codepoint it draws. */
export function codiconsInPage(page: Page): Promise<{ icon: string; codepoint: number }[]> {
  return page.$$eval(".codicon", (elements) =>
    elements.flatMap((element) => {
      const content = getComputedStyle(element, "::before").content;
      const icon = [...element.classList].find((name) => name.startsWith("codicon-")) ?? element.className;
      // A drawn icon's content is one quoted character; "none" means nothing is drawn.
      return /^".+"$/u.test(content) ? [{ icon, codepoint: content.slice(1, -1).codePointAt(0)! }] : [];
    }),
  );
}

/** The icons in the page the built font cannot draw (none, when the subset is right). */
export async function codiconsWithoutGlyph(page: Page): Promise<string[]> {
  const glyphs = await builtCodiconCodepoints();
  return (await codiconsInPage(page)).filter(({ codepoint }) => !glyphs.has(codepoint)).map(({ icon }) => icon);
}
