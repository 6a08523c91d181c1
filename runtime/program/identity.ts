// Stable identities of rules and workflows, and the program fingerprint built
// on them. Whatever outlives a run (snapshots, stored timers, workflow
// instances, deployed versions) names a rule by its identity, never by its
// position, so moving, reordering or formatting rules keeps what is stored valid.
//
// - A named rule's identity is its name; a workflow's is its name (rules and
//   workflows share one namespace, so these never collide).
// - An unnamed rule's identity is `<entity>#<digest>`, the digest of what the
//   rule does (entity, trigger, delay, condition, actions; no name, no
//   position). Identical unnamed rules are told apart by declaration order:
//   the second is `<entity>#<digest>#2`, the third `#3`. They behave the same,
//   so which of them holds which timer makes no difference.
//
// The fingerprint digests every item that decides behaviour (rules, workflows,
// entities, templates, teams, events, the calendar), keyed by identity and
// taken in identity order: it ignores positions, formatting, comments, the
// order of files and the order of items. Rule order does decide which of
// several matching rules runs first; that changes what happens next, not what
// a stored timer or instance means, so a snapshot stays valid across it.
import type { Program, RuleDef } from "./ir";
import { digestOf, fnv1a64 } from "./digest";
import { compareText } from "./compare-text";

/** What a rule does: everything but its name, identity and position. */
export type RuleBehaviour = Pick<RuleDef, "entity" | "trigger" | "delay" | "condition" | "actions">;

/** A rule before identities are given: its written name (none when unnamed) and what it does. */
export interface RuleToIdentify {
  writtenName: string | undefined;
  rule: RuleBehaviour;
}

/** The identities of rules given in declaration order, one per rule, in that order. */
export function ruleIdentities(rules: readonly RuleToIdentify[]): string[] {
  const taken = new Set<string>();
  for (const { writtenName } of rules) if (writtenName !== undefined) taken.add(writtenName);
  const seen = new Map<string, number>();
  return rules.map(({ writtenName, rule }) => {
    if (writtenName !== undefined) return writtenName;
    const base = `${rule.entity}#${behaviourDigest(rule)}`;
    // Counting skips any written name spelled like a digest form.
    let count = seen.get(base) ?? 0;
    let id: string;
    do {
      count++;
      id = count === 1 ? base : `${base}#${count}`;
    } while (taken.has(id));
    seen.set(base, count);
    taken.add(id);
    return id;
  });
}

function behaviourDigest(rule: RuleBehaviour): string {
  return digestOf({ entity: rule.entity, trigger: rule.trigger, delay: rule.delay, condition: rule.condition, actions: rule.actions });
}

// ---------------------------------------------------------------- manifest

export type ItemKind = "rule" | "workflow" | "entity" | "template" | "team" | "event" | "calendar";

/** One item of a program: what it is, its identity, how a user knows it, and the digest of its behaviour. */
export interface ManifestItem {
  kind: ItemKind;
  id: string;
  /** `rule "Name"`, `rule at file:line` (unnamed), `workflow "Name"`, `email template "Welcome"`, … */
  name: string;
  digest: string;
}

/** A program's items in identity order, and their fingerprint. Plain JSON: snapshots keep it. */
export interface ProgramManifest {
  fingerprint: string;
  items: ManifestItem[];
}

/** What differs between two programs, by display name, each list sorted by kind then identity. */
export interface ProgramChanges {
  added: string[];
  removed: string[];
  /** Same identity, different behaviour. */
  changed: string[];
}

const manifests = new WeakMap<Program, ProgramManifest>();

/** The program's items and fingerprint; computed once per program object. */
export function programManifest(program: Program): ProgramManifest {
  let manifest = manifests.get(program);
  if (!manifest) {
    manifest = buildManifest(program);
    manifests.set(program, manifest);
  }
  return manifest;
}

/** 16 hex digits that change exactly when the program's behaviour does (see the file comment for what counts). */
export function programFingerprint(program: Program): string {
  return programManifest(program).fingerprint;
}

/** Added, removed and changed items from `before` to `after`, matched by identity. */
export function comparePrograms(before: Program | ProgramManifest, after: Program | ProgramManifest): ProgramChanges {
  const old = manifestOf(before);
  const now = manifestOf(after);
  const changes: ProgramChanges = { added: [], removed: [], changed: [] };
  if (old.fingerprint === now.fingerprint) return changes;
  const oldByKey = new Map(old.items.map((item) => [itemKey(item), item]));
  const nowKeys = new Set<string>();
  for (const item of now.items) {
    const key = itemKey(item);
    nowKeys.add(key);
    const previous = oldByKey.get(key);
    if (!previous) changes.added.push(item.name);
    else if (previous.digest !== item.digest) changes.changed.push(item.name);
  }
  for (const item of old.items) if (!nowKeys.has(itemKey(item))) changes.removed.push(item.name);
  return changes;
}

function manifestOf(program: Program | ProgramManifest): ProgramManifest {
  return "items" in program ? program : programManifest(program);
}

function itemKey(item: Pick<ManifestItem, "kind" | "id">): string {
  return `${item.kind} ${item.id}`;
}

const KIND_ORDER: readonly ItemKind[] = ["calendar", "entity", "event", "team", "template", "rule", "workflow"];

function buildManifest(program: Program): ProgramManifest {
  const items: ManifestItem[] = [{ kind: "calendar", id: "calendar", name: "calendar", digest: digestOf(program.calendar) }];
  for (const entity of program.entities) items.push({ kind: "entity", id: entity.name, name: `entity ${entity.name}`, digest: digestOf(entity) });
  for (const event of program.events) items.push({ kind: "event", id: event.name, name: `event "${event.name}"`, digest: digestOf(event) });
  for (const team of program.teams) items.push({ kind: "team", id: team.name, name: `team "${team.name}"`, digest: digestOf(team) });
  for (const template of program.templates) {
    items.push({ kind: "template", id: `${template.kind} ${template.name}`, name: `${template.kind} template "${template.name}"`, digest: digestOf(template) });
  }
  for (const rule of program.rules) {
    const written = rule.id === rule.name;
    const name = written ? `rule "${rule.name}"` : `rule at ${rule.name}`;
    items.push({ kind: "rule", id: rule.id, name, digest: behaviourDigest(rule) });
  }
  for (const workflow of program.workflows) {
    const { name: _name, id: _id, location: _location, stepLocations: _stepLocations, ...behaviour } = workflow;
    items.push({ kind: "workflow", id: workflow.id, name: `workflow "${workflow.name}"`, digest: digestOf(behaviour) });
  }
  items.sort(compareItems);
  let listing = "";
  for (const item of items) listing += `${itemKey(item)}\u0000${item.digest}\n`;
  return { fingerprint: fnv1a64(listing), items };
}

function compareItems(a: ManifestItem, b: ManifestItem): number {
  const byKind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  return compareText(a.id, b.id);
}
