export declare function editDistance(a: string, b: string): number;
/** The candidate closest to `name`, or undefined when none is within a third of its length (at least 2 edits). */
export declare function closestName(name: string, candidates: Iterable<string>): string | undefined;
