/**
 * Lints (and with --fix, fixes) files for the CLI, turning engine findings (offsets) into 1-based
 * positions. Each file is read and linted on its own: a file that cannot be read or a rule that throws
 * is reported and the other files are still linted.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
  isMainThread,
  workerData,
} from 'node:worker_threads';
import { pathToUri } from '../lint/uri';
import { analyze, applyEdits, lint, type LintResult } from '../lint/engine';
import { fixAll, selectFixes } from '../lint/fix';
import type { ResolvedConfig } from '../lint/config';
import { computeLineStarts, positionAt } from '../engine/parse';
import { scorecard, type Scorecard } from '../engine/scorecard';
import type { Finding, Fix, Severity, TextEdit } from '../rules/types';
import { contentHash } from './cache';

export interface EslintFix {
  range: [number, number];
  text: string;
}

export interface CliMessage {
  ruleId: string;
  alias: string;
  severity: Severity;
  /** the headline: one line, what is wrong */
  message: string;
  /** why it matters for an ML system and what to write (Markdown code spans); absent when the rule gives none */
  explanation?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** the safe fix as one edit (ESLint's shape); absent when the rule has none */
  fix?: EslintFix;
  /** the unsafe fix and the alternatives, each as one edit */
  suggestions?: { desc: string; fix: EslintFix }[];
}

export interface FileResult {
  filePath: string;
  messages: CliMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  hintCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** problems --fix would fix (any severity) */
  fixableCount: number;
  /** the fixed text, when --fix / --fix-dry-run changed the file */
  output?: string;
  /** how many fixes were applied (or would be, with --fix-dry-run) */
  fixedCount: number;
  /** the review scorecard (`--format summary|markdown`), over every finding whatever --quiet hides */
  scorecard?: Scorecard;
}

export interface LintRunOptions {
  fix: boolean;
  fixDryRun: boolean;
  /** errors only */
  quiet: boolean;
  /** compute each doc's review scorecard (engine/scorecard.ts) */
  scorecard?: boolean;
}

export type FileOutcome =
  | {
      ok: true;
      result: FileResult;
      internalErrors: string[];
      /** sha256 of the file's bytes as the run leaves them (after --fix wrote them), for `--cache` */
      hash?: string;
      /** some finding has a safe fix, whatever --quiet hides (so --fix would change the file) */
      fixable?: boolean;
    }
  | { ok: false; error: string };

const BOM = '\uFEFF';

export interface LintJob {
  file: string;
  /** the path as shown in messages */
  label: string;
  config: ResolvedConfig;
}

/** From this many files, `lintFiles` spreads them over worker threads (one per core). */
export const WORKER_THRESHOLD = 50;

/**
 * Lints many files, in order. Past `WORKER_THRESHOLD` files on a machine with several cores, the files
 * are shared by the calling thread and one worker thread per other core (each loads the engine once and
 * takes the next file until none is left); the calling thread then blocks until the workers are done, so
 * callers stay synchronous. `MLSD_WORKERS=0` (or 1) forces one thread.
 */
export function lintFiles(jobs: LintJob[], opts: LintRunOptions, workers = workerCount(jobs.length)): FileOutcome[] {
  if (workers > 1) {
    const out = lintInWorkers(jobs, opts, workers);
    if (out) return out;
  }
  return jobs.map((j) => safeLintFile(j, opts));
}

function workerCount(files: number): number {
  const env = process.env.MLSD_WORKERS;
  const cores = env !== undefined && env !== '' ? Number(env) || 1 : os.availableParallelism?.() || os.cpus().length;
  return files < WORKER_THRESHOLD ? 1 : Math.max(1, Math.min(cores, Math.ceil(files / 25)));
}

function safeLintFile(j: LintJob, opts: LintRunOptions): FileOutcome {
  try {
    return lintFile(j.file, j.label, j.config, opts);
  } catch (err) {
    return { ok: false, error: `linting ${j.label} failed: ${(err as Error)?.stack ?? String(err)}` };
  }
}

