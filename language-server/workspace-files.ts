// The .rules files of the editor's workspace folders, read at initialize so that
// names declared in files the editor has not opened resolve too. A folder means
// what it means to the CLI (cli/sources.ts): every .rules file under it.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CliError } from "../cli/errors";
import { listRulesFiles, readText } from "../cli/sources";

/**
 * Every `.rules` file under a folder, sorted by path, as `{ uri, text }`, read
 * as the CLI reads rules files (UTF-8 only); a file that cannot be read is
 * passed to `unreadable` with the CLI's message and the others are still read.
 */
export function rulesFilesUnder(folderUri: string, unreadable: (message: string) => void): Array<{ uri: string; text: string }> {
  if (!folderUri.startsWith("file:")) return [];
  const files: Array<{ uri: string; text: string }> = [];
  for (const path of listRulesFiles(fileURLToPath(folderUri)).sort()) {
    try {
      files.push({ uri: pathToFileURL(path).href, text: readText(path, "rules file") });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      unreadable(error.message);
    }
  }
  return files;
}

/** A file's text on disk, or undefined when it is not there (a document never saved). */
export function textOnDisk(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  const path = fileURLToPath(uri);
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}
