// The grammar's public face: `parse`, the syntax tree types, diagnostics and the
// token vocabulary the playground highlights with.
export { parse, type ParseResult } from "./parse";
export { lineStartsOf, positionAt, rangeIn } from "./lines";
export type * from "./ast";
export type { Diagnostic, Severity } from "../diagnostics/diagnostic";
export { tokenVocabulary, type TokenCategory, type TokenKind, type TokenVocabulary } from "./vocabulary";
export { itemsOf, placeInItem, type Expectation, type ItemToken, type PlaceInItem } from "./content-assist";
