/**
 * A tiny, mocha-free test harness for the extension-host suite.
 *
 * Test files (`*.test.ts` in this folder) register tests with `test(name, fn)`; `index.ts` loads them
 * and runs them sequentially with a per-test timeout. The `vscode` module is provided by the extension
 * host; it is re-exported from here (loaded lazily) so that these files are harmless when something
 * outside VS Code loads them (e.g. `node --test out/test/` walking every .js under a `test` folder).
 *
 * Rule of the suite: never sleep — await an event (with `waitForEvent`/`waitForDiagnostics`, which are
 * bounded) or poll with `eventually` (bounded).
 */
import * as path from 'path';
import type * as vs from 'vscode';

function loadVscode(): typeof vs {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('vscode') as typeof vs;
  } catch {
    return undefined as unknown as typeof vs; // not inside VS Code: tests are registered but never run
  }
}
/** The VS Code API (undefined outside the extension host). */
export const vscode: typeof vs = loadVscode();

export type TestFn = () => unknown | Promise<unknown>;
export interface TestCase { name: string; fn: TestFn; timeoutMs: number; file: string }
export interface TestOptions { timeoutMs?: number }

export const DEFAULT_TIMEOUT_MS = 20_000;
export const registry: TestCase[] = [];
let currentFile = '';
/** Set by the runner while it loads a test file, so results can name the file. */
export function setCurrentFile(f: string): void { currentFile = f; }

/** Registers a test. Tests run in registration order (files in alphabetical order). */
export function test(name: string, fn: TestFn, opts: TestOptions = {}): void {
  registry.push({ name, fn, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, file: currentFile });
}

// ------------------------------------------------------------------ paths

/** Repository root (this file is compiled to out/test/e2e/suite/harness.js). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** Fixture workspace (the folder code-server opens). */
export const WORKSPACE_DIR = path.join(REPO_ROOT, 'test', 'e2e', 'workspace');
export function fixturePath(name: string): string { return path.join(WORKSPACE_DIR, name); }
export function fixtureUri(name: string): vs.Uri { return vscode.Uri.file(fixturePath(name)); }

// ------------------------------------------------------------------ assertions

export class AssertionError extends Error {}
export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new AssertionError(message);
}
export function assertEqual<T>(actual: T, expected: T, what = 'value'): void {
  if (actual !== expected) throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

// ------------------------------------------------------------------ bounded waiting

export type What = string | (() => string);
const describe = (w: What): string => (typeof w === 'function' ? w() : w);

/** Rejects after `ms` with a message naming what was awaited (`what` may be computed at timeout). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: What): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${describe(what)}`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/**
 * Resolves with the first value for which `check()` returns something other than undefined; re-checks
 * whenever `event` fires. Checks once immediately (the state may already be there).
 */
export function waitForEvent<E, T>(event: vs.Event<E>, check: (e?: E) => T | undefined, ms: number, what: What): Promise<T> {
  let sub: vs.Disposable | undefined;
  const p = new Promise<T>((resolve, reject) => {
    const tryIt = (e?: E) => {
      try {
        const v = check(e);
        if (v !== undefined) resolve(v);
      } catch (err) { reject(err); }
    };
    sub = event((e) => tryIt(e));
    tryIt();
  });
  return withTimeout(p, ms, what).finally(() => sub?.dispose());
}

/** Diagnostic code as a string (`code` may be a string, a number or `{ value, target }`). */
export function codeOf(d: vs.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** mlsd diagnostics of a document (source 'mlsd'). */
export function mlsdDiagnostics(uri: vs.Uri): vs.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mlsd');
}

/**
 * Waits until the document's mlsd diagnostics satisfy `predicate` (default: at least one) and returns
 * them. Driven by `languages.onDidChangeDiagnostics`, bounded by `ms`.
 */
export function waitForDiagnostics(uri: vs.Uri, predicate: (ds: vs.Diagnostic[]) => boolean = (ds) => ds.length > 0,
  ms = 15_000): Promise<vs.Diagnostic[]> {
  return waitForEvent(vscode.languages.onDidChangeDiagnostics, () => {
    const ds = mlsdDiagnostics(uri);
    return predicate(ds) ? ds : undefined;
  }, ms, () => `mlsd diagnostics on ${path.basename(uri.fsPath)} (have: [${mlsdDiagnostics(uri).map(codeOf).join(', ')}])`);
}

/**
 * Polls `check` (bounded) for state that has no event — for example a provider that answers empty
 * until the server is ready. Not a sleep: it returns as soon as the state is there.
 */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, ms: number, what: What,
  intervalMs = 100): Promise<T> {
  const deadline = Date.now() + ms;
  let lastErr: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) { lastErr = e; }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${ms} ms waiting for ${describe(what)}${lastErr ? `: ${String(lastErr)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

// ------------------------------------------------------------------ the extension

export const EXTENSION_ID = 'mlsd.mlsd';
export interface MlsdApi { ready: Promise<void>; client: unknown }

/** Activates the extension (if needed) and waits for its language client to be ready. */
export async function activateExtension(ms = 20_000): Promise<{ ext: vs.Extension<MlsdApi>; api: MlsdApi | undefined }> {
  const ext = vscode.extensions.getExtension<MlsdApi>(EXTENSION_ID);
  assert(ext, `extension ${EXTENSION_ID} is not installed/loaded`);
  const api = await withTimeout(Promise.resolve(ext.activate()), ms, `activation of ${EXTENSION_ID}`);
  if (api && api.ready) await withTimeout(api.ready, ms, 'the language client to be ready');
  return { ext, api };
}

/** Opens a fixture document in an editor and returns it. */
export async function openFixture(name: string): Promise<vs.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}
