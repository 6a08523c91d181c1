import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("UnknownEntityCheck", () => {
  it("reports unknown entities in subjects, create and field types, with a suggestion", () => {
    expectAt(
      `on <|>dael created -> create <|>contct
entity note { about: <|>dela }`,
      "SC2001",
      ["Did you mean `deal`?", "Did you mean `contact`?"],
    );
  });
  it("accepts declared entities and primitive types", () => {
    expectClean(`entity note { about: deal  at: datetime }
on deal created -> create note with { about: this }`);
  });
});
