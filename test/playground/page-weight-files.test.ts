// The weight script's "fetched on open" must be what a browser fetches on open:
// a chunk a script imports statically is fetched with it, whatever the bundler
// named it; a dynamic import() is fetched only when the code runs.
import { describe, expect, it } from "vitest";
import { filesFetchedOnOpen } from "../../scripts/playground-weight.mjs";

const site: Record<string, string> = {
  "index.html": '<script type="module" src="./assets/index-a1.js"></script><link rel="stylesheet" href="./assets/index-b2.css">',
  "assets/index-a1.js": 'import"./shared-c3.js";const tab=()=>import("./typescript-d4.js");',
  "assets/index-b2.css": "@font-face{src:url(./codicon-e5.woff2)format(\"woff2\")}.x{background:url(data:image/png;base64,AAAA)}",
  "assets/shared-c3.js": "export const x=1;",
  "assets/typescript-d4.js": 'import{y}from"./backend-f6.js";',
  "assets/backend-f6.js": "export const y=2;",
  "assets/check.worker-g7.js": 'import{z}from"./runtime-h8.js";',
  "assets/runtime-h8.js": 'import{x}from"./shared-c3.js";export const z=x;',
  "assets/editor.worker-i9.js": "",
};

describe("the files opening the playground fetches", () => {
  it("follow static imports from the page's script and the checker worker, transitively, and leave dynamic imports out", () => {
    const onOpen = filesFetchedOnOpen(Object.keys(site), (file: string) => site[file]!);
    expect([...onOpen].sort()).toEqual([
      "assets/check.worker-g7.js",
      "assets/codicon-e5.woff2",
      "assets/index-a1.js",
      "assets/index-b2.css",
      "assets/runtime-h8.js",
      "assets/shared-c3.js",
      "index.html",
    ]);
  });
});
