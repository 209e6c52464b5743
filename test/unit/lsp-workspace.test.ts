/**
 * Workspace linting over a real stdio connection (`mlsd.validate.scope`): closed docs of the workspace folder
 * get their findings without being opened, follow file events (create, change, delete), keep them when an open
 * doc closes, skip `files.exclude`, `.gitignore` and `node_modules`; `openFiles` and the doc cap publish nothing
 * for closed docs. Also the finder (lint/workspaceFiles.ts) on its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, ROOT } from '../harness/lspClient';
import { excludeGlobs, findWorkspaceDocs } from '../../server/src/lint/workspaceFiles';
import type { WorkspaceDocsResult } from '../../server/src/protocol';

const BROKEN = 'mlsd: 1\ntitle: Broken doc\nstatus: draft\nrequirements:\n  business_objective: [unclosed\n';
const CLEAN = fs.readFileSync(path.join(ROOT, 'examples', 'news-feed.mlsd.yaml'), 'utf8');
const CLEAN_TITLE = /^title: (.*)$/m.exec(CLEAN)![1].trim();

/** A workspace folder: two docs at the top, one in a subfolder, and docs that must be skipped. */
function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-ws-'));
  const w = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  w('feed.mlsd.yaml', CLEAN);
  w('broken.mlsd.yaml', BROKEN);
  w('team/search.mlsd.yml', 'mlsd: 1\ntitle: Search ranking\n');
  w('.gitignore', 'generated/\n*.tmp.mlsd.yaml\n');
  w('generated/out.mlsd.yaml', BROKEN);
  w('draft.tmp.mlsd.yaml', BROKEN);
  w('archive/old.mlsd.yaml', BROKEN);
  w('node_modules/pkg/dep.mlsd.yaml', BROKEN);
  w('.hidden/secret.mlsd.yaml', BROKEN);
  w('notes.yaml', 'not: a design doc\n');
  return dir;
}

const uriOf = (dir: string, rel: string) => pathToFileURL(path.join(dir, rel)).href;
const FILES_EXCLUDE = { '**/archive': true, '**/.git': true };

async function workspaceClient(dir: string, settings: Record<string, unknown> = {}) {
  const c = new LspClient({
    rootPath: dir,
    settings,
    sections: { 'files.exclude': FILES_EXCLUDE },
    initializationOptions: { workspaceDocs: true },
  });
  await c.initialize();
  return c;
}

/** Asks `mlsd/workspaceDocs` until every listed doc has been linted (bounded). */
async function settledDocs(c: LspClient, what: string, ms = 10_000): Promise<WorkspaceDocsResult> {
  const until = Date.now() + ms;
  for (;;) {
    const r = await c.request<WorkspaceDocsResult>('mlsd/workspaceDocs', {});
    if (r.docs.every((d) => d.linted)) return r;
    if (Date.now() > until) throw new Error(`${what}: docs not all linted: ${JSON.stringify(r)}`);
    await new Promise((res) => setImmediate(res));
  }
}

