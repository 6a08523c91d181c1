// A line that JSON.parse refuses, in the reader's terms: the column of the
// mistake (JSON.parse counts characters from 0 and calls it a position), and,
// for a line that stops inside its event, that JSON Lines holds each event
// whole on one line (a pretty-printed file splits one event over several).

export interface JsonSyntaxProblem {
  /** Lower-case, without JSON.parse's echo of the text. */
  reason: string;
  /** 1-based, when JSON.parse tells where. */
  column?: number;
}

const AT_POSITION = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/;
const ECHO = /, ".*" is not valid JSON$/s;

export function jsonSyntaxProblem(error: Error, line: string): JsonSyntaxProblem {
  const text = error.message;
  const at = AT_POSITION.exec(text);
  let reason = (at ? text.slice(0, at.index) : text.replace(ECHO, "")).replace(/^Unexpected end of JSON input$/, "the line ends inside the event");
  reason = reason.charAt(0).toLowerCase() + reason.slice(1);
  const column = at ? +at[1]! + 1 : reason === "the line ends inside the event" ? line.length + 1 : undefined;
  const opened = /^\s*[{[]/.test(line);
  if (opened && column !== undefined && column > line.trimEnd().length) {
    reason += "; JSON Lines needs each event whole on one line (is this a pretty-printed event, split over several lines?)";
  }
  return column === undefined ? { reason } : { reason, column };
}
