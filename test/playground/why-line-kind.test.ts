// The Why (not)? panel marks the lines of formatExplanation's text: a firing stands out.
import { describe, expect, it } from "vitest";
import { whyLineKind } from "../../playground/run/why-not-view";

describe("whyLineKind", () => {
  it("marks headings and firings, not the rest", () => {
    expect(whyLineKind(`rule "Offer opened" (triggers.rules:2), on email.opened:`)).toBe("heading");
    expect(whyLineKind("  Offer opened: 2026-03-02 16:40 (09:40 UTC) e4 email.opened: fired")).toBe("fired");
    expect(whyLineKind(`  Offer opened: 2026-03-03 10:00 (03:00 UTC) e6 email.opened: fired, but skipped move to "Offer viewed" because it is before "Negotiation" and the rule has no allow back`)).toBe("fired");
    expect(whyLineKind("  paid: 2026-01-02 10:00 UTC e5 invoice.paid: not fired: condition is false [amount = 800]")).toBeUndefined();
    expect(whyLineKind("  docs: 2026-01-01 09:30 UTC e2 stage.opened: waiting: scheduled as t1, due 2026-01-05 08:30 UTC")).toBeUndefined();
  });
});
