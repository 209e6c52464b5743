/**
 * mlsd as other projects consume it: the pre-commit hook (run as pre-commit would) and the npm package
 * (lean file list; packed, installed offline into an empty project, and run there).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// ------------------------------------------------------------------------------ pre-commit and package

describe('pre-commit hook', () => {
  test('.pre-commit-hooks.yaml runs `mlsd lint` on the changed design docs, as pre-commit would', async () => {
    const { parse } = await import('yaml');
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      files: string;
      language: string;
    }[];
    const hook = hooks.find((h) => h.id === 'mlsd')!;
    assert.equal(hook.entry, 'mlsd lint');
    assert.equal(hook.language, 'node');
    const files = new RegExp(hook.files);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-precommit-'));
    try {
      const clean = fs.readFileSync(
        path.join(ROOT, 'examples', fs.readdirSync(path.join(ROOT, 'examples'))[0]),
        'utf8',
      );
      fs.writeFileSync(path.join(dir, 'clean.mlsd.yaml'), clean);
      fs.writeFileSync(path.join(dir, 'other.mlsd.yml'), clean);
      fs.writeFileSync(path.join(dir, 'notes.yaml'), 'not: [a design doc');
      fs.writeFileSync(path.join(dir, 'README.md'), '# hi\n');
      const staged = fs
        .readdirSync(dir)
        .filter((f) => files.test(f))
        .sort();
      assert.deepEqual(staged, ['clean.mlsd.yaml', 'other.mlsd.yml']);
      // pre-commit runs `<entry> <files…>`; the installed `mlsd` bin is bin/mlsd.js
      const [cmd, ...args] = hook.entry.split(' ');
      assert.equal(cmd, 'mlsd');
      const bin = path.join(ROOT, 'bin', 'mlsd.js');
      const ok = spawnSync(process.execPath, [bin, ...args, ...staged], { cwd: dir, encoding: 'utf8' });
      assert.equal(ok.status, 0, ok.stdout + ok.stderr);
      fs.writeFileSync(path.join(dir, 'bad.mlsd.yaml'), 'mlsd: 2\ntitle: x\n');
      const bad = spawnSync(process.execPath, [bin, ...args, 'bad.mlsd.yaml', ...staged], {
        cwd: dir,
        encoding: 'utf8',
      });
      assert.equal(bad.status, 1, bad.stdout + bad.stderr);
      assert.match(bad.stdout, /MLSD008\/format-version/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface PackEntry {
  filename: string;
  files: { path: string }[];
}

describe('npm package', () => {
  test('package.json carries the metadata npm and vsce need', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.match(pkg.repository.url, /^https:\/\/github\.com\//);
    assert.ok(pkg.homepage && pkg.bugs.url && pkg.keywords.length && pkg.engines.node);
    assert.match(pkg.scripts.prepack, /build/);
    assert.doesNotMatch(pkg.scripts.package, /--allow-missing-repository/);
  });

  test('the .vsix and the npm package keep separate allow-lists (vsce refuses package.json "files" next to .vscodeignore)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files?: string[] };
    assert.equal(pkg.files, undefined);
    assert.ok(fs.existsSync(path.join(ROOT, '.vscodeignore')) && fs.existsSync(path.join(ROOT, '.npmignore')));
  });

  test('`npm pack` is lean: the bundles, bin, schemas and rule pages; no sources, tests or screenshots', () => {
    // --ignore-scripts: `npm test` has just built dist/ (prepack would rebuild it)
    const r = spawnSync(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const [pack] = JSON.parse(r.stdout) as PackEntry[];
    const files = pack.files.map((f) => f.path).sort();
    for (const f of ['dist/cli.js', 'dist/server.js', 'dist/rules.json', 'bin/mlsd.js', 'bin/mlsd-language-server.js'])
      assert.ok(files.includes(f), f);
    for (const f of ['schemas/mlsd.schema.json', 'schemas/mlsdrc.schema.json', 'README.md', 'LICENSE', 'CHANGELOG.md'])
      assert.ok(files.includes(f), f);
    assert.ok(files.includes('docs/rules/MLSD303.md'));
    const bad = files.filter((f) =>
      /^(server|client|test|scripts|examples|out|node_modules)\/|\.ts$|\.map$|\.png$|docs\/images\//.test(f),
    );
    assert.deepEqual(bad, []);
    // one page per rule, and a handful of other files: nothing else slips in
    const rulePages = files.filter((f) => /^docs\/rules\/MLSD\d{3}\.md$/.test(f)).length;
    assert.equal(rulePages, fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((f) => f.endsWith('.md')).length);
    assert.ok(files.length - rulePages < 20, `${files.length - rulePages} files besides the rule pages: ${files}`);
  });

  test('the packed tarball installs offline into an empty project; `mlsd lint`, `mlsd explain` and the server run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-install-'));
    try {
      const packed = spawnSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      assert.equal(packed.status, 0, packed.stderr);
      const [{ filename }] = JSON.parse(packed.stdout) as PackEntry[];
      const project = path.join(dir, 'project');
      fs.mkdirSync(project);
      fs.writeFileSync(path.join(project, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}\n');
      const install = spawnSync(
        NPM,
        ['install', path.join(dir, path.basename(filename)), '--offline', '--no-audit', '--no-fund'],
        { cwd: project, encoding: 'utf8', timeout: 60_000 },
      );
      assert.equal(install.status, 0, install.stderr);
      fs.copyFileSync(
        path.join(ROOT, 'examples', 'ad-click-prediction.mlsd.yaml'),
        path.join(project, 'ads.mlsd.yaml'),
      );
      fs.writeFileSync(path.join(project, 'bad.mlsd.yaml'), 'mlsd: 2\ntitle: x\n');
      const npx = (args: string[]) =>
        spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--offline', ...args], {
          cwd: project,
          encoding: 'utf8',
          timeout: 60_000,
        });
      assert.equal(npx(['mlsd', 'lint', 'ads.mlsd.yaml']).status, 0);
      const bad = npx(['mlsd', 'lint']);
      assert.equal(bad.status, 1);
      assert.match(bad.stdout, /bad\.mlsd\.yaml[\s\S]*MLSD008\/format-version/);
      assert.match(npx(['mlsd', 'explain', 'temporal-leakage']).stdout, /^MLSD303 · temporal-leakage/);
      // the templates ship too: `mlsd init` writes a config and a doc that lints clean
      const init = npx(['mlsd', 'init', 'new', '--template', 'news-feed']);
      assert.equal(init.status, 0, init.stderr);
      assert.equal(npx(['mlsd', 'lint', 'new']).status, 0);
      // the installed language server answers `initialize` over stdio
      const bin = path.join(project, 'node_modules', '.bin', 'mlsd-language-server');
      const reply = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [fs.realpathSync(bin), '--stdio'], { cwd: project });
        let out = '';
        const timer = setTimeout(() => {
          child.kill();
          reject(new Error(`no initialize reply: ${out}`));
        }, 30_000);
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString('utf8');
          if (/"capabilities"/.test(out)) {
            clearTimeout(timer);
            child.kill();
            resolve(out);
          }
        });
        const body = JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: { processId: null, rootUri: null, capabilities: {} },
        });
        child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      });
      assert.match(reply, /"id":1/);
      assert.match(reply, /"textDocumentSync"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
