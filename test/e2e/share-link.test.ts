// Share links round-trip the workspace and refuse what they did not write.
import { describe, expect, it } from "vitest";
import { decodeShareHash, encodeShareHash, readShareHash } from "../../playground/workspace/share-link";

describe("share links", () => {
  it("round-trips rules files, events and until, any characters included", async () => {
    const workspace = {
      files: [
        { path: "schema.rules", text: 'entity deal {\n  title: text // "Ünïcødé" ✓\n}\n' },
        { path: "rules.rules", text: 'on deal created -> notify responsible "<b>hi</b> & bye"\n' },
      ],
      events: '{"id":"e1","at":"2026-01-01T08:00:00Z","entity":"deal/D1","type":"created","data":{"title":"T"}}\n',
      until: "2026-01-10T00:00:00Z",
    };
    const hash = await encodeShareHash(workspace);
    expect(hash).toMatch(/^#w=[A-Za-z0-9_-]+$/);
    expect(await decodeShareHash(hash)).toEqual(workspace);
  });

  it("compresses repetitive rules", async () => {
    const text = 'on deal stage "Documentation pending" open -> send email "Docs reminder" to contact\n'.repeat(50);
    const hash = await encodeShareHash({ files: [{ path: "r.rules", text }], events: "", until: "" });
    expect(hash.length).toBeLessThan(text.length / 5);
  });

  it("ignores hashes it did not write", async () => {
    expect(await decodeShareHash("")).toBeNull();
    expect(await decodeShareHash("#section-2")).toBeNull();
    expect(await decodeShareHash("#w=not-deflate")).toBeNull();
    const noFiles = await encodeShareHash({ files: [], events: "", until: "" });
    expect(await decodeShareHash(noFiles)).toBeNull();
  });
});

describe("broken share links", () => {
  it("say what is wrong: not decodable, not a workspace, two files with one name", async () => {
    expect(await readShareHash("#w=not-deflate")).toEqual({ problem: "it does not decode (cut short when copied?)" });
    const twice = await encodeShareHash({ files: [{ path: "a.rules", text: "" }, { path: "a.rules", text: "x" }], events: "", until: "" });
    expect(await readShareHash(twice)).toEqual({ problem: "it has two files named a.rules" });
    const cut = (await encodeShareHash({ files: [{ path: "a.rules", text: "entity deal { title: text }\n".repeat(20) }], events: "", until: "" })).slice(0, 20);
    expect(await readShareHash(cut)).toHaveProperty("problem");
    expect(await readShareHash("#section-2")).toBeNull();
  });
});
