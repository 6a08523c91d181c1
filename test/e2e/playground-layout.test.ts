// The playground without a mouse and on any screen: every panel is reached with
// Tab alone (Ctrl+M turns the editors' Tab into focus moves, so they trap
// nothing), a 390 px phone gets one column with nothing cut off, what tells the
// timeline's rows apart stays in sight at any width, and a dark system theme
// gets a dark page. Screenshots go to test-results/ to be looked at.
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

  // solar-substates has two opportunities, O1 and O2, whose stages open and close.
  it.each([1400, 390])("keeps each record's id, each type's last word and the run's status in sight at %i px (screenshots test-results/playground-timeline-1400.png, -390.png)", async (width) => {
    const page = await playground().open({ width, height: width < 900 ? 844 : 900 });
    await page.selectOption("#examples", "solar-substates");
    await page.evaluate(() => window.__stagecraft.settled());
    await page.waitForSelector("#timeline tbody tr.input");
    const cells = await page.evaluate(() => {
      const wrap = document.querySelector("#timeline-wrap")!.getBoundingClientRect();
      // The rows of events (the until row's tooltip is the row's own).
      return [...document.querySelectorAll<HTMLElement>(":is(tr.input, tr.change, tr.effect) :is(td.record, td.type)")]
        .map((td) => {
          const tail = td.querySelector<HTMLElement>(".tail")!;
          const box = tail.getBoundingClientRect();
          const cell = td.getBoundingClientRect();
          return {
            text: td.textContent!,
            tail: tail.textContent!,
            // Not cut: the tail's text fits its box, the box lies in its cell, and the cell on screen.
            whole: tail.scrollWidth <= tail.clientWidth && box.right <= cell.right && box.right <= wrap.right && box.left >= wrap.left,
            title: td.title,
          };
        });
    });
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.filter((cell) => !cell.whole)).toEqual([]);
    expect(cells.every((cell) => cell.title === cell.text)).toBe(true);
    const tails = new Set(cells.map((cell) => cell.tail));
    for (const shown of ["/O1", "/O2", "/C1", ".opened", ".closed", ".create", ".generate", ".request"]) expect(tails).toContain(shown);
    // The status says everything, wrapped rather than cut.
    const status = await page.evaluate(() => {
      const element = document.querySelector<HTMLElement>("#run-status")!;
      return { text: element.textContent!, cut: element.scrollHeight > element.clientHeight || element.scrollWidth > element.clientWidth };
    });
    expect(status).toEqual({ text: expect.stringMatching(/ · times in Europe\/Rome$/), cut: false });
    // Every file tab on screen, none scrolled out of sight.
    const tabs = await page.locator("#file-tabs button").evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().right));
    expect(tabs).toHaveLength(3);
    for (const right of tabs) expect(right).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(results, `playground-timeline-${width}.png`), fullPage: width < 900 });
    await page.close();
  });

  it("says why a run stopped in its status, whole (screenshot test-results/playground-stopped-390.png)", async () => {
    const page = await playground().open({ width: 390, height: 844 });
    const workspace = await page.evaluate(() => window.__stagecraft.workspace());
    const late = '{"id":"late","at":"2025-12-01T00:00:00Z","entity":"contact/C9","type":"created","data":{}}';
    await page.evaluate((w) => window.__stagecraft.load(w), { ...workspace, events: `${workspace.events.trimEnd()}\n${late}\n` });
    await page.evaluate(() => window.__stagecraft.run());
    const status = page.locator("#run-status");
    expect(await status.textContent()).toMatch(/; stopped: error SC3009: events\.jsonl:\d+: .*events must be in time order$/);
    expect(await status.evaluate((element) => element.scrollHeight <= element.clientHeight)).toBe(true);
    await page.locator(".results").screenshot({ path: join(results, "playground-stopped-390.png") });
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