interface WorkerInput {
  mlsdLintWorker: true;
  jobs: LintJob[];
  opts: LintRunOptions;
  /** [0]: the next job to take, [1]: workers that have posted their results */
  shared: Int32Array;
  port: MessagePort;
}

/** Takes jobs off the shared counter until none is left: each thread lints as many as its speed allows. */
function takeJobs(jobs: LintJob[], opts: LintRunOptions, shared: Int32Array): [number, FileOutcome][] {
  const out: [number, FileOutcome][] = [];
  for (let i = Atomics.add(shared, 0, 1); i < jobs.length; i = Atomics.add(shared, 0, 1))
    out.push([i, safeLintFile(jobs[i], opts)]);
  return out;
}

/**
 * Undefined when workers cannot be started here (the caller then lints on this thread). The calling thread
 * and n - 1 workers take the files one at a time from a shared counter, so a worker that starts late (it
 * loads the engine first) or a thread given heavier docs does not leave the others waiting.
 */
function lintInWorkers(jobs: LintJob[], opts: LintRunOptions, n: number): FileOutcome[] | undefined {
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const started: { worker: Worker; port: MessagePort }[] = [];
  try {
    for (let w = 0; w < n - 1; w++) {
      const { port1, port2 } = new MessageChannel();
      const input: WorkerInput = { mlsdLintWorker: true, jobs, opts, shared, port: port2 };
      const worker = new Worker(__filename, { workerData: input, transferList: [port2] });
      worker.unref();
      started.push({ worker, port: port1 });
    }
  } catch {
    for (const s of started) void s.worker.terminate();
    return undefined;
  }
  const out: FileOutcome[] = new Array(jobs.length);
  for (const [i, o] of takeJobs(jobs, opts, shared)) out[i] = o;
  // each worker adds 1 to shared[1] when it has posted its results (in a finally: also when it failed)
  const workers = started.length;
  for (let seen = Atomics.load(shared, 1); seen < workers; seen = Atomics.load(shared, 1))
    Atomics.wait(shared, 1, seen, 60_000);
  for (const s of started) {
    const msg = receiveMessageOnPort(s.port)?.message as [number, FileOutcome][] | undefined;
    for (const [i, o] of msg ?? []) out[i] = o;
    s.port.close();
    void s.worker.terminate();
  }
  // a job taken by a worker that died: lint it here
  for (let i = 0; i < jobs.length; i++) out[i] ??= safeLintFile(jobs[i], opts);
  return out;
}

if (!isMainThread && (workerData as WorkerInput | undefined)?.mlsdLintWorker) {
  const input = workerData as WorkerInput;
  try {
    input.port.postMessage(takeJobs(input.jobs, input.opts, input.shared));
  } finally {
    Atomics.add(input.shared, 1, 1);
    Atomics.notify(input.shared, 1);
  }
}

