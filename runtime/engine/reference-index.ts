// `becomes` conditions, `wait until` and `exit when` read other records through references
// (`becomes contact.vip == true`). When such a record changes, only the records
// that refer to it are evaluated again: an index of references (referenced
// record → referring records) for each reference field a condition reads
// through, kept up to date on every record write, walked back hop by hop.
// Cost per change: the records that refer to the changed one, never a scan.
import type { EntityDef, Expr, Program } from "../program/ir";
import type { RecordState } from "../types";
import { readField } from "./record-state";
import type { PreparedEnrollment, PreparedRule, PreparedWorkflow } from "../program/prepare";

/** What is evaluated again on a referring record. */
export type Watcher =
  | { kind: "rule"; rule: PreparedRule }
  | { kind: "enroll"; workflow: PreparedWorkflow; enrollment: PreparedEnrollment }
  /** Every `wait until` and `exit when` of the instances bound to the record. */
  | { kind: "waitUntil" };

/** A reference field of an entity: `deal.contact`. */
export interface Link {
  entity: string;
  field: string;
}

/**
 * From a changed record back to the records whose watchers read it: follow
 * `links` backwards in order (the nearest hop first), then run `watchers` on
 * each record reached.
 */
export interface Route {
  links: Link[];
  watchers: Watcher[];
  /** Whether one of the watchers is a `wait until`, known once rather than asked per event. */
  waitsUntil: boolean;
}

export interface ReferenceWatch {
  /** Entity → the reference fields to index. */
  fields: Map<string, Set<string>>;
  /** Entity of the changed record → the routes to walk. */
  routes: Map<string, Route[]>;
}

interface Watched {
  entity: string;
  watcher: Watcher;
  expr: Expr;
}

export function watchReferences(program: Program, rules: PreparedRule[], workflows: PreparedWorkflow[]): ReferenceWatch {
  const watched: Watched[] = [];
  for (const rule of rules) if (rule.def.trigger.kind === "becomes") watched.push({ entity: rule.entity, watcher: { kind: "rule", rule }, expr: rule.def.trigger.condition });
  for (const workflow of workflows) {
    for (const enrollment of workflow.enrollments) {
      const trigger = enrollment.def.trigger;
      if (trigger.kind === "becomes") watched.push({ entity: enrollment.def.entity, watcher: { kind: "enroll", workflow, enrollment }, expr: trigger.condition });
    }
    const waits = waitUntilConditions(workflow);
    if (waits.length === 0) continue;
    // Instances are bound to the enrolling records.
    for (const entity of new Set(workflow.enrollments.map((enrollment) => enrollment.def.entity))) {
      for (const expr of waits) watched.push({ entity, watcher: WAIT_UNTIL, expr });
    }
  }

  const entities = new Map(program.entities.map((entity) => [entity.name, entity]));
  const fields = new Map<string, Set<string>>();
  // changed entity → chain key → route
  const byChain = new Map<string, Map<string, Route>>();
  for (const { entity, watcher, expr } of watched) {
    for (const path of referencePaths(expr)) {
      const hops = resolveHops(entities, entity, path);
      for (const hop of hops) {
        let set = fields.get(hop.entity);
        if (!set) fields.set(hop.entity, (set = new Set()));
        set.add(hop.field);
      }
      // A change of the record reached after hop j (j = 1…) reaches the watcher back through hops j-1…0.
      for (let j = 1; j <= hops.length; j++) {
        const changed = j < hops.length ? hops[j]!.entity : hops[j - 1]!.target;
        const links = hops.slice(0, j).reverse().map(({ entity: from, field }) => ({ entity: from, field }));
        const key = links.map((link) => `${link.entity}.${link.field}`).join(" ");
        let chains = byChain.get(changed);
        if (!chains) byChain.set(changed, (chains = new Map()));
        let route = chains.get(key);
        if (!route) chains.set(key, (route = { links, watchers: [], waitsUntil: false }));
        if (!route.watchers.includes(watcher)) route.watchers.push(watcher);
        if (watcher.kind === "waitUntil") route.waitsUntil = true;
      }
    }
  }
  const routes = new Map<string, Route[]>();
  for (const [entity, chains] of byChain) routes.set(entity, [...chains.values()]);
  return { fields, routes };
}

