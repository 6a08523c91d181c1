// Between the editor's document URIs and the language service's paths. A file
// under a workspace folder is named by its path relative to the folder (as the
// CLI names the files of a folder it is given, and as the playground names its
// files), after the folder's name when the workspace has several; any other
// document keeps its URI. Hovers, messages and rule names (`file:line`) read
// these paths; every answer's path turns back into the URI it came from.

export interface WorkspaceFolder {
  uri: string;
  name?: string;
}

export class WorkspacePaths {
  private readonly folders: Array<{ prefix: string; name: string }>;
  private readonly uris = new Map<string, string>();
  private readonly paths = new Map<string, string>();

  constructor(folders: readonly WorkspaceFolder[]) {
    const several = folders.length > 1;
    // The deepest folder first, so a folder inside another names its own files.
    this.folders = folders
      .map((folder) => {
        const prefix = folder.uri.endsWith("/") ? folder.uri : `${folder.uri}/`;
        return { prefix, name: several ? `${folder.name ?? lastSegment(prefix)}/` : "" };
      })
      .sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The service's path of a document; the same URI always gets the same path, and no two URIs one path. */
  toPath(uri: string): string {
    const known = this.paths.get(uri);
    if (known !== undefined) return known;
    const folder = this.folders.find((f) => uri.startsWith(f.prefix));
    let path = folder ? folder.name + decodePath(uri.slice(folder.prefix.length)) : uri;
    // Two folders of one name, or a URI that reads like another's path: that one keeps its URI.
    if (this.uris.has(path)) path = uri;
    this.paths.set(uri, path);
    this.uris.set(path, uri);
    return path;
  }

  /** The URI of a path the service got from `toPath`. */
  toUri(path: string): string {
    return this.uris.get(path) ?? path;
  }
}

function lastSegment(prefix: string): string {
  return decodePath(prefix.slice(0, -1).split("/").pop() ?? "");
}

function decodePath(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch (error) {
    // Not valid percent-encoding: the text as the editor sent it still names the file.
    if (!(error instanceof URIError)) throw error;
    return encoded;
  }
}