/** Waits (bounded) for state that comes without an event of its own. */
async function eventually(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

const hasError = (p: { diagnostics: { severity?: number }[] }) => p.diagnostics.some((d) => d.severity === 1);

test('finder: files.exclude, .gitignore (root and nested), node_modules and dot-folders are skipped', async () => {
  const dir = makeWorkspace();
  try {
    fs.writeFileSync(path.join(dir, 'team', '.gitignore'), 'private.mlsd.yaml\n');
    fs.writeFileSync(path.join(dir, 'team', 'private.mlsd.yaml'), BROKEN);
    const rel = (files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));
    assert.deepEqual(rel((await findWorkspaceDocs(dir, FILES_EXCLUDE)).files), [
      'broken.mlsd.yaml',
      'feed.mlsd.yaml',
      'team/search.mlsd.yml',
    ]);
    // without files.exclude the archive folder counts; `false` turns a glob off
    assert.deepEqual(rel((await findWorkspaceDocs(dir, { '**/archive': false })).files), [
      'archive/old.mlsd.yaml',
      'broken.mlsd.yaml',
      'feed.mlsd.yaml',
      'team/search.mlsd.yml',
    ]);
    assert.deepEqual(excludeGlobs({ '**/archive/': true, 'x/*.tmp': { when: '$(basename).ts' }, off: false }), [
      '**/archive',
      '**/archive/**',
      'x/*.tmp',
      'x/*.tmp/**',
    ]);
    assert.deepEqual(excludeGlobs(null), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('workspace scope: a closed doc with an error gets diagnostics without being opened; the list has every doc', async (t) => {
  const dir = makeWorkspace();
  const c = await workspaceClient(dir);
  t.after(async () => {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const broken = await c.diagnostics(uriOf(dir, 'broken.mlsd.yaml'), hasError);
  assert.ok(
    broken.some((d) => d.code === 'MLSD001' && d.severity === 1),
    'the syntax error of the closed doc',
  );
  const r = await settledDocs(c, 'initial scan');
  assert.equal(r.scope, 'workspace');
  assert.equal(r.found, 3);
  assert.deepEqual(
    r.docs.map((d) => [d.title, d.status ?? '', d.open, d.counts.error > 0]),
    [
      ['Broken doc', 'draft', false, true],
      [CLEAN_TITLE, 'approved', false, false],
      ['Search ranking', '', false, false],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
  const feed = await c.diagnostics(uriOf(dir, 'feed.mlsd.yaml'));
  assert.ok(!feed.some((d) => d.severity === 1 || d.severity === 2), 'the clean example has no error or warning');
  // skipped files: nothing was published for them (the list answer comes after every publish)
  for (const rel of [
    'generated/out.mlsd.yaml',
    'draft.tmp.mlsd.yaml',
    'archive/old.mlsd.yaml',
    'node_modules/pkg/dep.mlsd.yaml',
    '.hidden/secret.mlsd.yaml',
  ])
    await assert.rejects(
      c.diagnostics(uriOf(dir, rel), () => true, 50),
      /no diagnostics/,
      `${rel} is skipped`,
    );
  await eventually(() => (c.notifications.get('mlsd/workspaceDocsChanged') ?? 0) > 0, 'mlsd/workspaceDocsChanged');
});

test('workspace scope: file events — change, create and delete keep the findings current', async (t) => {
  const dir = makeWorkspace();
  const c = await workspaceClient(dir);
  t.after(async () => {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const brokenUri = uriOf(dir, 'broken.mlsd.yaml');
  await c.diagnostics(brokenUri, hasError);
  await settledDocs(c, 'initial scan');

  // delete: its findings are cleared
  fs.rmSync(path.join(dir, 'broken.mlsd.yaml'));
  c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: brokenUri, type: 3 }] });
  assert.deepEqual(await c.diagnostics(brokenUri, (p) => p.diagnostics.length === 0), []);

  // change: the doc is linted again from disk
  const feedUri = uriOf(dir, 'feed.mlsd.yaml');
  fs.writeFileSync(path.join(dir, 'feed.mlsd.yaml'), BROKEN.replace('Broken doc', 'Feed, broken'));
  const ignoredUri = uriOf(dir, 'generated/out.mlsd.yaml'); // .gitignore'd: its changes are not linted
  fs.appendFileSync(path.join(dir, 'generated', 'out.mlsd.yaml'), '# touched\n');
  c.notify('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: ignoredUri, type: 2 },
      { uri: feedUri, type: 2 },
    ],
  });
  await c.diagnostics(feedUri, hasError);
  assert.equal(c.diagnosticsSeen(ignoredUri), 0, 'nothing published for an ignored doc');

  // create: a new doc is found and linted
  const newUri = uriOf(dir, 'team/new.mlsd.yaml');
  fs.writeFileSync(path.join(dir, 'team', 'new.mlsd.yaml'), BROKEN.replace('Broken doc', 'New doc'));
  c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: newUri, type: 1 }] });
  await c.diagnostics(newUri, hasError);
  const r = await settledDocs(c, 'after the events');
  assert.deepEqual(r.docs.map((d) => d.title).sort(), ['Feed, broken', 'New doc', 'Search ranking']);
});

