// Work is never lost in the playground: edits are saved in the browser and come
// back after a reload, replacing edits (an example, a link) asks first, the
// link in the address bar follows the edits, and broken links say so.
import { describe, expect, it } from "vitest";
import { decodeShareHash, encodeShareHash } from "../../playground/workspace/share-link";
import { usePlayground, type TestPage } from "./playground-browser";

const { runsHere, playground } = usePlayground("test/e2e/playground-work.test.ts");


async function typeAtEnd(page: TestPage, text: string): Promise<void> {
  await page.click("#rules-editor .view-lines");
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText(text);
}

const workspaceText = (page: TestPage) => page.evaluate(() => window.__stagecraft.workspace());

describe.skipIf(!runsHere)("work is never lost", () => {
  it("keeps edits across a reload, and asks before an example replaces them", async () => {
    const page = await playground().open();
    await typeAtEnd(page, "\n// my own rule\n");
    await expect.poll(() => page.evaluate(() => localStorage.getItem("stagecraft.playground.workspace") ?? "")).toContain("// my own rule");
    await page.reload();
    await page.waitForFunction(() => window.__stagecraft !== undefined);
    await page.evaluate(() => window.__stagecraft.ready);
    expect(JSON.stringify(await workspaceText(page))).toContain("// my own rule");

    const other = await page.$$eval("#examples option", (all) => all.map((o) => (o as HTMLOptionElement).value).filter(Boolean).at(-1)!);
    await page.selectOption("#examples", other);
    await page.evaluate(() => window.__stagecraft.settled());
    expect(page.dialogs).toEqual([`Replace your edits with the example "${other}"? Your edited rules and events will be lost.`]);
    expect(JSON.stringify(await workspaceText(page))).not.toContain("// my own rule");
    // An example not edited since is replaced without a question.
    const first = await page.$eval("#examples option:nth-child(2)", (o) => (o as HTMLOptionElement).value);
    await page.selectOption("#examples", first);
    await page.evaluate(() => window.__stagecraft.settled());
    expect(page.dialogs.length).toBe(1);
    await page.close();
  });

  it("makes the link in the address bar follow the edits", async () => {
    const page = await playground().open();
    await page.click("#share");
    await page.waitForFunction(() => location.hash.startsWith("#w="));
    await typeAtEnd(page, "\n// after sharing\n");
    await expect.poll(async () => JSON.stringify(await decodeShareHash(await page.evaluate(() => location.hash)))).toContain("// after sharing");
    await page.close();
  });

  it("says a link is broken, or has two files with one name, and shows something else", async () => {
    const broken = await playground().open({ hash: "#w=AAAA-not-a-link" });
    expect(await broken.textContent("#status")).toMatch(/^This share link is broken: it does not decode/);
    expect((await workspaceText(broken)).files.length).toBeGreaterThan(0);
    await broken.close();
    const twice = await encodeShareHash({ files: [{ path: "a.rules", text: "" }, { path: "a.rules", text: "" }], events: "", until: "" });
    const page = await playground().open({ hash: twice });
    expect(await page.textContent("#status")).toMatch(/it has two files named a\.rules/);
    await page.close();
  });
});
