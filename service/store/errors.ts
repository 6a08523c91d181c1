// Failures of the store that the user acts on (another writer holds it, it
// was written by other rules, it is not there): reported in one line, never
// as a stack trace. Anything else a driver throws is unexpected and goes up.

export class StoreError extends Error {}

/** Another process writes to this store; the message names it. */
export class StoreLockedError extends StoreError {}

/** An append met an event id the log already holds (the writer did not know it was stored). */
export class EventIdTakenError extends StoreError {}
