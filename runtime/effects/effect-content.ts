// What a receiver needs to act on an effect without the rules: its template's
// texts with the placeholders filled from the records, and for a task its type
// and due time. The output line stays as `run` writes it (template name and
// recipient); this is what a delivery (the service's webhooks) adds beside it.
import type { Program, TemplateDef, Value } from "../program/ir";
import type { EvalContext, OutputRecord, RecordState } from "../types";
import { compileTemplateText } from "../expressions/compile-expr";
import { addDuration } from "../time/calendar";
import { formatInstant, parseInstant } from "../time/instants";

/** Template property → filled text (`subject`, `body`, `text`, `description`…), plus `type` and `due` for a task. */
export type EffectContent = Record<string, string>;

interface CompiledTemplate {
  def: TemplateDef;
  texts: Array<[string, (ctx: EvalContext) => string]>;
}

export class EffectRenderer {
  private readonly templates = new Map<string, CompiledTemplate>();

  constructor(private readonly program: Program) {
    for (const def of program.templates) {
      const texts = Object.entries(def.properties).map(([key, text]): [string, (ctx: EvalContext) => string] => [key, compileTemplateText(text)]);
      this.templates.set(templateKey(def.kind, def.name), { def, texts });
    }
  }

  /**
   * The content of an effect that names a template, read from the records as
   * `lookup` gives them; undefined for other outputs, and for a template with no
   * text (a bare `template report "Offer"`), so that an effect either carries
   * content or has none, never an empty one. `kind` is the template kind the
   * effect names (an email, an sms, a task, a report).
   */
  render(output: OutputRecord, kind: TemplateDef["kind"], lookup: (ref: string) => RecordState | undefined): EffectContent | undefined {
    const name = output.data.template;
    const record = lookup(output.entity);
    const template = typeof name === "string" ? this.templates.get(templateKey(kind, name)) : undefined;
    if (!template || !record) return undefined;
    const now = parseInstant(output.at);
    const ctx: EvalContext = { record, lookup, changes: null, previous: null, eventData: null, now, calendar: this.program.calendar };
    const content: EffectContent = {};
    for (const [key, fill] of template.texts) content[key] = fill(ctx);
    if (template.def.taskType !== undefined) content.type = template.def.taskType;
    if (template.def.due) content.due = formatInstant(addDuration(now, template.def.due, this.program.calendar));
    return Object.keys(content).length > 0 ? content : undefined;
  }
}

function templateKey(kind: string, name: Value): string {
  return `${kind}\u0000${String(name)}`;
}
