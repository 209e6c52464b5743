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
import * as path from 'node:path';
import type * as vs from 'vscode';
import type { DesignOutline, WorkspaceDocsResult } from '../../../server/src/protocol';

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
export interface TestCase {
  name: string;
  fn: TestFn;
  timeoutMs: number;
  file: string;
}
export interface TestOptions {
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const registry: TestCase[] = [];
let currentFile = '';
/** Set by the runner while it loads a test file, so results can name the file. */
export function setCurrentFile(f: string): void {
  currentFile = f;
}

/** Registers a test. Tests run in registration order (files in alphabetical order). */
export function test(name: string, fn: TestFn, opts: TestOptions = {}): void {
  registry.push({ name, fn, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, file: currentFile });
}

// ------------------------------------------------------------------ paths

/** Repository root (this file is compiled to out/test/e2e/suite/harness.js). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** Fixture workspace (the folder code-server opens). */
export const WORKSPACE_DIR = path.join(REPO_ROOT, 'test', 'e2e', 'workspace');
export function fixturePath(name: string): string {
  return path.join(WORKSPACE_DIR, name);
}
export function fixtureUri(name: string): vs.Uri {
  return vscode.Uri.file(fixturePath(name));
}

// ------------------------------------------------------------------ assertions

export class AssertionError extends Error {}
export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new AssertionError(message);
}
export function assertEqual<T>(actual: T, expected: T, what = 'value'): void {
  if (actual !== expected)
    throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
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
export function waitForEvent<E, T>(
  event: vs.Event<E>,
  check: (e?: E) => T | undefined,
  ms: number,
  what: What,
): Promise<T> {
  let sub: vs.Disposable | undefined;
  const p = new Promise<T>((resolve, reject) => {
    const tryIt = (e?: E) => {
      try {
        const v = check(e);
        if (v !== undefined) resolve(v);
      } catch (err) {
        reject(err);
      }
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
export function waitForDiagnostics(
  uri: vs.Uri,
  predicate: (ds: vs.Diagnostic[]) => boolean = (ds) => ds.length > 0,
  ms = 15_000,
): Promise<vs.Diagnostic[]> {
  return waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const ds = mlsdDiagnostics(uri);
      return predicate(ds) ? ds : undefined;
    },
    ms,
    () => `mlsd diagnostics on ${path.basename(uri.fsPath)} (have: [${mlsdDiagnostics(uri).map(codeOf).join(', ')}])`,
  );
}

/**
 * Polls `check` (bounded) for state that has no event — for example a provider that answers empty
 * until the server is ready. Not a sleep: it returns as soon as the state is there.
 */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  ms: number,
  what: What,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + ms;
  let lastErr: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${ms} ms waiting for ${describe(what)}${lastErr ? `: ${String(lastErr)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

// ------------------------------------------------------------------ the extension

export const EXTENSION_ID = 'mlsd.mlsd';
/** The parts of the language client the suite uses (the extension returns the real LanguageClient). */
export interface MlsdClient {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  isRunning(): boolean;
  code2ProtocolConverter: { asUri(uri: vs.Uri): string };
}
/** What the extension's `activate()` returns (client/src/extension.ts `MlsdApi`). */
export interface MlsdApi {
  ready: Promise<void>;
  client: MlsdClient;
  designView: {
    readonly current: DesignOutline | undefined;
    readonly onDidUpdate: vs.Event<DesignOutline | undefined>;
    /** the Design Docs section's list (the server's `mlsd/workspaceDocs` answer) */
    readonly docs: WorkspaceDocsResult | undefined;
    readonly onDidUpdateDocs: vs.Event<WorkspaceDocsResult | undefined>;
  };
}

/** Activates the extension (if needed) and waits for its language client to be ready. */
export async function activateExtension(
  ms = 20_000,
): Promise<{ ext: vs.Extension<MlsdApi>; api: MlsdApi | undefined }> {
  const ext = vscode.extensions.getExtension<MlsdApi>(EXTENSION_ID);
  assert(ext, `extension ${EXTENSION_ID} is not installed/loaded`);
  const api = await withTimeout(Promise.resolve(ext.activate()), ms, `activation of ${EXTENSION_ID}`);
  if (api?.ready) await withTimeout(api.ready, ms, 'the language client to be ready');
  return { ext, api };
}

/** Opens a fixture document in an editor and returns it. */
export async function openFixture(name: string): Promise<vs.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

// ------------------------------------------------------------------ documents and positions

/** Text of a fixture file of the workspace (to copy into untitled docs that a test may edit). */
export function fixtureText(name: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:fs') as typeof import('fs')).readFileSync(fixturePath(name), 'utf8');
}

/** The cursor marker of `untitledDoc` texts. */
export const CURSOR = '<|>';

/**
 * Opens an untitled `mlsd` doc with `text` (no file is ever written) and shows it. A `<|>` in the text
 * marks the cursor: it is removed and its position returned.
 */
export async function untitledDoc(
  text: string,
): Promise<{ doc: vs.TextDocument; editor: vs.TextEditor; cursor: vs.Position }> {
  const at = text.indexOf(CURSOR);
  const content = at >= 0 ? text.slice(0, at) + text.slice(at + CURSOR.length) : text;
  const doc = await vscode.workspace.openTextDocument({ language: 'mlsd', content });
  if (await ensureText(doc, content))
    console.log(`[e2e] ${doc.uri.toString()} opened with a restored backup; replaced`);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const cursor = doc.positionAt(Math.max(at, 0));
  editor.selection = new vscode.Selection(cursor, cursor);
  return { doc, editor, cursor };
}

/** How `ensureText` edits a doc and awaits the edit (VS Code's by default; the unit test passes a fake). */
export interface TextIo {
  /** replaces the doc's whole text; false when the edit was refused */
  replaceAll(doc: vs.TextDocument, content: string): Promise<boolean>;
  /** resolves once `check()` holds (re-checked on every change of a doc); bounded */
  changed(check: () => boolean, what: string): Promise<unknown>;
}

const vscodeIo: TextIo = {
  async replaceAll(doc, content) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), content);
    return vscode.workspace.applyEdit(edit);
  },
  changed: (check, what) =>
    waitForEvent(vscode.workspace.onDidChangeTextDocument, () => (check() ? true : undefined), 10_000, what),
};

/**
 * Makes a freshly opened untitled doc hold exactly `content`; returns true when it had to replace its text.
 *
 * Why (issue 12, "already present keys are not offered again" answered top-level keys): VS Code names an
 * untitled doc `Untitled-N` with the lowest free N, and when it resolves one it prefers a backup of that
 * name over the content asked for (`UntitledTextEditorModel.resolve`: "resolve() - with backup"). The
 * backup tracker writes a backup of a dirty untitled doc after about a second and discards it when the doc
 * is reverted; under load that discard lands after the next scratch doc, named `Untitled-1` again, has
 * resolved. That doc then opens with the previous test's text (its didOpen carries that text too), and
 * the completion at the cursor computed for the new text falls on the old text's last line. Waiting for
 * the close (in `discard`) does not help: the backup outlives the model.
 */
export async function ensureText(doc: vs.TextDocument, content: string, io: TextIo = vscodeIo): Promise<boolean> {
  if (doc.getText() === content) return false;
  const uri = doc.uri.toString();
  assert(await io.replaceAll(doc, content), `replacing the restored text of ${uri} was refused`);
  await io.changed(() => doc.getText() === content, `${uri} to hold the scratch text`);
  return true;
}

/** Closes a doc's editors without saving (untitled docs are discarded, file docs reverted). */
export async function discard(doc: vs.TextDocument): Promise<void> {
  if (doc.isClosed) return;
  // Wait for the close event, not just the command: VS Code frees the untitled name (`Untitled-1`) when
  // the editor closes, but fires onDidCloseTextDocument (and so the client's didClose) when the model is
  // disposed. A scratch doc opened in between gets the same URI, its didOpen is skipped by the client
  // (the URI is still synced) and the late didClose then removes it from the server: completion would
  // answer nothing. (Issue 12's "top-level keys" failure happened with this wait in place: the new doc
  // itself held the previous test's text, a restored backup; see `ensureText`.)
  // File docs are left alone: VS Code may keep their model (and so the open document) for minutes, and a
  // reopened file has the same text anyway.
  const closed =
    doc.uri.scheme === 'untitled'
      ? waitForEvent(
          vscode.workspace.onDidCloseTextDocument,
          () => (doc.isClosed ? true : undefined),
          10_000,
          `the close of ${doc.uri.toString()}`,
        )
      : undefined;
  await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await closed;
}

/** Untitled docs created by a test, discarded by `cleanup()` (call it in `finally`). */
export class Scratch {
  private readonly docs: vs.TextDocument[] = [];
  async open(text: string): Promise<{ doc: vs.TextDocument; editor: vs.TextEditor; cursor: vs.Position }> {
    const r = await untitledDoc(text);
    this.docs.push(r.doc);
    return r;
  }
  track(doc: vs.TextDocument): vs.TextDocument {
    this.docs.push(doc);
    return doc;
  }
  async cleanup(): Promise<void> {
    for (const d of this.docs.splice(0).reverse()) await discard(d).catch(() => undefined);
  }
}

/**
 * Position of `token` on the first line (0-based index returned too) that contains `lineNeedle`
 * (`token` defaults to the needle itself); `delta` moves it right (e.g. into the token).
 */
export function positionOf(doc: vs.TextDocument, lineNeedle: string, token = lineNeedle, delta = 0): vs.Position {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    if (!text.includes(lineNeedle)) continue;
    const ch = text.indexOf(token);
    assert(ch >= 0, `"${token}" is not on the line "${text}"`);
    return new vscode.Position(line, ch + delta);
  }
  throw new AssertionError(`no line contains "${lineNeedle}" in ${doc.uri.toString()}`);
}

/** 0-based line of the first line containing `needle`. */
export function lineOf(doc: vs.TextDocument, needle: string): number {
  return positionOf(doc, needle).line;
}

export function rangeText(r: vs.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Runs `action` (which opens or changes a doc and returns its uri) and resolves once the language
 * server has published diagnostics for that uri at least once after `action` started — even an empty
 * list — and `ready(diagnostics)` holds. Lets a test tell "validated, no findings" from "not validated yet".
 */
export async function withPublishedDiagnostics(
  action: () => Promise<vs.Uri>,
  ready: (ds: vs.Diagnostic[]) => boolean = () => true,
  ms = 15_000,
): Promise<{ uri: vs.Uri; diagnostics: vs.Diagnostic[] }> {
  const published = new Set<string>();
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    for (const u of e.uris) published.add(u.toString());
  });
  try {
    const uri = await action();
    const diagnostics = await waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        if (!published.has(uri.toString())) return undefined;
        const ds = mlsdDiagnostics(uri);
        return ready(ds) ? ds : undefined;
      },
      ms,
      () =>
        `diagnostics published for ${uri.toString()}${
          published.has(uri.toString())
            ? ` in the expected state (have: [${mlsdDiagnostics(uri)
                .map((d) => `${codeOf(d)} ${rangeText(d.range)}`)
                .join(', ')}])`
            : ' (none published yet)'
        }`,
    );
    return { uri, diagnostics };
  } finally {
    sub.dispose();
  }
}

/** Plain text of hover contents (MarkdownString or MarkedString). */
export function hoverText(hovers: vs.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))
    .join('\n');
}

export function labelOf(item: vs.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Text the completion item inserts (snippet syntax kept). */
export function insertTextOf(item: vs.CompletionItem): string {
  const t = item.insertText ?? labelOf(item);
  return typeof t === 'string' ? t : t.value;
}

/**
 * The language server's completion items at a position: what `vscode.executeCompletionItemProvider`
 * returns minus VS Code's own word-based items (kind Text) and the contributed snippets (`mlsd-*`).
 */
export async function serverCompletions(uri: vs.Uri, pos: vs.Position): Promise<vs.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vs.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    pos,
  );
  return (list?.items ?? []).filter(
    (i) =>
      i.kind !== vscode.CompletionItemKind.Text &&
      !(i.kind === vscode.CompletionItemKind.Snippet && labelOf(i).startsWith('mlsd-')),
  );
}
