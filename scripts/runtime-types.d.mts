/** Writes the declarations of `stagecraft/runtime` into `outDir` (emptied first). */
export function emitRuntimeTypes(outDir: string): void;
