// The rules routes (docs/service.md "Deploys"): `PUT /v1/rules` checks the
// files it is given and deploys them (or with `?dry_run=1` answers what the
// deploy would do), `GET /v1/rules` lists the versions, `GET /v1/rules/N`
// gives one with its files. Rules with errors answer 422 with their
// diagnostics, as `check --format json` lists them, and change nothing.
import type { FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from "fastify";
import type { Logger } from "pino";
import { compileSources, type Diagnostic } from "../compiler/index";
import { Diagnostics } from "../diagnostics/messages";
import { plural } from "../runtime/reporting/plural";
import { refuse, RequestError } from "./errors";
import type { RulesService } from "./rules-service";
import type { RuleVersion } from "./store/rule-versions";

export const RULES_ROUTES = "PUT /v1/rules, GET /v1/rules, GET /v1/rules/N";

/** The fastify app of http.ts (its logger is pino's). */
type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Logger>;

export function registerRulesRoutes(app: App, service: RulesService): void {
  app.put(
    "/v1/rules",
    { schema: { querystring: { type: "object", properties: { dry_run: { type: "string", enum: ["0", "1", "true", "false"], default: "0" } } } } },
    async (request, reply) => {
      const files = readRulesBody(request.body);
      const { diagnostics, program } = compileSources(files);
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
      if (errors > 0 || !program) {
        const failure = refuse(422, Diagnostics.RulesHaveErrors, undefined, { count: plural(errors, "error") });
        return reply.status(422).send({ ...failure.toBody(), diagnostics: diagnostics.map(diagnosticJson) });
      }
      const { dry_run: dryRun } = request.query as { dry_run: string };
      return reply.send(await service.deploy(program, files, dryRun === "1" || dryRun === "true"));
    },
  );

  app.get("/v1/rules", async (_request, reply) => reply.send(await service.versions()));

  app.get("/v1/rules/:version", async (request, reply) => {
    const { version } = request.params as { version: string };
    const found = /^[1-9][0-9]{0,8}$/.test(version) ? await service.version(Number(version)) : undefined;
    if (!found) throw refuse(404, Diagnostics.NoVersion, undefined, { version });
    return reply.send(versionJson(found));
  });
}

/** `{"files":[{"path","text"}]}`, at least one file, each path once. */
function readRulesBody(body: unknown): Array<{ path: string; text: string }> {
  const bad = (reason: string): RequestError => refuse(400, Diagnostics.NotRulesBody, undefined, { reason });
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof body === "string" ? body : "");
  } catch (error) {
    throw bad(`not JSON (${(error as Error).message})`);
  }
  const files = (parsed as { files?: unknown } | null)?.files;
  if (!Array.isArray(files) || files.length === 0) throw bad("files is not a list of at least one file");
  const seen = new Set<string>();
  return files.map((file: unknown, index) => {
    const { path, text } = (file ?? {}) as { path?: unknown; text?: unknown };
    if (typeof path !== "string" || path === "") throw bad(`files[${index}].path is not a file name`);
    if (typeof text !== "string") throw bad(`files[${index}].text is not a string`);
    if (seen.has(path)) throw bad(`files[${index}].path "${path}" is given twice`);
    seen.add(path);
    return { path, text };
  });
}

function diagnosticJson(d: Diagnostic) {
  return { file: d.file, line: d.range.start.line, column: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column, severity: d.severity, code: d.code, message: d.message };
}

function versionJson({ version, fingerprint, at, logPosition, sources }: RuleVersion) {
  return { version, fingerprint, at, logPosition, files: sources };
}
