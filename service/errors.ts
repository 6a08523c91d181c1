// Errors a request gets back: an HTTP status, a stable code, a message in the
// user's words and, for a bad event, the 1-based line (or array index) it was on.
// Body: {"error":{"code","message","line"}} (CONTRACT.md "The service").

export const ServiceErrorCode = {
  /** The body holds no events, or is not JSON Lines / JSON as its content type says. */
  emptyBody: "SC3012",
  futureEvent: "SC3013",
  bodyTooLarge: "SC3014",
  unsupportedMediaType: "SC3015",
  unauthorized: "SC3016",
  notFound: "SC3017",
  storeUnavailable: "SC3018",
  badQuery: "SC3019",
  /** A bug in Stagecraft (status 500), logged with its stack. */
  internal: "SC3099",
} as const;

export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string; line?: number } } {
    return { error: this.line === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, line: this.line } };
  }
}
