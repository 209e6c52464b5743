/**
 * `mlsd` command-line entry: dispatches `lint`, `rules`, `help` and `version`. Returns the exit code and
 * writes through the given streams (never calls process.exit, so piped output is never cut).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedConfig } from '../lint/config';
import { ruleDocsUri } from '../lint/docs';
import { RULES } from '../rules';
import { VERSION } from '../features/version';
import {
  EXPLAIN_HELP,
  EXPORT_HELP,
  INIT_HELP,
  LINT_HELP,
  parseCli,
  RULES_HELP,
  USAGE,
  UsageError,
  type CliOptions,
} from './args';
import { LintCache, cacheFilePath, configKey, contentHash } from './cache';
import { makeStyle, shouldColor } from './color';
import { CliConfigs, display } from './configs';
import { explainRule } from './explain';
import { exportDoc } from './export';
import { expandPatterns } from './files';
import { formatGithub, formatGitlab, formatJunit } from './formattersCi';
import { formatJson, formatSarif, formatStylish, totals } from './formatters';
import { formatMarkdownReport, formatSummary } from './formattersReview';
import { init, templateList } from './init';
import { lintFiles, type FileOutcome, type FileResult, type LintJob } from './lintFiles';

export interface Out {
  write(s: string): unknown;
  isTTY?: boolean;
  /** the terminal width, when a terminal */
  columns?: number;
}

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: Out;
  stderr: Out;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

