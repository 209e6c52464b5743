/**
 * LSP 3.17 pull diagnostics over a real stdio connection: negotiated only when the client declares
 * `textDocument.diagnostic`; `textDocument/diagnostic` answers full then unchanged; `workspace/diagnostic`
 * lists closed docs (not open ones), a deleted doc is cleared, `workspace/diagnostic/refresh` is sent, and
 * nothing is pushed. A client without the capability keeps getting pushes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  DocumentDiagnosticReport,
  InitializeResult,
  WorkspaceDiagnosticReport,
  WorkspaceFullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { LspClient, ROOT } from '../harness/lspClient';
import type { WorkspaceDocsResult } from '../../server/src/protocol';

const BROKEN = 'mlsd: 1\ntitle: Broken doc\nstatus: draft\nrequirements:\n  business_objective: [unclosed\n';
const CLEAN = fs.readFileSync(path.join(ROOT, 'examples', 'news-feed.mlsd.yaml'), 'utf8');

function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-pull-'));
  fs.writeFileSync(path.join(dir, 'feed.mlsd.yaml'), CLEAN);
  fs.writeFileSync(path.join(dir, 'broken.mlsd.yaml'), BROKEN);
  return dir;
}
const uriOf = (dir: string, rel: string) => pathToFileURL(path.join(dir, rel)).href;

async function client(dir: string, pull: boolean) {
  const c = new LspClient({
    rootPath: dir,
    sections: { 'files.exclude': {} },
    initializationOptions: { workspaceDocs: true },
    pull,
  });
  const init = (await c.initialize()) as InitializeResult;
  return { c, init };
}

/** Asks `mlsd/workspaceDocs` until every listed doc has been linted (bounded). */
async function settled(c: LspClient): Promise<WorkspaceDocsResult> {
  const until = Date.now() + 10_000;
  for (;;) {
    const r = await c.request<WorkspaceDocsResult>('mlsd/workspaceDocs', {});
    if (r.docs.length > 0 && r.docs.every((d) => d.linted)) return r;
    if (Date.now() > until) throw new Error(`docs not all linted: ${JSON.stringify(r)}`);
    await new Promise((res) => setImmediate(res));
  }
}

