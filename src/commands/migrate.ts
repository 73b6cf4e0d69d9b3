/** `pulumigrate migrate` (`convert --recursive`): a repository, every root module and template its own project. */
import { migrate } from "../bulk/index.js";
import { progressPrinter, summaryTable } from "../bulk/progress.js";
import { checkOutputPath, isDirectory, UsageError } from "../project/index.js";

export interface MigrateArgs {
  input: string;
  output?: string;
  force: boolean;
  json: boolean;
  format: boolean;
  stack: string;
  include: string[];
  exclude: string[];
  jobs?: number;
  verify: boolean;
  timeout: number;
}

/** A repository: every root module and template, each its own project under -o. */
export async function runMigrate(args: MigrateArgs): Promise<number> {
  if (!args.output) throw new UsageError("a repository converts into a folder of projects: name it with -o <folder>");
  if (!isDirectory(args.input)) throw new UsageError(`${args.input}: not a directory (--recursive walks a repository)`);
  checkOutputPath(args.output, true);
  // Progress goes where people look: stdout, or stderr when stdout carries the JSON report.
  const stream = args.json ? process.stderr : process.stdout;
  const report = await migrate(args.input, {
    out: args.output,
    force: args.force,
    format: args.format,
    stack: args.stack,
    include: args.include,
    exclude: args.exclude,
    verify: args.verify,
    timeoutMs: args.timeout * 1000,
    ...(args.jobs !== undefined ? { jobs: args.jobs } : {}),
    onProgress: progressPrinter(stream, stream.isTTY === true),
  });
  if (args.json) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  else process.stdout.write(summaryTable(report));
  return report.totals.withErrors > 0 || report.totals.failed > 0 || report.totals.timedOut > 0 ? 1 : 0;
}

