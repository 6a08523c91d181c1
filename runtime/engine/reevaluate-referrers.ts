// A record changed that `becomes` conditions or `wait until` of other records
// read through a reference: evaluate them again on exactly the records that
// refer to it (reference-index.ts), as if those records had changed.
import { workflowOf } from "../program/prepare";
import type { EngineHost } from "./engine-host";
import { considerRule } from "./consider-rule";
import { extendLineage } from "./firing";
import { pendingEvent, type PendingEvent } from "./pending-event";
import type { Route } from "./reference-index";

export function reevaluateReferrers(host: EngineHost, event: PendingEvent, routes: readonly Route[]): void {
  const state = host.state;
  for (const route of routes) {
    const reached = state.references.reach(route, event.ref);
    if (route.waitsUntil && state.instancesByKeyRef.size > 0) addKeyedInstances(host, route, event.ref, reached);
    for (const ref of reached) {
      const record = state.records.get(ref);
      if (!record) continue;
      // One event per referring record, each named apart from the others.
      const related = pendingEvent(event.id, record, event.type, event.firing, undefined, extendLineage(event.lineage, `referrer ${ref}`));
      for (const watcher of route.watchers) {
        if (watcher.kind === "rule") considerRule(host, watcher.rule, related);
        else if (watcher.kind === "enroll") host.workflows.considerEnrollment(watcher.workflow, watcher.enrollment, related);
        else if (state.instancesByRecord.has(ref)) host.workflows.resumeWaitsUntil(related);
      }
    }
  }
}

/**
 * A `per contact` instance reads its own contact through the key field even
 * when its bound deal now refers to another (workflow-runner.ts): the records
 * its route reaches through the key field are found by key, not by the index.
 */
function addKeyedInstances(host: EngineHost, route: Route, changed: string, reached: Set<string>): void {
  const state = host.state;
  const last = route.links[route.links.length - 1]!;
  for (const keyRef of state.references.reach(route, changed, route.links.length - 1)) {
    const keys = state.instancesByKeyRef.get(keyRef);
    if (keys === undefined) continue;
    for (const key of keys) {
      const instance = state.instances.get(key)!;
      const bound = state.records.get(instance.bound);
      if (bound?.type === last.entity && workflowOf(host.prepared, instance.workflow).keyFields.get(last.entity) === last.field) reached.add(instance.bound);
    }
  }
}