/** Pulls the workspace until `pred` holds for the report (bounded: the background linting is asynchronous). */
async function workspacePull(
  c: LspClient,
  pred: (r: WorkspaceDiagnosticReport) => boolean,
  previousResultIds: { uri: string; value: string }[] = [],
): Promise<WorkspaceDiagnosticReport> {
  const until = Date.now() + 10_000;
  for (;;) {
    const r = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
    if (pred(r)) return r;
    if (Date.now() > until) throw new Error(`workspace/diagnostic never matched: ${JSON.stringify(r)}`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

const reportOf = (r: WorkspaceDiagnosticReport, uri: string) => r.items.find((i) => i.uri === uri);
const fullWithError = (r: WorkspaceDiagnosticReport, uri: string) => {
  const i = reportOf(r, uri);
  return i?.kind === 'full' && i.items.some((d) => d.severity === 1);
};

test('pull: the diagnostic provider is registered only when the client declares textDocument.diagnostic', async (t) => {
  const dir = makeWorkspace();
  const pulling = await client(dir, true);
  const pushing = await client(dir, false);
  t.after(async () => {
    await pulling.c.stop();
    await pushing.c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  assert.deepEqual(pulling.init.capabilities.diagnosticProvider, {
    identifier: 'mlsd',
    interFileDependencies: false,
    workspaceDiagnostics: true,
  });
  assert.equal(pushing.init.capabilities.diagnosticProvider, undefined);
  // without the capability, closed docs are pushed exactly as before
  const pushed = await pushing.c.diagnostics(uriOf(dir, 'broken.mlsd.yaml'), (p) =>
    p.diagnostics.some((d) => d.code === 'MLSD001'),
  );
  assert.ok(pushed.length > 0);
});

test('pull: textDocument/diagnostic is full, then unchanged for the same result id, full again after an edit; nothing is pushed', async (t) => {
  const dir = makeWorkspace();
  const { c } = await client(dir, true);
  t.after(async () => {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const uri = uriOf(dir, 'broken.mlsd.yaml');
  c.open(uri, BROKEN, 1);
  const first = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(first.kind, 'full');
  assert.ok(first.kind === 'full' && first.items.some((d) => d.code === 'MLSD001' && d.severity === 1));
  assert.ok(first.resultId);
  const again = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
    textDocument: { uri },
    previousResultId: first.resultId,
  });
  assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
  c.change(uri, BROKEN.replace('[unclosed', 'Grow engagement'), 2);
  const fixed = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
    textDocument: { uri },
    previousResultId: first.resultId,
  });
  assert.equal(fixed.kind, 'full');
  assert.ok(fixed.kind === 'full' && !fixed.items.some((d) => d.code === 'MLSD001'));
  assert.notEqual(fixed.resultId, first.resultId);
  // the open doc is not in the workspace report (its textDocument pull owns it), the closed one is
  await settled(c);
  const ws = await workspacePull(c, (r) => !!reportOf(r, uriOf(dir, 'feed.mlsd.yaml')));
  assert.equal(reportOf(ws, uri), undefined, 'an open doc is reported once, by its textDocument pull');
  assert.equal(c.diagnosticsSeen(uri), 0, 'nothing pushed for the open doc');
  assert.equal(c.diagnosticsSeen(uriOf(dir, 'feed.mlsd.yaml')), 0, 'nothing pushed for the closed doc');
});

test('pull: workspace/diagnostic lists a closed doc with an error, unchanged on the same id; a deleted doc clears; refresh is sent', async (t) => {
  const dir = makeWorkspace();
  const { c } = await client(dir, true);
  t.after(async () => {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const brokenUri = uriOf(dir, 'broken.mlsd.yaml');
  const feedUri = uriOf(dir, 'feed.mlsd.yaml');
  const r = await workspacePull(c, (x) => fullWithError(x, brokenUri) && !!reportOf(x, feedUri));
  const broken = reportOf(r, brokenUri) as WorkspaceFullDocumentDiagnosticReport;
  assert.ok(broken.items.some((d) => d.code === 'MLSD001'));
  assert.equal(broken.version, null);
  const feed = reportOf(r, feedUri)!;
  assert.ok(feed.kind === 'full' && !feed.items.some((d) => d.severity === 1 || d.severity === 2));
  // the same result ids: unchanged
  const previous = r.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
  const same = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: previous });
  assert.deepEqual(
    same.items.map((i) => [i.uri, i.kind]).sort(),
    [
      [brokenUri, 'unchanged'],
      [feedUri, 'unchanged'],
    ].sort(),
  );
  // the background linting asked the client to pull
  const until = Date.now() + 5000;
  while (!c.notifications.get('workspace/diagnostic/refresh')) {
    if (Date.now() > until) throw new Error('no workspace/diagnostic/refresh');
    await new Promise((res) => setTimeout(res, 20));
  }
  const refreshes = c.notifications.get('workspace/diagnostic/refresh')!;
  // deleted: an empty full report, and a refresh
  fs.rmSync(path.join(dir, 'broken.mlsd.yaml'));
  c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: brokenUri, type: 3 }] });
  const cleared = await workspacePull(
    c,
    (x) => {
      const i = reportOf(x, brokenUri);
      return i?.kind === 'full' && i.items.length === 0;
    },
    previous,
  );
  assert.equal(reportOf(cleared, feedUri)?.kind, 'unchanged');
  const until2 = Date.now() + 5000;
  while (c.notifications.get('workspace/diagnostic/refresh')! <= refreshes) {
    if (Date.now() > until2) throw new Error('no refresh after the deletion');
    await new Promise((res) => setTimeout(res, 20));
  }
  // a closed doc that was deleted answers an empty textDocument pull too
  const doc = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
    textDocument: { uri: brokenUri },
  });
  assert.ok(doc.kind === 'full' && doc.items.length === 0);
  assert.equal(c.diagnosticsSeen(brokenUri), 0, 'nothing was pushed');
});
