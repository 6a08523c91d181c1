// What the service writes to the outbox for each output it stores: one
// delivery per webhook that takes the effect, with the body to send (the
// output line's fields, its position, and the content a receiver needs to act
// without the rules, rendered from the records as they stand once the entry
// that produced the effect is processed).
import { EffectRenderer, type OutputRecord, type Program, type RecordState } from "../../runtime/index";
import { findOutputType } from "../../stdlib/outputs";
import type { Clock } from "../clock";
import { takes, type WebhookEndpoint } from "./endpoints";
import type { OutboxEntry } from "./outbox-entry";

export class Outbox {
  /** The renderer of the rules that produced the last output: a deploy's outputs and all after it render with the new rules' templates. */
  private rendering: { program: Program; renderer: EffectRenderer } | undefined;

  constructor(
    private readonly endpoints: readonly WebhookEndpoint[],
    private readonly clock: Clock,
    /** Called once deliveries are committed: the dispatcher has work. */
    readonly written: () => void,
  ) {}

  /** The deliveries of one output at `position`, produced by `program`: none for a derived event, or when no webhook takes it. */
  deliveriesOf(program: Program, output: OutputRecord, position: number, lookup: (ref: string) => RecordState | undefined): OutboxEntry[] {
    const endpoints = this.endpoints.filter((endpoint) => takes(endpoint, output.type));
    if (endpoints.length === 0) return [];
    const payload = JSON.stringify(this.payload(this.rendererOf(program), output, position, lookup));
    const since = this.clock.now();
    return endpoints.map((endpoint) => ({ outputPosition: position, outputId: output.id, type: output.type, entity: output.entity, endpoint: endpoint.url, payload, since }));
  }

  private rendererOf(program: Program): EffectRenderer {
    if (this.rendering?.program !== program) this.rendering = { program, renderer: new EffectRenderer(program) };
    return this.rendering.renderer;
  }

  private payload(renderer: EffectRenderer, output: OutputRecord, position: number, lookup: (ref: string) => RecordState | undefined): Record<string, unknown> {
    const { id, at, entity, type, data, cause, rule } = output;
    const kind = findOutputType(type)?.templateKind;
    const content = kind === undefined ? undefined : renderer.render(output, kind, lookup);
    return { id, position, at, entity, type, data, cause, rule, ...(content ? { content } : {}) };
  }
}
