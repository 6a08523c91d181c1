// The .rules files of the editor's workspace folders, read at initialize so that
// names declared in files the editor has not opened resolve too. A folder means
// what it means to the CLI (cli/sources.ts): every .rules file under it.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { listRulesFiles } from "../cli/sources";

/** Every `.rules` file under a folder, sorted by path, as `{ uri, text }`. */
export function rulesFilesUnder(folderUri: string): Array<{ uri: string; text: string }> {
  if (!folderUri.startsWith("file:")) return [];
  return listRulesFiles(fileURLToPath(folderUri))
    .sort()
    .map((path) => ({ uri: pathToFileURL(path).href, text: readFileSync(path, "utf8") }));
}

/** A file's text on disk, or undefined when it is not there (a document never saved). */
export function textOnDisk(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  const path = fileURLToPath(uri);
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}
