// Failures `serve` and `log export` report in one line, never as a stack
// trace: the store is held by another writer, was written by other rules, or
// cannot be reached; the port is taken. Anything else a driver throws is
// unexpected and goes up.

export class ServeError extends Error {}

/** Another process writes to this store; the message names it. */
export class StoreLockedError extends ServeError {}

/** An append met an event id the log already holds (the writer did not know it was stored). */
export class EventIdTakenError extends ServeError {}
