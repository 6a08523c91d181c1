// The playground without a mouse and on any screen: every panel is reached with
// Tab alone (Ctrl+M turns the editors' Tab into focus moves, so they trap
// nothing), a 390 px phone gets one column with nothing cut off, and a dark
// system theme gets a dark page. Screenshots go to test-results/ to be looked at.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, usePlayground, type TestPage } from "./playground-browser";

const { runsHere, playground } = usePlayground("test/e2e/playground-layout.test.ts");
const results = join(root, "test-results");

mkdirSync(results, { recursive: true });

/** The id of the focused element, or of the nearest ancestor that has one (inside an editor). */
const focused = (page: TestPage) =>
  page.evaluate(() => {
    let node: Element | null = document.activeElement;
    while (node && !node.id) node = node.parentElement;
    return node?.id ?? "";
  });

describe.skipIf(!runsHere)("keyboard and layout", () => {
  it("reaches every panel with Tab alone, leaving the editors with Ctrl+M", async () => {
    const page = await playground().open();
    await page.evaluate(() => window.__stagecraft.run());
    const reached: string[] = [];
    let toggled = false;
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press("Tab");
      const id = await focused(page);
      if (reached.at(-1) !== id) reached.push(id);
      if ((id === "rules-editor" || id === "events-editor") && !toggled) {
        // Inside an editor Tab indents; Ctrl+M makes it move the focus on.
        await page.keyboard.press("Control+M");
        toggled = true;
      }
    }
    for (const panel of ["examples", "run", "until", "share", "rules-editor", "events-editor", "timeline-filter", "timeline-wrap", "state-record", "state-slider", "why-record", "why-rule"]) {
      expect(reached).toContain(panel);
    }
    // The timeline moves with the arrow keys and the record state follows.
    await page.focus("#timeline-wrap");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    await page.waitForSelector("#timeline tbody tr.selected");
    expect(await page.textContent("#state-time")).toMatch(/\(after row 2 of [\d,]+\)$/);
    await page.close();
  });

  it("fits a 390 px phone in one column (screenshot test-results/playground-390.png)", async () => {
    const page = await playground().open({ width: 390, height: 844 });
    await page.evaluate(() => window.__stagecraft.run());
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const id of ["rules-editor", "events-editor", "timeline-wrap", "state-view", "why-view"]) {
      const box = await page.locator(`#${id}`).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.x, id).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, id).toBeLessThanOrEqual(391);
    }
    await page.screenshot({ path: join(results, "playground-390.png"), fullPage: true });
    await page.close();
  });

  it("follows a dark system theme (screenshot test-results/playground-dark.png)", async () => {
    const page = await playground().open({ colorScheme: "dark" });
    await page.evaluate(() => window.__stagecraft.run());
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(150);
    expect(await page.locator("#rules-editor .monaco-editor.vs-dark").count()).toBe(1);
    await page.screenshot({ path: join(results, "playground-dark.png") });
    await page.close();
  });
});
