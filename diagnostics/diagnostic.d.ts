export type Severity = "error" | "warning";
export interface SourcePosition {
    offset: number;
    line: number;
    column: number;
}
/** Half-open range [start, end) in one source file: what diagnostics carry. */
export interface SourceRange {
    start: SourcePosition;
    end: SourcePosition;
}
export interface Diagnostic {
    /** Stable code, `SC` + 4 digits: one entry of the table in codes.ts. */
    code: string;
    severity: Severity;
    /** Says what is wrong and, where it can, what was probably meant. */
    message: string;
    /** The source file's path as given. */
    file: string;
    range: SourceRange;
}
