/**
 * One config resolver (`resolveConfigFor`): the editor's session and the CLI pick the same `.mlsdrc.yaml`
 * for a doc, with the same stop (the first folder holding `.git`, or the workspace folder / working
 * directory, whichever comes first). Also the one URI ↔ path helper.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliConfigs } from '../../server/src/cli/configs';
import { resolveConfigFor } from '../../server/src/lint/config';
import { nodeFs } from '../../server/src/lint/nodeFs';
import { pathToUri, uriToPath } from '../../server/src/lint/uri';
import { Session } from '../../server/src/session';

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-resolve-')));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    if (rel.endsWith('/')) fs.mkdirSync(p, { recursive: true });
    else fs.writeFileSync(p, text);
  }
  return dir;
}

/** What the editor (a session whose workspace folder is `root`) and the CLI (run in `root`) resolve. */
function both(root: string, doc: string): { session?: string; cli?: string } {
  const session = new Session();
  session.workspaceRoots = [root];
  const fromSession = session.configFor(pathToUri(doc)).file;
  const cli = new CliConfigs({ config: undefined, preset: undefined, rules: [] }, root);
  return { session: fromSession, cli: cli.forFile(path.relative(root, doc)).file };
}

const DOC = 'mlsd: 1\ntitle: x\n';
const RC = 'rules:\n  MLSD006: off\n';

test('editor and CLI resolve the same .mlsdrc.yaml for a nested doc, and stop at .git and at the root', () => {
  const outer = tree({
    '.mlsdrc.yaml': RC, // above the workspace folder: never used
    'ws/.mlsdrc.yaml': RC,
    'ws/plain/a/b/doc.mlsd.yaml': DOC,
    'ws/repo/.git/': '',
    'ws/repo/docs/a/doc.mlsd.yaml': DOC,
    'ws/wt/.git': 'gitdir: /elsewhere\n', // a git worktree: `.git` is a file
    'ws/wt/doc.mlsd.yaml': DOC,
  });
  const ws = path.join(outer, 'ws');
  try {
    const plain = path.join(ws, 'plain/a/b/doc.mlsd.yaml');
    const repoDoc = path.join(ws, 'repo/docs/a/doc.mlsd.yaml');
    const wtDoc = path.join(ws, 'wt/doc.mlsd.yaml');
    // nested doc without a nearer config: the workspace folder's
    assert.deepEqual(both(ws, plain), { session: path.join(ws, '.mlsdrc.yaml'), cli: path.join(ws, '.mlsdrc.yaml') });
    // the search stops at the folder holding .git (a folder or a file): the config above is not used
    assert.deepEqual(both(ws, repoDoc), { session: undefined, cli: undefined });
    assert.deepEqual(both(ws, wtDoc), { session: undefined, cli: undefined });
    // the nearest config wins
    fs.writeFileSync(path.join(ws, 'repo/docs/.mlsdrc.yml'), RC);
    const near = path.join(ws, 'repo/docs/.mlsdrc.yml');
    assert.deepEqual(both(ws, repoDoc), { session: near, cli: near });
    // the workspace folder (working directory) stops the search too: outer/.mlsdrc.yaml is above it
    fs.rmSync(path.join(ws, '.mlsdrc.yaml'));
    assert.deepEqual(both(ws, plain), { session: undefined, cli: undefined });
    // a doc outside the root: only .git or the filesystem root stops the search
    assert.equal(resolveConfigFor(plain, path.join(ws, 'repo'), nodeFs), path.join(outer, '.mlsdrc.yaml'));
  } finally {
    fs.rmSync(outer, { recursive: true, force: true });
  }
});

test('the session uses the innermost workspace folder holding the doc (not a mere name prefix)', () => {
  const s = new Session();
  s.workspaceRoots = ['/w/proj', '/w/proj/sub', '/w/projects'];
  assert.equal(s.workspaceRootOf('/w/proj/sub/x/d.mlsd.yaml'), '/w/proj/sub');
  assert.equal(s.workspaceRootOf('/w/proj/d.mlsd.yaml'), '/w/proj');
  assert.equal(s.workspaceRootOf('/w/projects2/d.mlsd.yaml'), undefined);
});

test('URI ↔ path: one helper, percent-encoding both ways, other schemes have no path', () => {
  const p = path.join(os.tmpdir(), 'a dir', 'ü#1.mlsd.yaml');
  const uri = pathToUri(p);
  assert.match(uri, /^file:\/\/.*a%20dir\/%C3%BC%231\.mlsd\.yaml$/);
  assert.equal(uriToPath(uri), p);
  assert.equal(uriToPath('untitled:Untitled-1'), undefined);
  assert.equal(uriToPath('file://host-with-%zz/x'), undefined, 'a malformed URI has no path');
});