const WAIT_UNTIL: Watcher = { kind: "waitUntil" };

function waitUntilConditions(workflow: PreparedWorkflow): Expr[] {
  const found: Expr[] = [];
  const walk = (steps: PreparedWorkflow["def"]["steps"]) => {
    for (const step of steps) {
      if (step.kind === "waitUntil") found.push(step.condition);
      else if (step.kind === "if") {
        walk(step.then);
        walk(step.else);
      }
    }
  };
  walk(workflow.def.steps);
  for (const goal of workflow.def.exits ?? []) found.push(goal);
  return found;
}

/** The field paths of an expression that go through at least one reference. */
export function referencePaths(expr: Expr): string[][] {
  const paths: string[][] = [];
  const visit = (node: Expr): void => {
    switch (node.kind) {
      case "field":
        if (node.path.length > 1) paths.push(node.path);
        return;
      case "text":
        for (const part of node.parts) if (typeof part !== "string" && part.path.length > 1) paths.push(part.path);
        return;
      case "not":
      case "negate":
        visit(node.operand);
        return;
      case "and":
      case "or":
      case "compare":
      case "arithmetic":
        visit(node.left);
        visit(node.right);
        return;
      case "in":
        visit(node.value);
        node.options.forEach(visit);
        return;
      case "call":
        node.args.forEach(visit);
        return;
      case "literal":
      case "eventField":
      case "this":
      case "changed":
      case "previous":
      case "isOpen":
        return;
    }
  };
  visit(expr);
  return paths;
}

interface Hop extends Link {
  target: string;
}

/** The reference hops of a path from an entity (all but its last segment), as far as they are references. */
function resolveHops(entities: Map<string, EntityDef>, entity: string, path: string[]): Hop[] {
  const hops: Hop[] = [];
  let current = entity;
  for (const name of path.slice(0, -1)) {
    const type = entities.get(current)?.fields.find((field) => field.name === name)?.type;
    if (type?.kind !== "ref") break;
    hops.push({ entity: current, field: name, target: type.entity });
    current = type.entity;
  }
  return hops;
}

/** Referenced record → the records referring to it, per indexed reference field. */
export class ReferenceIndex {
  /** `entity.field` → referenced ref → referring refs. */
  private readonly byLink = new Map<string, Map<string, Set<string>>>();

  constructor(private readonly fields: ReadonlyMap<string, ReadonlySet<string>>) {}

  get active(): boolean {
    return this.fields.size > 0;
  }

  /** Keeps the index in step with one record write (`next` undefined: removed). */
  update(previous: RecordState | undefined, next: RecordState | undefined): void {
    const record = next ?? previous!;
    const fields = this.fields.get(record.type);
    if (fields === undefined) return;
    for (const field of fields) {
      const before = previous ? readField(previous, field) : null;
      const after = next ? readField(next, field) : null;
      if (before === after) continue;
      const key = `${record.type}.${field}`;
      let targets = this.byLink.get(key);
      if (!targets) this.byLink.set(key, (targets = new Map()));
      if (typeof before === "string") {
        const referring = targets.get(before);
        referring?.delete(record.ref);
        if (referring?.size === 0) targets.delete(before);
      }
      if (typeof after === "string") {
        let referring = targets.get(after);
        if (!referring) targets.set(after, (referring = new Set()));
        referring.add(record.ref);
      }
    }
  }

  /** The records whose `link` field refers to `ref`. */
  referrers(link: Link, ref: string): ReadonlySet<string> | undefined {
    return this.byLink.get(`${link.entity}.${link.field}`)?.get(ref);
  }

  /** The records a route reaches back from a changed record (through its first `hops` links), in index order. */
  reach(route: Route, ref: string, hops = route.links.length): Set<string> {
    let refs = new Set([ref]);
    for (let i = 0; i < hops; i++) {
      const link = route.links[i]!;
      const next = new Set<string>();
      for (const current of refs) {
        const referring = this.referrers(link, current);
        if (referring) for (const referrer of referring) next.add(referrer);
      }
      refs = next;
      if (refs.size === 0) break;
    }
    return refs;
  }
}