/** `label` is the path as shown in messages (relative to the working directory). */
export function lintFile(file: string, label: string, config: ResolvedConfig, opts: LintRunOptions): FileOutcome {
  let raw: string;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
    raw = bytes.toString('utf8');
  } catch (err) {
    return { ok: false, error: `Cannot read ${label}: ${errMessage(err)}` };
  }
  const bom = raw.startsWith(BOM);
  const text = bom ? raw.slice(1) : raw; // positions are counted without the BOM, as editors do
  const uri = pathToUri(file);
  let finalText = text;
  let res: LintResult;
  let fixedCount = 0;
  let card: Scorecard | undefined;
  try {
    if (opts.fix || opts.fixDryRun) {
      const fx = fixAll(text, config, uri);
      finalText = fx.text;
      res = fx.remaining;
      fixedCount = fx.fixed;
      if (opts.scorecard) card = scorecard(analyze(finalText, uri), res.findings);
    } else {
      const doc = analyze(text, uri);
      res = lint(doc, config);
      if (opts.scorecard) card = scorecard(doc, res.findings);
    }
  } catch (err) {
    return {
      ok: true,
      result: emptyResult(file),
      internalErrors: [`linting ${label} failed: ${(err as Error)?.stack ?? String(err)}`],
    };
  }
  let output: string | undefined;
  let written: Buffer = bytes;
  if (finalText !== text) {
    output = (bom ? BOM : '') + finalText;
    if (opts.fix) {
      written = Buffer.from(output, 'utf8');
      try {
        fs.writeFileSync(file, written);
      } catch (err) {
        return { ok: false, error: `Cannot write the fixes to ${label}: ${errMessage(err)}` };
      }
    }
  } else fixedCount = 0;

  const result = emptyResult(file);
  if (card) result.scorecard = card;
  result.output = output;
  result.fixedCount = fixedCount;
  const lines = { text: finalText, lineStarts: computeLineStarts(finalText) };
  for (const f of res.findings) {
    if (opts.quiet && f.severity !== 'error') continue;
    result.messages.push(toMessage(f, lines));
    const fixable = !!f.fix?.safe;
    switch (f.severity) {
      case 'error':
        result.errorCount++;
        if (fixable) result.fixableErrorCount++;
        break;
      case 'warning':
        result.warningCount++;
        if (fixable) result.fixableWarningCount++;
        break;
      case 'info':
        result.infoCount++;
        break;
      case 'hint':
        result.hintCount++;
        break;
    }
    if (fixable) result.fixableCount++;
  }
  return {
    ok: true,
    result,
    internalErrors: res.internalErrors.map((e) => `${label}: ${e}`),
    hash: contentHash(written),
    fixable: res.findings.some((f) => !!f.fix?.safe),
  };
}

function emptyResult(filePath: string): FileResult {
  return {
    filePath,
    messages: [],
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
    hintCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fixableCount: 0,
    fixedCount: 0,
  };
}

/** A finding as the CLI reports it: 1-based lines and columns (UTF-16), fixes as single edits. */
export function toMessage(f: Finding, lines: { text: string; lineStarts: number[] }): CliMessage {
  const s = positionAt(lines, f.start);
  const e = positionAt(lines, f.end);
  const m: CliMessage = {
    ruleId: f.ruleId,
    alias: f.alias,
    severity: f.severity,
    message: f.message,
    ...(f.explanation ? { explanation: f.explanation } : {}),
    line: s.line + 1,
    column: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
  };
  if (f.fix?.safe) {
    const one = mergeEdits(lines.text, f.fix.edits);
    if (one) m.fix = one;
  }
  const sugg: { desc: string; fix: EslintFix }[] = [];
  const others: Fix[] = [...(f.fix && !f.fix.safe ? [f.fix] : []), ...(f.suggestions ?? [])];
  for (const s of others) {
    const one = mergeEdits(lines.text, s.edits);
    if (one) sugg.push({ desc: s.title, fix: one });
  }
  if (sugg.length) m.suggestions = sugg;
  return m;
}

/**
 * Merges a fix's edits into one replacement over the span they cover (as ESLint does), so a consumer can
 * apply it with a single splice. Undefined when the edits overlap.
 */
export function mergeEdits(text: string, edits: TextEdit[]): EslintFix | undefined {
  if (!edits.length) return undefined;
  // fix selection's check: a fix whose edits overlap does not apply
  const one = selectFixes([{ fix: { title: '', safe: true, edits } }]);
  if (!one.fixes.length) return undefined;
  const sorted = one.edits;
  const start = sorted[0].start;
  const end = Math.max(...sorted.map((e) => e.end));
  if (start < 0 || end > text.length || start > end) return undefined;
  if (sorted.length === 1) return { range: [start, end], text: sorted[0].newText };
  const merged = applyEdits(
    text.slice(start, end),
    sorted.map((e) => ({ start: e.start - start, end: e.end - start, newText: e.newText })),
  );
  if (merged.applied !== sorted.length) return undefined;
  return { range: [start, end], text: merged.text };
}

function errMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EISDIR') return 'it is a directory';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ENOENT') return 'no such file';
  return e?.message ?? String(err);
}
