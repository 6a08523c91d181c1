// Outputs as a test failure shows them, in the terms of the test as written. The
// events of a test block have no ids (lowering invents `t<test>.e<n>`), and the
// outputs' ids derive from those, so a failure names none of them: it says what
// came out, when, by which rule, and after which event line of the test.
import type { SourceLocation, TestDef, Value } from "../program/ir";
import type { OutputRecord } from "../types";
import { formatWithUtc } from "../time/zone-time";

/** `{ template: "Hi", to: "contact/C1" }`, or "" without data. */
export function formatTestData(data: Record<string, Value>): string {
  const entries = Object.entries(data);
  return entries.length === 0 ? "" : ` { ${entries.map(([name, value]) => `${name}: ${JSON.stringify(value)}`).join(", ")} }`;
}

/** Reads each output back to the event line of the test it came from. */
export class TestOutputTerms {
  /** Output id → its cause, for the outputs of this test's run. */
  private readonly causeOf = new Map<string, string>();
  /** Input id → where the test writes that event. */
  private readonly lineOf = new Map<string, SourceLocation>();

  constructor(
    test: TestDef,
    outputs: readonly OutputRecord[],
    /** The calendar's zone, which times are shown in (UTC beside). */
    private readonly zone: string,
  ) {
    test.events.forEach((event, index) => {
      const location = test.eventLocations?.[index];
      if (location) this.lineOf.set(event.id, location);
    });
    for (const output of outputs) this.causeOf.set(output.id, output.cause);
  }

  /** `email.send for deal/S1 at … { … } (rule "Welcome", after the event of line 12)`. */
  describe(output: OutputRecord): string {
    const origin = this.origin(output.cause);
    const why = [output.rule === null ? undefined : `rule ${output.rule}`, origin && `after the event of line ${origin.line}`].filter(Boolean);
    return `${output.type} for ${output.entity} at ${formatWithUtc(output.at, this.zone)}${formatTestData(output.data)}${why.length > 0 ? ` (${why.join(", ")})` : ""}`;
  }

  /** The test event a cause chain starts from; each step goes to an earlier output, so the walk ends. */
  private origin(cause: string): SourceLocation | undefined {
    let id: string | undefined = cause;
    for (let steps = 0; id !== undefined && steps <= this.causeOf.size; steps++) {
      const line = this.lineOf.get(id);
      if (line) return line;
      id = this.causeOf.get(id);
    }
    return undefined;
  }
}
