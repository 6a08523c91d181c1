// Completion from the grammar's content assist and the workspace's names.
import { describe, expect, it } from "vitest";
import { labels, withCursor } from "./helpers";

describe("completion", () => {
  it("offers the item-starting words at the start of an item", () => {
    expect(labels("|")).toEqual(expect.arrayContaining(["entity", "on", "rule", "workflow", "test"]));
  });

  it("offers entities and stage after `on`", () => {
    expect(labels("on |")).toEqual(expect.arrayContaining(["deal", "contact", "stage"]));
  });

  it("offers the record's changes, declared events and catalog events after `on <entity>`", () => {
    const offered = labels("on deal |");
    expect(offered).toEqual(expect.arrayContaining(["created", "updated", "stage", '"webinar.attended"', "invoice.paid"]));
    expect(offered).not.toContain("deal");
  });

  it("offers the stages of the subject's entity inside the quotes", () => {
    const { service, position } = withCursor('on deal stage "N|');
    const items = service.completions("rules.rules", position);
    expect(items.map((i) => i.label)).toEqual(["New", "Won"]);
    // the string is not closed: the completion closes it
    expect(items[0]!.insertText).toBe('New"');
    expect(items[0]!.insert).toEqual({ start: { line: 1, column: 16 }, end: { line: 1, column: 17 } });
  });

  it("offers templates of the action's kind", () => {
    expect(labels('on deal created -> send email "|"')).toEqual(["Welcome"]);
    expect(labels('on deal created -> send sms "|"')).toEqual(["Reminder"]);
  });

  it("offers goals and steps in a workflow, the wait's options after its duration, and fields after `exit when`", () => {
    expect(labels('workflow "W" {\n  enroll on deal created\n  |\n}')).toEqual(expect.arrayContaining(["enroll", "exit", "wait", "if", "stop", "notify"]));
    expect(labels('workflow "W" {\n  enroll on deal created\n  wait 1 day |\n}')).toEqual(expect.arrayContaining(["at", "within", "exit"]));
    expect(labels('workflow "W" {\n  enroll on deal created\n  exit when |\n}')).toEqual(expect.arrayContaining(["title", "amount", "stage", "not"]));
  });

  it("offers entities after `for each` and `of`, and the referring record's fields inside its block", () => {
    expect(labels("on contact updated { for each |")).toEqual(expect.arrayContaining(["deal", "contact"]));
    expect(labels("on contact updated { for each deal of |")).toEqual(expect.arrayContaining(["contact"]));
    const inside = labels("on contact updated { for each deal of contact { set |");
    expect(inside).toEqual(expect.arrayContaining(["title", "amount"]));
    expect(inside).not.toContain("phone");
    const after = labels("on contact updated { for each deal of contact { } set |");
    expect(after).toEqual(expect.arrayContaining(["phone"]));
    expect(after).not.toContain("title");
  });

  it("offers teams after `assign … from`", () => {
    expect(labels("on deal created -> assign responsible from |")).toEqual(["sales"]);
  });

  it("offers the attributes of the team's members after `where` and `and`, and their values after `==`", () => {
    const team = 'team desks {\n  "ana" { channel: web, level: 2 }\n  "bo" { channel: "phone", region: north }\n}\n';
    const offered = (text: string, triggerCharacter?: string) => {
      const { service, position } = withCursor(`${team}${text}`);
      return service.completions("rules.rules", position, { triggerCharacter }).map((item) => item.label);
    };
    expect(offered("on deal created -> assign responsible from desks where |")).toEqual(["channel", "level", "region"]);
    expect(offered("on deal created -> assign responsible from desks where channel == source and |")).toEqual(["channel", "level", "region"]);
    expect(offered("on deal created -> assign responsible from sales where |")).toEqual([]);
    const values = offered("on deal created -> assign responsible from desks where channel == |");
    expect(values.slice(0, 2)).toEqual(['"web"', '"phone"']);
    expect(values).toEqual(expect.arrayContaining(["source", "title"]));
    expect(offered("on deal created -> assign responsible from desks where level == |")).toEqual(expect.arrayContaining(["2"]));
    expect(offered('on deal created -> assign responsible from desks where channel == "|')).toEqual(["web", "phone"]);
  });

  it("offers the rule's fields, functions and the keywords the grammar allows in an expression", () => {
    const offered = labels("on deal created when |");
    expect(offered).toEqual(expect.arrayContaining(["title", "amount", "contact", "responsible", "web", "lower", "true", "none", "not"]));
    expect(offered).not.toContain("entity");
  });

  it("offers a reference's fields after its dot", () => {
    expect(labels("on deal created when contact.|")).toEqual(expect.arrayContaining(["name", "phone", "id"]));
    expect(labels("on deal created when contact.na|")).toContain("name");
  });

  it("offers the created entity's fields, leaving out those written", () => {
    const offered = labels("on deal created -> create contact with { name: title, | }");
    expect(offered).toContain("phone");
    expect(offered).not.toContain("name");
    expect(offered).not.toContain("title");
  });

  it("offers email and sms after send, task and entities after create", () => {
    expect(labels("on deal created -> send |")).toEqual(["email", "sms"]);
    expect(labels("on deal created -> create |")).toEqual(expect.arrayContaining(["task", "activity", "deal"]));
  });

  it("offers field types in an entity", () => {
    expect(labels("entity lead {\n  score: |\n}")).toEqual(expect.arrayContaining(["number", "text", "deal"]));
  });

  it("does not open on a space in an expression, nor in a comment", () => {
    expect(labels("on deal created when |", " ")).toEqual([]);
    expect(labels("// on |")).toEqual([]);
  });
});

describe("completion in tests", () => {
  const rules = 'rule "Big deal": on deal created when amount > 10 -> notify responsible "Big"\non deal updated -> close "Won"\nworkflow "Nurture" {\n  enroll on deal created\n  notify responsible "Hi"\n}\n';

  it("offers the named rules after `by rule` and the workflows after `by workflow`", () => {
    expect(labels(`${rules}test "t" {\n  expect notify by rule "|\n}`)).toEqual(["Big deal"]);
    expect(labels(`${rules}test "t" {\n  expect notify by workflow "N|"\n}`)).toEqual(["Nurture"]);
  });

  it("closes the quote it completes, and replaces the name under the cursor", () => {
    const { service, position } = withCursor(`${rules}test "t" {\n  expect notify by rule "B|\n}`);
    const [item] = service.completions("rules.rules", position);
    expect(item).toMatchObject({ label: "Big deal", kind: "rule", insertText: 'Big deal"' });
  });
});

describe("completion of keyword categories", () => {
  it("offers the logical operators after a comparison and the time units after a delay's amount", () => {
    expect(labels('on deal created when amount > 1 |')).toEqual(expect.arrayContaining(["and", "or", "in"]));
    expect(labels("on deal created after 2 |")).toEqual(expect.arrayContaining(["business", "day", "days", "hours", "weeks"]));
  });

  it("offers the next action in a block, and stages after `is open`", () => {
    expect(labels('on deal created {\n  send email "Welcome" to contact\n  |\n}')).toEqual(expect.arrayContaining(["cc", "close", "send", "notify"]));
    expect(labels('on deal created when is open "|')).toEqual(["New", "Won"]);
  });
});
