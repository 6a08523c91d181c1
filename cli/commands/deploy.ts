// `stagecraft deploy <paths...> --to URL [--dry-run] [--token-file FILE] [--format text|json]`:
// checks the rules here, then sends them to a running service's
// `PUT /v1/rules` (docs/versions.md "Deploy"). Exit codes: 0 deployed (or
// answered, for a dry run; or the rules are the active ones already), 1 rule
// errors (found here or by the service), 2 usage or I/O: the service cannot be
// reached, refuses the request (records the new rules cannot hold, SC4008: a
// dry run that finds them exits 2 too, after its answer), or is no Stagecraft
// service at all.
import type { Command } from "commander";
import { formatDiffText, formatOutputLine, formatPlanText, formatUnfitRecords, type OutputRecord } from "../../runtime/index";
import type { DeployAnswer } from "../../service/rules-service";
import { refusedPortReason } from "../../service/refused-ports";
import { compileOrReport } from "../compile-rules";
import { readServiceAnswer } from "../deploy-answer";
import { CliError, ExitCode, textOrJson, usageError } from "../errors";
import type { Output } from "../output";
import { readToken } from "./serve";

interface DeployOptions {
  to: string;
  dryRun?: boolean;
  tokenFile?: string;
  format: string;
}

export function registerDeploy(program: Command, out: Output): void {
  program
    .command("deploy")
    .description("check the rules and deploy them to a running service (PUT /v1/rules); --dry-run shows the plan and the diff over its log")
    .argument("<paths...>", ".rules files or folders")
    .requiredOption("--to <url>", "the service, e.g. http://127.0.0.1:8080")
    .option("--dry-run", "answer what the deploy would do (migration plan, outputs, behavioural diff over the service's log); change nothing")
    .option("--token-file <file>", "send Authorization: Bearer <the file's token>")
    .option("--format <format>", "text or json (the service's answer)", "text")
    .action(async (paths: string[], options: DeployOptions) => {
      const format = textOrJson(options.format);
      const url = rulesUrl(options.to, options.dryRun === true);
      const token = options.tokenFile === undefined ? undefined : readToken(options.tokenFile);
      const compiled = compileOrReport(paths, out);
      if (!compiled) return;
      const { sources } = compiled;
      const files = sources.map(({ path, text }) => ({ path, text }));
      const response = await send(url, JSON.stringify({ files }), token);
      const read = readServiceAnswer(url, response.status, response.text);
      if ("refusal" in read) {
        const { status, error, diagnostics, schema } = read.refusal;
        if (status === 422 && diagnostics) {
          for (const d of diagnostics) out.stderr(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}\n`);
          out.stderr(`stagecraft: the service refused the rules: ${error.message}\n`);
          out.exit(ExitCode.ruleErrors);
          return;
        }
        if (!schema) throw usageError(`${url.origin} answered ${status}: ${error.code} ${error.message}`);
        out.stderr(`stagecraft: ${url.origin} refused the deploy (${status}): ${error.code} ${error.message}\n${formatUnfitRecords(schema)}`);
        out.exit(ExitCode.usage);
        return;
      }
      const { answer } = read;
      out.stdout(format === "json" ? JSON.stringify(answer, null, 2) + "\n" : describeAnswer(answer, options.to, paths));
      // A dry run of a deploy the service would refuse fails as the deploy would.
      if (answer.refused) throw usageError(`the deploy would be refused: ${answer.refused.code} ${answer.refused.message}`);
      out.exit(ExitCode.ok);
    });
}

function rulesUrl(to: string, dryRun: boolean): URL {
  let url: URL;
  try {
    url = new URL("/v1/rules", to);
  } catch {
    throw usageError(`--to must be the service's URL (e.g. http://127.0.0.1:8080), not "${to}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw usageError(`--to must be an http or https URL, not "${to}"`);
  const refused = refusedPortReason(url);
  if (refused !== undefined) throw usageError(`cannot reach ${url.origin}: ${refused} for \`stagecraft serve --listen HOST:PORT\``);
  if (dryRun) url.searchParams.set("dry_run", "1");
  return url;
}

async function send(url: URL, body: string, token: string | undefined): Promise<{ status: number; text: string }> {
  let response: Response;
  try {
    response = await fetch(url, { method: "PUT", body, headers: { "content-type": "application/json", ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}) } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(`cannot reach ${url.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}; is \`stagecraft serve\` running there?`, ExitCode.usage);
  }
  return { status: response.status, text: await response.text() };
}

/** The answer as people read it: what happened, the plan, the outputs, and for a dry run the diff. */
function describeAnswer(answer: DeployAnswer, to: string, paths: string[]): string {
  if (answer.unchanged) return `the rules are the active version ${answer.version} of ${to} already (fingerprint ${answer.fingerprint}): nothing to deploy\n`;
  const lines: string[] = [];
  const head = `version ${answer.version} (fingerprint ${answer.fingerprint})`;
  if (answer.deployed) lines.push(`deployed ${head} to ${to} at ${answer.at}`);
  else if (answer.refused) lines.push(`dry run: ${head} would be refused by ${to} at ${answer.at} (${answer.refused.code}: records the new rules cannot hold, below); nothing changed`);
  else lines.push(`dry run: ${head} would be deployed to ${to} at ${answer.at}; nothing changed`);
  lines.push("", formatPlanText(answer.plan).trimEnd());
  if (!answer.refused) {
    lines.push("", `${answer.deployed ? "outputs stored" : "outputs the deploy would store"} (${answer.outputs.length}):`);
    for (const line of answer.outputs) lines.push(`  ${formatOutputLine(JSON.parse(line) as OutputRecord)}`);
  }
  if (answer.diff) {
    lines.push("", "behaviour over the service's log (active rules → these):");
    if ("error" in answer.diff) lines.push(`  not compared: ${answer.diff.error}`);
    else lines.push(formatDiffText(answer.diff, { base: `active version ${answer.version - 1}`, head: paths.join(" "), events: "the service's log" }).trimEnd());
  }
  return lines.join("\n") + "\n";
}
