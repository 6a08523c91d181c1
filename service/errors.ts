// Errors a request gets back: an HTTP status, a code and message of the
// diagnostics table (diagnostics/messages.ts) and, for a bad event, the
// 1-based line (or array index) it was on.
// Body: {"error":{"code","message","line"}} (docs/service.md).
import { render, type DiagnosticMessage, type MessageArguments } from "../diagnostics/message";

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

/** A refusal with a message of the table; `line` is the event's, when it is about one. */
export function refuse<T extends string>(status: number, message: DiagnosticMessage<T>, line: number | undefined, ...args: MessageArguments<T>): RequestError {
  return new RequestError(status, message.code, render(message, ...args), line);
}

/** A refusal whose body carries more than the error: a refused deploy's `schema` (docs/service.md). */
export class DetailedRequestError extends RequestError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(status, code, message);
  }

  override toBody(): { error: { code: string; message: string; line?: number } } & Record<string, unknown> {
    return { ...super.toBody(), ...this.details };
  }
}
