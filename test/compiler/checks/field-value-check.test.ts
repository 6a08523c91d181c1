import { describe, it } from "vitest";
import { expectAt, expectClean } from "./marked";

describe("FieldValueCheck", () => {
  it("reports values that do not fit the field", () => {
    expectAt(`on deal created { set title = <|>5
  create contact with { name: <|>amount } }`, "SC2207", ["`title` is text, but this value is number"]);
  });
  it("reports fields set cannot change", () => {
    expectAt(`on deal created { set <|>stage = "Won"
  set <|>id = "x"
  set <|>contact.id = "x" }`, "SC2317");
  });
  it("checks a field of a referenced record against that field's type", () => {
    expectAt(`on deal created { set contact.name = <|>5 }`, "SC2207", ["`name` is text, but this value is number"]);
    expectClean(`on deal created { set contact.name = title
  set contact.phone = none }`);
  });
  it("accepts fitting values", () => {
    expectClean(`on deal created { set amount = amount * 2
  set channel = partner
  set installer = "ana@solar.example"
  create installation with { deal: this } }`);
  });
});