test('workspace scope: closing an open doc keeps its workspace findings (from the file) instead of clearing them', async (t) => {
  const dir = makeWorkspace();
  const c = await workspaceClient(dir);
  t.after(async () => {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const uri = uriOf(dir, 'broken.mlsd.yaml');
  await c.diagnostics(uri, hasError);
  await settledDocs(c, 'initial scan');
  // opened with the error fixed in the editor (unsaved): the open doc's findings win
  c.open(uri, BROKEN.replace('[unclosed', 'Grow engagement'), 7);
  const open = await c.diagnosticsFor(uri, 7);
  assert.ok(!open.some((d) => d.severity === 1), 'the open text has no error');
  const listed = await c.request<WorkspaceDocsResult>('mlsd/workspaceDocs', {});
  assert.deepEqual(
    listed.docs.filter((d) => d.open).map((d) => [d.title, d.counts.error]),
    [['Broken doc', 0]],
  );
  // closed without saving: the file's findings come back
  const before = c.diagnosticsSeen(uri);
  c.notify('textDocument/didClose', { textDocument: { uri } });
  const after = await c.diagnostics(uri, (p) => c.diagnosticsSeen(uri) > before && hasError(p));
  assert.ok(after.some((d) => d.code === 'MLSD001'));
  assert.ok(!c.everEmptyAfter(uri, before), 'never cleared in between');
});

test('openFiles scope: nothing is published for closed docs; the list is the open docs', async (t) => {
  const dir = makeWorkspace();
  const c = await workspaceClient(dir, { validate: { scope: 'openFiles' } });
  t.after(async () => {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const searchUri = uriOf(dir, 'team/search.mlsd.yml');
  c.open(searchUri, 'mlsd: 1\ntitle: Search ranking\n', 1);
  await c.diagnosticsFor(searchUri, 1);
  const r = await c.request<WorkspaceDocsResult>('mlsd/workspaceDocs', {});
  assert.equal(r.scope, 'openFiles');
  assert.deepEqual(
    r.docs.map((d) => [d.title, d.open]),
    [['Search ranking', true]],
  );
  assert.equal(c.diagnosticsSeen(uriOf(dir, 'broken.mlsd.yaml')), 0, 'the closed doc got nothing');
  // closing an open doc clears its findings, as before
  c.notify('textDocument/didClose', { textDocument: { uri: searchUri } });
  assert.deepEqual(await c.diagnostics(searchUri, (p) => p.diagnostics.length === 0), []);
});

test('workspace scope past mlsd.validate.maxWorkspaceDocs: open docs only, with one notice', async (t) => {
  const dir = makeWorkspace();
  const c = await workspaceClient(dir, { validate: { scope: 'workspace', maxWorkspaceDocs: 2 } });
  t.after(async () => {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const r = await c.request<WorkspaceDocsResult>('mlsd/workspaceDocs', {});
  assert.equal(r.scope, 'openFiles');
  assert.equal(r.found, 3);
  assert.equal(r.max, 2);
  assert.deepEqual(r.docs, []);
  assert.equal(c.diagnosticsSeen(uriOf(dir, 'broken.mlsd.yaml')), 0);
  // a settings change rescans: still over the cap, and the notice is not repeated
  c.notify('workspace/didChangeConfiguration', { settings: { mlsd: c.settings } });
  await c.request('mlsd/workspaceDocs', {});
  const notices = c.messages.filter((m) => /maxWorkspaceDocs/.test(m));
  assert.equal(notices.length, 1, c.messages.join('\n'));
  assert.match(notices[0], /3 design docs, more than mlsd\.validate\.maxWorkspaceDocs \(2\)/);
  // raised: every doc is linted
  c.settings = { validate: { scope: 'workspace', maxWorkspaceDocs: 3 } };
  c.notify('workspace/didChangeConfiguration', { settings: { mlsd: c.settings } });
  await c.diagnostics(uriOf(dir, 'broken.mlsd.yaml'), hasError);
});
