// What the playground edits: rules files (one shared namespace, like a folder
// given to the CLI), the input events, and the `--until` time.
export interface Workspace {
  files: Array<{ path: string; text: string }>;
  events: string;
  /** ISO time for `--until`, or "" for none. */
  until: string;
}
