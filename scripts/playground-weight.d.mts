export interface FileWeight {
  file: string;
  raw: number;
  gzip: number;
}
export interface WeightGroup {
  files: FileWeight[];
  total: { raw: number; gzip: number };
}
/** The built files (paths relative to the site, `/`-separated) that opening the page fetches. */
export function filesFetchedOnOpen(files: readonly string[], read: (file: string) => string): Set<string>;
/** Every built file of `folder` (default playground/dist), raw and gzip level 9, split into on open and on demand. */
export function playgroundWeight(folder?: string): { onOpen: WeightGroup; onDemand: WeightGroup; total: { raw: number; gzip: number } };
