// The .rules files of the editor's workspace folders, read at initialize so that
// names declared in files the editor has not opened resolve too.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Every `.rules` file under a folder (not inside node_modules or dot folders), as `{ uri, text }`. */
export function rulesFilesUnder(folderUri: string): Array<{ uri: string; text: string }> {
  if (!folderUri.startsWith("file:")) return [];
  const found: Array<{ uri: string; text: string }> = [];
  const visit = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      // a folder that cannot be read (permissions, removed meanwhile) holds no files for us
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && entry.name.endsWith(".rules")) found.push({ uri: pathToFileURL(path).href, text: readFileSync(path, "utf8") });
    }
  };
  visit(fileURLToPath(folderUri));
  return found;
}
