// The language service names files by workspace path; the LSP adapter turns the
// editor's URIs into those paths and back.
import { describe, expect, it } from "vitest";
import { WorkspacePaths } from "../../language-server/workspace-paths";

describe("WorkspacePaths", () => {
  it("names a file of the one workspace folder by its path in the folder, and turns it back into its URI", () => {
    const paths = new WorkspacePaths([{ uri: "file:///home/ana/crm", name: "crm" }]);
    expect(paths.toPath("file:///home/ana/crm/schema.rules")).toBe("schema.rules");
    expect(paths.toPath("file:///home/ana/crm/deals/My%20rules.rules")).toBe("deals/My rules.rules");
    expect(paths.toUri("schema.rules")).toBe("file:///home/ana/crm/schema.rules");
    expect(paths.toUri("deals/My rules.rules")).toBe("file:///home/ana/crm/deals/My%20rules.rules");
  });

  it("puts the folder's name first when there are several, and the deepest folder names its files", () => {
    const paths = new WorkspacePaths([
      { uri: "file:///w/sales/", name: "sales" },
      { uri: "file:///w/support", name: "support" },
      { uri: "file:///w/support/nested", name: "nested" },
    ]);
    expect(paths.toPath("file:///w/sales/a.rules")).toBe("sales/a.rules");
    expect(paths.toPath("file:///w/support/a.rules")).toBe("support/a.rules");
    expect(paths.toPath("file:///w/support/nested/b.rules")).toBe("nested/b.rules");
    expect(paths.toUri("support/a.rules")).toBe("file:///w/support/a.rules");
  });

  it("keeps the URI of a document outside the folders, and never gives two URIs one path", () => {
    const paths = new WorkspacePaths([
      { uri: "file:///a/rules", name: "rules" },
      { uri: "file:///b/rules", name: "rules" },
    ]);
    expect(paths.toPath("untitled:Untitled-1")).toBe("untitled:Untitled-1");
    expect(paths.toPath("file:///elsewhere/x.rules")).toBe("file:///elsewhere/x.rules");
    expect(paths.toPath("file:///a/rules/x.rules")).toBe("rules/x.rules");
    expect(paths.toPath("file:///b/rules/x.rules")).toBe("file:///b/rules/x.rules");
    expect(paths.toUri("rules/x.rules")).toBe("file:///a/rules/x.rules");
    expect(paths.toUri("file:///b/rules/x.rules")).toBe("file:///b/rules/x.rules");
    expect(paths.toPath("file:///a/rules/x.rules")).toBe("rules/x.rules");
  });
});
