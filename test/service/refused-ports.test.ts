// The list of refused ports is the one Node's fetch holds: each of them fails
// with "bad port" before any connection, and a port beside them does not.
import { describe, expect, it } from "vitest";
import { refusedPortReason } from "../../service/refused-ports";

const causeOf = async (port: number) => {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
    return "answered";
  } catch (error) {
    return (error as { cause?: { message?: string } }).cause?.message ?? "";
  }
};

describe("refusedPortReason", () => {
  it("names the ports Node's fetch refuses, and no others of those around them", async () => {
    for (const port of [25, 6000, 6667, 10080]) {
      expect(refusedPortReason(new URL(`http://127.0.0.1:${port}`)), String(port)).toMatch(`port ${port} is one that HTTP clients`);
      expect(await causeOf(port), String(port)).toBe("bad port");
    }
    for (const port of [2, 6001, 6670, 10081]) {
      expect(refusedPortReason(new URL(`http://127.0.0.1:${port}`)), String(port)).toBeUndefined();
      expect(await causeOf(port), String(port)).not.toBe("bad port");
    }
    expect(refusedPortReason(new URL("https://crm.example/hooks"))).toBeUndefined();
  });
});