export function run(argv: string[], io: CliIo): number {
  let opts: CliOptions;
  try {
    opts = parseCli(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      const cmd = argv.find((a) => a === 'lint' || a === 'rules' || a === 'explain' || a === 'init' || a === 'export');
      io.stderr.write(
        `mlsd: ${err.message}\n${err.showUsage ? `\n${USAGE}` : `Run \`mlsd help${cmd ? ` ${cmd}` : ''}\` for the options.\n`}`,
      );
      return EXIT_FAILURE;
    }
    throw err;
  }
  if (opts.command === 'version' || (opts.version && !opts.help)) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (opts.command === 'help' || opts.help) {
    const topic = opts.command === 'help' ? opts.helpTopic : opts.command;
    io.stdout.write(
      topic === 'lint'
        ? LINT_HELP
        : topic === 'rules'
          ? RULES_HELP
          : topic === 'explain'
            ? EXPLAIN_HELP
            : topic === 'init'
              ? INIT_HELP
              : topic === 'export'
                ? EXPORT_HELP
                : USAGE,
    );
    return EXIT_OK;
  }
  if (opts.command === 'rules') return rulesCommand(opts, io);
  if (opts.command === 'explain') {
    const r = explainRule(opts.ruleName!, makeStyle(shouldColor(opts.color, io.env, io.stdout.isTTY)));
    if (!r.ok) {
      io.stderr.write(`mlsd: ${r.error}\n`);
      return EXIT_FAILURE;
    }
    io.stdout.write(r.text);
    return EXIT_OK;
  }
  if (opts.command === 'init') return initCommand(opts, io);
  if (opts.command === 'export') {
    const r = exportDoc(opts, io.cwd);
    if (!r.ok) {
      io.stderr.write(`mlsd: ${r.error}\n`);
      return EXIT_FAILURE;
    }
    if (r.written) io.stderr.write(`Wrote ${r.written}\n`);
    else io.stdout.write(r.text);
    return EXIT_OK;
  }
  return lintCommand(opts, io);
}

// ---------------------------------------------------------------------------------------------- init

function initCommand(opts: CliOptions, io: CliIo): number {
  let r: ReturnType<typeof init>;
  try {
    if (opts.listTemplates) {
      io.stdout.write(templateList());
      return EXIT_OK;
    }
    r = init({ dir: path.resolve(io.cwd, opts.initDir ?? '.'), template: opts.template });
  } catch (err) {
    io.stderr.write(`mlsd: cannot read the templates: ${(err as Error).message}\n`);
    return EXIT_FAILURE;
  }
  if (!r.ok) {
    io.stderr.write(`mlsd: ${r.error}\n`);
    return EXIT_FAILURE;
  }
  const [config, doc] = r.written.map((f) => display(f, io.cwd));
  io.stdout.write(
    `Wrote ${config} (recommended preset; every option commented out with its default)\n` +
      `Wrote ${doc} (template: ${r.template.id})\n\nNext: fill in ${doc}, then run \`mlsd lint\`.\n`,
  );
  return EXIT_OK;
}

// --------------------------------------------------------------------------------------------- rules

export interface RuleRow {
  id: string;
  alias: string;
  step: number;
  defaultSeverity: string;
  fixable: string;
  title: string;
  description: string;
  docs: string;
}

export function ruleRows(): RuleRow[] {
  return RULES.map((r) => ({
    id: r.meta.id,
    alias: r.meta.alias,
    step: r.meta.step,
    defaultSeverity: r.meta.defaultSeverity,
    fixable: r.meta.fixable,
    title: r.meta.title,
    description: r.meta.description,
    docs: ruleDocsUri(r.meta.id),
  }));
}

function rulesCommand(opts: CliOptions, io: CliIo): number {
  const rows = ruleRows();
  if (opts.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT_OK;
  }
  const style = makeStyle(shouldColor(opts.color, io.env, io.stdout.isTTY));
  const table = [
    ['ID', 'ALIAS', 'STEP', 'SEVERITY', 'FIXABLE', 'TITLE'],
    ...rows.map((r) => [
      r.id,
      r.alias,
      String(r.step),
      r.defaultSeverity,
      r.fixable === 'none' ? '' : r.fixable,
      r.title,
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  let out = '';
  table.forEach((row, n) => {
    const line = row
      .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
    out += `${n === 0 ? style.bold(line) : line}\n`;
  });
  out += `\n${rows.length} rules. Severities are those of the recommended preset (strict raises info to warning).\n`;
  io.stdout.write(out);
  return EXIT_OK;
}

// ---------------------------------------------------------------------------------------------- lint

function lintCommand(opts: CliOptions, io: CliIo): number {
  const { cwd } = io;
  let failed = false;
  const fail = (msg: string) => {
    io.stderr.write(`mlsd: ${msg}\n`);
    failed = true;
  };

  const configs = new CliConfigs(opts, cwd);
  if (configs.errors.length) return configFailure(configs, io);

  const { files, errors } = expandPatterns(opts.patterns, cwd);
  if (errors.length) {
    for (const e of errors) io.stderr.write(`mlsd: ${e}\n`);
    return EXIT_FAILURE;
  }

  // resolve every doc's configuration first: a broken config stops the run before any output
  // the config search depends only on the doc's folder: once per folder
  const byDir = new Map<string, ResolvedConfig>();
  const perFile = files.map((f) => {
    const dir = path.dirname(path.resolve(cwd, f));
    let config = byDir.get(dir);
    if (!config) {
      config = configs.forFile(f).config;
      byDir.set(dir, config);
    }
    return { file: f, config };
  });
  if (configs.errors.length) return configFailure(configs, io);

  const results: FileResult[] = [];
  const notifications: string[] = [];
  const started = performance.now();
  const { outcomes, fromCache, cacheNote } = lintWithCache(
    perFile.map(({ file, config }) => ({ file, label: display(file, cwd), config })),
    opts,
    io,
  );
  if (opts.debug) {
    const ms = Math.round(performance.now() - started);
    io.stderr.write(
      opts.cache
        ? `mlsd: ${outcomes.length} files: ${outcomes.length - fromCache} linted, ${fromCache} from the cache (${cacheNote}) in ${ms} ms\n`
        : `mlsd: ${outcomes.length} files: ${outcomes.length} linted, no cache, in ${ms} ms\n`,
    );
  }
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      fail(outcome.error);
      notifications.push(outcome.error);
      continue;
    }
    results.push(outcome.result);
    for (const e of outcome.internalErrors) {
      fail(`internal error (please report it): ${e}`);
      notifications.push(`internal error: ${e}`);
    }
  }

  let text: string;
  const toFile = opts.outputFile !== undefined;
  if (opts.format === 'json') text = formatJson(results);
  else if (opts.format === 'sarif') text = formatSarif(results, cwd, { notifications });
  else if (opts.format === 'github') text = formatGithub(results, cwd);
  else if (opts.format === 'gitlab') text = formatGitlab(results, cwd);
  else if (opts.format === 'junit') text = formatJunit(results, cwd);
  else if (opts.format === 'summary')
    text = formatSummary(results, cwd, !toFile && io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 100);
  else if (opts.format === 'markdown') text = formatMarkdownReport(results, cwd);
  else
    text = formatStylish(
      results,
      cwd,
      makeStyle(toFile ? (opts.color ?? false) : shouldColor(opts.color, io.env, io.stdout.isTTY)),
      { ...opts, width: !toFile && io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80 },
    );

  if (toFile) {
    const target = path.resolve(cwd, opts.outputFile!);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    } catch (err) {
      fail(`Cannot write the report to ${opts.outputFile}: ${(err as Error).message}`);
    }
  } else if (text) io.stdout.write(text);

  const t = totals(results);
  const tooManyWarnings = opts.maxWarnings >= 0 && t.warnings > opts.maxWarnings;
  if (tooManyWarnings && !failed) {
    io.stderr.write(`mlsd found too many warnings (maximum: ${opts.maxWarnings}).\n`);
  }
  if (failed) return EXIT_FAILURE;
  return t.errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

/**
 * Lints the jobs, taking from the `--cache` file every doc whose bytes, config and mlsd version match an
 * entry (with --fix / --fix-dry-run, only one with nothing to fix), and storing the others' results.
 */
function lintWithCache(
  jobs: LintJob[],
  opts: CliOptions,
  io: CliIo,
): { outcomes: FileOutcome[]; fromCache: number; cacheNote: string } {
  const run = {
    fix: opts.fix,
    fixDryRun: opts.fixDryRun,
    quiet: opts.quiet,
    scorecard: opts.format === 'summary' || opts.format === 'markdown',
  };
  if (!opts.cache) return { outcomes: lintFiles(jobs, run), fromCache: 0, cacheNote: '' };
  const file = cacheFilePath(io.cwd, opts.cacheLocation);
  const shown = display(file, io.cwd);
  const cache = LintCache.open(file, VERSION, shown);
  if (cache.notice) io.stderr.write(`mlsd: ${cache.notice}\n`);
  const fixing = opts.fix || opts.fixDryRun;
  const outcomes: FileOutcome[] = new Array(jobs.length);
  const keyOf = new Map<ResolvedConfig, string>();
  const keys = jobs.map((j) => {
    let k = keyOf.get(j.config);
    if (k === undefined) {
      k = configKey(j.config, run);
      keyOf.set(j.config, k);
    }
    return k;
  });
  const misses: number[] = [];
  jobs.forEach((j, i) => {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(j.file);
    } catch {
      misses.push(i); // lintFile reports why it cannot be read
      return;
    }
    const hit = cache.get(j.file, contentHash(bytes), keys[i]);
    // an entry stored without a scorecard cannot serve the summary and markdown formats
    if (hit && !(fixing && hit.fixable) && (!run.scorecard || hit.result.scorecard))
      outcomes[i] = { ok: true, result: hit.result, internalErrors: [] };
    else misses.push(i);
  });
  const linted = lintFiles(
    misses.map((i) => jobs[i]),
    run,
  );
  misses.forEach((i, k) => {
    const o = linted[k];
    outcomes[i] = o;
    if (opts.fixDryRun) return; // the file is unchanged; its entry (if any) still holds
    if (o.ok && o.hash && !o.internalErrors.length) cache.set(jobs[i].file, o.hash, keys[i], o.result, !!o.fixable);
    else cache.delete(jobs[i].file);
  });
  try {
    cache.save();
  } catch (err) {
    io.stderr.write(`mlsd: cannot write the cache file ${shown}: ${(err as Error).message}\n`);
  }
  return { outcomes, fromCache: jobs.length - misses.length, cacheNote: shown };
}

function configFailure(configs: CliConfigs, io: CliIo): number {
  for (const e of configs.errors) io.stderr.write(`mlsd: configuration error in ${e.source}: ${e.message}\n`);
  return EXIT_FAILURE;
}
