import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repeatedKey } from "../../runtime/input/repeated-keys";

const read = (text: string) => repeatedKey(text, JSON.parse(text));

describe("repeatedKey", () => {
  it("finds nothing in what JSON.stringify writes (its keys are unique)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(read(JSON.stringify(value))).toBeUndefined();
        expect(read(JSON.stringify(value, null, 2))).toBeUndefined();
      }),
    );
  });

  it("names the key written twice and where it is", () => {
    expect(read('{"id":"e1","title":"x","title":"y"}')).toEqual(["title"]);
    expect(read('{"id":"e1","data":{"title":"x", "title" : "y"}}')).toEqual(["data", "title"]);
    expect(read('{"data":{"items":[{"a":1},{"b":1,"b":2}]}}')).toEqual(["data", "items", 1, "b"]);
  });

  it("reads nesting deeper than a call stack, in time linear in the text", () => {
    const depth = 100_000;
    const nested = (inner: string) => `{"data":${"[".repeat(depth)}${inner}${"]".repeat(depth)}}`;
    expect(read(nested('{"a":1}'))).toBeUndefined();
    expect(read(nested('{"a":1,"a":2}'))).toEqual((["data"] as Array<string | number>).concat(Array<number>(depth).fill(0), "a"));
  });

  it("compares keys as JSON reads them, escapes decoded", () => {
    expect(read('{"title":"x","\\u0074itle":"y"}')).toEqual(["title"]);
  });

  it("is not misled by quotes, colons and backslashes inside strings", () => {
    expect(read('{"a":"\\"b\\":","b":":","c":"\\\\","d":{"a":1}}')).toBeUndefined();
    expect(read('{"a\\\\":1,"a\\\\":2}')).toEqual(["a\\"]);
  });
});
