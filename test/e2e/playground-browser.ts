// What every browser test of the playground shares: build it with Vite, serve
// the build on 127.0.0.1, drive it with Debian's Chromium (never a downloaded
// browser build), and open pages that record errors and any request leaving the machine.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll } from "vitest";
import { serveFolder, type StaticServer } from "./static-server";

export const root = join(import.meta.dirname, "..", "..");
const chromiumPath = "/usr/bin/chromium";
export const chromiumMissing = !existsSync(chromiumPath);
export const ciRequiresBrowser = Boolean(process.env.CI);
const missingMessage = `no Chromium at ${chromiumPath}: install it with \`apt-get install chromium\``;

/** False (with one line saying why) when the file's tests are skipped: no browser here and not under CI. */
export function browserTestsRun(file: string): boolean {
  if (chromiumMissing && !ciRequiresBrowser) {
    console.warn(`\n*** BROWSER TESTS SKIPPED (${file}): ${missingMessage}; under CI they fail instead ***\n`);
    return false;
  }
  return true;
}

export interface Playground {
  server: StaticServer;
  browser: Browser;
  open(options?: { hash?: string; width?: number; height?: number; colorScheme?: "light" | "dark" }): Promise<TestPage>;
  close(): Promise<void>;
}

/**
 * `dialogs`: the messages of the confirm/alert dialogs the page opened (each
 * accepted); `requested`: the URL of every request, the workers' included (the
 * page's resource timing leaves those out).
 */
export type TestPage = Page & { problems: string[]; dialogs: string[]; requested: string[] };

export async function startPlayground(): Promise<Playground> {
  if (chromiumMissing) throw new Error(`the browser tests need Chromium and CI is set: ${missingMessage}`);
  await build({ configFile: join(root, "playground", "vite.config.ts"), logLevel: "error" });
  const server = await serveFolder(join(root, "playground", "dist"));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return {
    server,
    browser,
    async open({ hash = "", width = 1500, height = 900, colorScheme = "light" } = {}) {
      const page = (await browser.newPage({ viewport: { width, height }, colorScheme })) as TestPage;
      // Fail a step with its own message, well before the test's timeout.
      page.setDefaultTimeout(10_000);
      page.problems = [];
      page.dialogs = [];
      page.requested = [];
      page.on("dialog", (dialog) => {
        page.dialogs.push(dialog.message());
        void dialog.accept();
      });
      page.on("pageerror", (error) => page.problems.push(error.message));
      // Nothing may leave the browser: every request must go to our own server.
      page.on("request", (request) => {
        page.requested.push(request.url());
        if (!request.url().startsWith(server.url) && !request.url().startsWith("blob:") && !request.url().startsWith("data:")) {
          page.problems.push(`network request to ${request.url()}`);
        }
      });
      await page.goto(server.url + hash);
      await page.waitForFunction(() => window.__stagecraft !== undefined);
      await page.evaluate(() => window.__stagecraft.ready);
      await page.evaluate(() => window.__stagecraft.settled());
      await page.waitForSelector("#rules-editor .view-lines");
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** One build, server and browser for a test file: `playground()` once its tests run; `runsHere` false when they are skipped. */
export function usePlayground(file: string): { runsHere: boolean; playground: () => Playground } {
  const runsHere = browserTestsRun(file);
  let started: Playground | undefined;
  beforeAll(async () => {
    if (runsHere) started = await startPlayground();
  }, 120_000);
  afterAll(async () => {
    await started?.close();
  });
  return { runsHere, playground: () => started! };
}
