#!/usr/bin/env node
// End-to-end orchestrator: runs the extension in the real VS Code workbench (code-server 4.100.3 =
// VS Code 1.100.3, Node extension host) driven by Debian's Chromium through playwright-core, and the
// language server in headless Neovim. Prerequisites come from scripts/e2e/setup.sh (`npm run test:e2e`
// runs it first).
//
//   A. host  — the extension-host suite (test/e2e/suite, compiled to out/test/e2e/suite): the extension is
//              loaded from the repo (extensionDevelopmentPath) and the suite runs inside the extension host
//              (extensionTestsPath), both passed in the workbench URL `payload`; the exit code comes back
//              through window.codeAutomationExit.
//   B. ui    — test/e2e/ui.mjs: Playwright drives the workbench of a second code-server that has the
//              packaged mlsd.vsix installed with `code-server --install-extension`.
//   C. nvim  — test/e2e/neovim/run.mjs: headless Neovim's built-in LSP client against the server (--stdio).
//
// Usage: node test/e2e/run.mjs [--only host,ui,nvim] [--skip ui] [--keep]
// Env:   MLSD_E2E_GREP      regexp: only host tests whose "file: name" match, and ui checks whose name match
//        MLSD_E2E_NO_BUILD  1 = do not (re)build dist/, out/ or the vsix, use what is there
//        MLSD_E2E_EXT_DIR   extension folder for suite A instead of the repo (plumbing checks)
//        MLSD_E2E_VSIX      .vsix for suite B instead of ./mlsd.vsix
//        MLSD_E2E_TIMEOUT_S overall budget in seconds (default 330)
//        MLSD_E2E_PLANT     a rule id (e.g. MLSD303): a planted failure — every suite runs a copy of dist/server.js in
//                           which that rule never reports (scripts/e2e/plant.mjs); the run must then fail
// Output: one `ok - …` / `not ok - …` line per check, then `e2e: N passed, M failed`; exit code 1 on any
// failure. Screenshots and logs go to test-results/ (e2e-*.log, host-*.png, ui-*.png).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { plantExtension, plantServer } from '../../scripts/e2e/plant.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const E2E = path.join(ROOT, '.e2e');
const TOOLS = path.join(E2E, 'tools');
const RESULTS = path.join(ROOT, 'test-results');
const CODE_SERVER = path.join(TOOLS, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.MLSD_E2E_CHROMIUM || '/usr/bin/chromium';
const WORKSPACE = path.join(ROOT, 'test', 'e2e', 'workspace');
const SUITE_INDEX = path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
let EXT_DIR = path.resolve(process.env.MLSD_E2E_EXT_DIR || ROOT);
const PLANT = process.env.MLSD_E2E_PLANT;
/** the planted extension folder (MLSD_E2E_PLANT), made after the build */
let plantedExt;
const VSIX = path.resolve(process.env.MLSD_E2E_VSIX || path.join(ROOT, 'mlsd.vsix'));
const BUDGET_MS = Number(process.env.MLSD_E2E_TIMEOUT_S || 330) * 1000;
const GREP = process.env.MLSD_E2E_GREP ? new RegExp(process.env.MLSD_E2E_GREP, 'i') : undefined;

const argv = process.argv.slice(2);
const argOf = (flag) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const ALL_PHASES = ['host', 'ui', 'nvim', 'export'];
const only = argOf('--only')?.split(',');
const skip = argOf('--skip')?.split(',') ?? [];
const PHASES = ALL_PHASES.filter((p) => (!only || only.includes(p)) && !skip.includes(p));
const KEEP = argv.includes('--keep');

const t0 = Date.now();
const deadline = t0 + BUDGET_MS;
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`# ${msg}`);

// ------------------------------------------------------------------------------------------ results
const results = [];
function record(name, ok, detail = '') {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? (ok ? ` (${detail})` : `: ${detail}`) : ''}`);
}
/** the last `n` meaningful lines of a command's output, on one line (npm's config warnings dropped) */
const tail = (out, n = 4) =>
  out
    .split('\n')
    .filter((l) => l.trim() && !/^npm warn/i.test(l))
    .slice(-n)
    .join(' | ');
const errText = (e) =>
  (e instanceof Error ? e.message : String(e))
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .slice(0, 6)
    .join(' | ');

// ------------------------------------------------------------------------------------------ processes
/** Process groups we started (pgid = pid, spawned detached => setsid). */
const groups = new Set();
let browser;

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
async function killGroup(pgid, graceMs = 3000) {
  if (!groupAlive(pgid)) {
    groups.delete(pgid);
    return;
  }
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* gone */
  }
  const until = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  groups.delete(pgid);
}
async function cleanup() {
  if (browser) {
    const b = browser;
    browser = undefined;
    await Promise.race([b.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  }
  await Promise.all([...groups].map((g) => killGroup(g)));
}
process.on('exit', () => {
  for (const g of groups) {
    try {
      process.kill(-g, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.log(`# ${sig}: stopping everything`);
    cleanup().finally(() => process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1)));
  });
}

/** Runs a command to completion with a bounded time; returns { code, out }. */
function run(cmd, args, { timeoutMs = 120_000, cwd = ROOT, env = process.env, logFile } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    groups.add(child.pid);
    let out = '';
    const onData = (d) => {
      out += d;
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      out += `\n[killed after ${timeoutMs} ms]`;
      killGroup(child.pid, 1000);
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid, 500); // stragglers in its group
      if (logFile) fs.writeFileSync(logFile, out);
      resolve({ code: code ?? (signal ? 128 : 1), out });
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The common environment of code-server and its children (extension host, language server). */
function serverEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.PORT; // $PORT overrides --bind-addr
  env.EXTENSIONS_GALLERY = JSON.stringify({ serviceUrl: '' }); // no marketplace lookups
  env.XDG_CONFIG_HOME = path.join(E2E, 'xdg', 'config'); // code-server's config.yaml, Chromium's crash dir: not in ~
  env.XDG_DATA_HOME = path.join(E2E, 'xdg', 'data'); // code-server's heartbeat and coder-logs: not in ~
  env.TMPDIR = path.join(E2E, 'tmp');
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_')) delete env[k]; // when run from a VS Code terminal
  return env;
}

function freshUserData(dir) {
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'git.enabled': false,
        'security.workspace.trust.enabled': false,
        'editor.accessibilitySupport': 'off',
        'window.restoreWindows': 'none',
        'chat.commandCenter.enabled': false,
        // VS Code for the Web (code-server) defaults to afterDelay: the UI suite would save its edits into the fixtures
        'files.autoSave': 'off',
      },
      null,
      2,
    ),
  );
}

async function startCodeServer(name, { userDataDir, extensionsDir, env }) {
  const port = await freePort();
  const logFile = path.join(RESULTS, `e2e-code-server-${name}.log`);
  const fd = fs.openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      CODE_SERVER,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
    ],
    { cwd: ROOT, env, detached: true, stdio: ['ignore', fd, fd] },
  );
  fs.closeSync(fd);
  groups.add(child.pid);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const base = `http://127.0.0.1:${port}`;
  const until = Math.min(Date.now() + 30_000, deadline);
  for (;;) {
    // poll /healthz, bounded
    if (exited) throw new Error(`code-server (${name}) exited at startup; see ${path.relative(ROOT, logFile)}`);
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`code-server (${name}) did not answer /healthz within 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`code-server ${name} up at ${base} (pid ${child.pid}) after ${elapsed()}`);
  return { base, port, pid: child.pid, logFile, stop: () => killGroup(child.pid) };
}

function remaining() {
  return deadline - Date.now();
}

/** A fresh browser context and page; the UI suite's viewport is the size of the README's screenshots. */
async function newPage(viewport = { width: 1280, height: 800 }) {
  const require = createRequire(path.join(TOOLS, 'package.json'));
  const { chromium } = require('playwright-core');
  if (!browser) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      timeout: 30_000,
      env: serverEnv(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { context, page };
}

function workbenchUrl(base, folder, payload) {
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

// ------------------------------------------------------------------------------------------ build
function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}
const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);

async function ensureBuilt() {
  if (process.env.MLSD_E2E_NO_BUILD === '1') return;
  const srcNewest = Math.max(
    newestMtime(path.join(ROOT, 'server', 'src')),
    newestMtime(path.join(ROOT, 'client', 'src')),
    mtime(path.join(ROOT, 'scripts', 'build.mjs')),
  );
  const dists = ['dist/server.js', 'dist/client.js'].map((f) => path.join(ROOT, f));
  if (dists.some((d) => mtime(d) < srcNewest)) {
    log('dist/ missing or stale: npm run build');
    const r = await run('npm', ['run', 'build'], { logFile: path.join(RESULTS, 'e2e-build.log') });
    if (r.code !== 0) throw new Error(`npm run build failed (test-results/e2e-build.log): ${tail(r.out)}`);
  }
  if (PHASES.includes('host') && mtime(SUITE_INDEX) < newestMtime(path.join(ROOT, 'test', 'e2e', 'suite'))) {
    log('out/test/e2e missing or stale: npm run compile-tests');
    const r = await run('npm', ['run', 'compile-tests'], { logFile: path.join(RESULTS, 'e2e-compile-tests.log') });
    // tsc emits even with type errors elsewhere in the project; go on when the suite itself was emitted.
    if (r.code !== 0) {
      if (mtime(SUITE_INDEX) < newestMtime(path.join(ROOT, 'test', 'e2e', 'suite')))
        throw new Error(`npm run compile-tests failed (test-results/e2e-compile-tests.log): ${tail(r.out)}`);
      log('warning: tsc reported errors (see test-results/e2e-compile-tests.log); the e2e suite was emitted, going on');
    }
  }
}

/** mlsd.vsix, (re)packaged with `npm run package` when missing or older than dist/ and package.json. */
async function ensureVsix() {
  if (process.env.MLSD_E2E_NO_BUILD === '1' || process.env.MLSD_E2E_VSIX) return;
  const inputs = Math.max(
    ...['dist/server.js', 'dist/client.js', 'package.json'].map((f) => mtime(path.join(ROOT, f))),
    newestMtime(path.join(ROOT, 'snippets')),
  );
  if (mtime(VSIX) >= inputs) return;
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  if (!pkg.scripts?.package) throw new Error('mlsd.vsix is missing or stale and package.json has no "package" script');
  log('mlsd.vsix missing or stale: npm run package');
  const r = await run('npm', ['run', 'package'], { logFile: path.join(RESULTS, 'e2e-package.log') });
  if (r.code !== 0 || mtime(VSIX) < inputs)
    throw new Error(`npm run package failed (test-results/e2e-package.log): ${tail(r.out)}`);
}

// ------------------------------------------------------------------------------------------ A. host suite
async function hostSuite(runDir) {
  const ud = path.join(runDir, 'host-user-data');
  const ext = path.join(runDir, 'host-extensions');
  freshUserData(ud);
  fs.mkdirSync(ext, { recursive: true });
  const resultsFile = path.join(runDir, 'host-results.json');
  const env = serverEnv({
    MLSD_E2E_RESULTS: resultsFile,
    ...(process.env.MLSD_E2E_GREP ? { MLSD_E2E_GREP: process.env.MLSD_E2E_GREP } : {}),
  });
  const cs = await startCodeServer('host', { userDataDir: ud, extensionsDir: ext, env });
  const consoleLines = [];
  const { context, page } = await newPage();
  try {
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    let resolveExit;
    const exited = new Promise((r) => {
      resolveExit = r;
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      resolveExit(code);
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(EXT_DIR)],
      ['extensionTestsPath', remote(SUITE_INDEX)],
    ];
    await page.goto(workbenchUrl(cs.base, WORKSPACE, payload), { timeout: 30_000 });
    const limit = Math.max(5_000, Math.min(180_000, remaining() - 60_000));
    let timer;
    const code = await Promise.race([
      exited,
      new Promise((r) => {
        timer = setTimeout(() => r('timeout'), limit);
      }),
    ]).finally(() => clearTimeout(timer));
    await page
      .screenshot({ path: path.join(RESULTS, code === 0 ? 'host-final.png' : 'host-FAILED.png') })
      .catch(() => {});
    fs.writeFileSync(path.join(RESULTS, 'e2e-host-console.log'), `${consoleLines.join('\n')}\n`);

    let reported = false;
    if (fs.existsSync(resultsFile)) {
      const json = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      for (const r of json.results) record(`host: ${r.file}: ${r.name}`, r.ok, r.ok ? `${r.ms} ms` : r.error);
      reported = json.results.length > 0;
    } else {
      for (const l of consoleLines) {
        // fallback: the suite's console lines
        const m = /\b(not ok|ok) - (.*)$/.exec(l);
        if (m) {
          record(`host: ${m[2]}`, m[1] === 'ok');
          reported = true;
        }
      }
    }
    if (code === 'timeout')
      record(
        'host: suite finished',
        false,
        `no exit code from the extension host within ${limit / 1000} s (see test-results/e2e-host-console.log)`,
      );
    else if (code !== 0 && !reported)
      record('host: suite ran', false, `extension host exit code ${code}; see test-results/e2e-host-console.log`);
    else if (!reported) record('host: suite ran', false, 'no tests reported');
  } finally {
    await context.close().catch(() => {});
    await cs.stop();
  }
}

// ------------------------------------------------------------------------------------------ B. UI suite
async function uiSuite(runDir) {
  try {
    await ensureVsix();
  } catch (e) {
    record('ui: package mlsd.vsix', false, errText(e));
    return;
  }
  if (!fs.existsSync(VSIX)) throw new Error(`no vsix at ${path.relative(ROOT, VSIX)} (npm run package)`);
  const ud = path.join(runDir, 'ui-user-data');
  const ext = path.join(runDir, 'ui-extensions');
  freshUserData(ud);
  fs.mkdirSync(ext, { recursive: true });
  const env = serverEnv();
  const inst = await run(
    process.execPath,
    [CODE_SERVER, '--user-data-dir', ud, '--extensions-dir', ext, '--install-extension', VSIX, '--force'],
    { env, timeoutMs: 60_000, logFile: path.join(RESULTS, 'e2e-install-vsix.log') },
  );
  if (inst.code !== 0 || !/successfully installed/i.test(inst.out)) {
    record('ui: install vsix with code-server --install-extension', false, tail(inst.out, 3));
    return;
  }
  record('ui: install vsix with code-server --install-extension', true, path.basename(VSIX));
  if (PLANT) {
    const installed = fs.readdirSync(ext).find((d) => /^mlsd\.mlsd-/.test(d));
    if (!installed) throw new Error(`MLSD_E2E_PLANT: no mlsd.mlsd-* folder in ${ext}`);
    const server = path.join(ext, installed, 'dist', 'server.js');
    plantServer(server, server, PLANT);
  }

  // the UI suite types into the docs: it gets a copy of the fixture folder (still named `workspace`)
  const workspace = path.join(runDir, 'ui', 'workspace');
  fs.cpSync(WORKSPACE, workspace, { recursive: true });
  const cs = await startCodeServer('ui', { userDataDir: ud, extensionsDir: ext, env });
  const consoleLines = [];
  const { context, page } = await newPage();
  try {
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    const { default: suite } = await import('./ui.mjs');
    let n = 0;
    const slug = (s) =>
      s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60);
    const ctx = {
      page,
      base: cs.base,
      workspace,
      url: workbenchUrl(cs.base, workspace),
      /** a named screenshot in test-results/ (kept whatever the outcome) */
      // animations disabled: finite ones (the hover's fade-in) are fast-forwarded to their end state
      shot: (name) => page.screenshot({ path: path.join(RESULTS, `ui-${slug(name)}.png`), animations: 'disabled' }),
      /** runs one check with a bounded time; a failure is recorded with its screenshot */
      async check(name, fn, { timeoutMs = 30_000 } = {}) {
        if (GREP && !GREP.test(name)) return undefined;
        n += 1;
        const started = Date.now();
        let timer;
        try {
          const ms = Math.max(1000, Math.min(timeoutMs, remaining() - 20_000));
          const v = await Promise.race([
            Promise.resolve().then(fn),
            new Promise((_, rej) => {
              timer = setTimeout(() => rej(new Error(`check timed out after ${ms} ms`)), ms);
            }),
          ]);
          record(`ui: ${name}`, true, `${Date.now() - started} ms`);
          return v;
        } catch (e) {
          const shot = path.join(RESULTS, `ui-${String(n).padStart(2, '0')}-${slug(name)}-FAILED.png`);
          await page.screenshot({ path: shot }).catch(() => {});
          record(`ui: ${name}`, false, `${errText(e)} [screenshot ${path.relative(ROOT, shot)}]`);
          return undefined;
        } finally {
          clearTimeout(timer);
        }
      },
    };
    await suite(ctx);
  } finally {
    fs.writeFileSync(path.join(RESULTS, 'e2e-ui-console.log'), `${consoleLines.join('\n')}\n`);
    await context.close().catch(() => {});
    await cs.stop();
  }
}

// ------------------------------------------------------------------------------------------ D. export
/**
 * `mlsd export --format html` of a bundled example, opened in the real browser (Debian's Chromium): the
 * page renders the title, the scorecard, the system diagram's SVG, the seven steps and the review notes,
 * needs no script and asks for nothing but its own file; a full-page screenshot goes to
 * test-results/export-html.png.
 */
async function exportSuite(runDir) {
  const out = path.join(runDir, 'export', 'news-feed.html');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const doc = path.join(ROOT, 'examples', 'news-feed.mlsd.yaml');
  const r = await run(
    process.execPath,
    [path.join(ROOT, 'bin', 'mlsd.js'), 'export', doc, '--format', 'html', '-o', out],
    {
      timeoutMs: 30_000,
      logFile: path.join(RESULTS, 'e2e-export.log'),
    },
  );
  const written = r.code === 0 && fs.existsSync(out);
  record(
    'export: mlsd export --format html writes one file',
    written,
    written ? `${fs.statSync(out).size} bytes` : tail(r.out, 3),
  );
  if (!written) return;
  const { context, page } = await newPage({ width: 1100, height: 900 });
  const foreign = [];
  const errors = [];
  page.on('request', (q) => {
    if (!q.url().startsWith('file:') && !q.url().startsWith('data:')) foreign.push(q.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(pathToFileURL(out).href, { waitUntil: 'load', timeout: 15_000 });
    const seen = await page.evaluate(() => {
      const svg = document.querySelector('#diagram svg');
      const box = svg?.getBoundingClientRect();
      return {
        title: document.querySelector('h1')?.textContent ?? '',
        steps: [1, 2, 3, 4, 5, 6, 7].filter((n) => document.querySelector(`#step-${n} h2`)).length,
        scorecard: document.querySelector('#scorecard')?.textContent ?? '',
        diagramNodes: svg ? svg.querySelectorAll('g, rect, path').length : 0,
        diagramSize: box ? [Math.round(box.width), Math.round(box.height)] : [0, 0],
        notes: !!document.querySelector('#review-notes'),
        scripts: document.querySelectorAll('script').length,
      };
    });
    const ok =
      /News feed/i.test(seen.title) &&
      seen.steps === 7 &&
      /complete|ready for review|draft/.test(seen.scorecard) &&
      seen.diagramNodes > 10 &&
      seen.diagramSize[0] > 200 &&
      seen.diagramSize[1] > 100 &&
      seen.notes &&
      seen.scripts === 0;
    record(
      'export: the HTML opens in Chromium with the title, scorecard, diagram (SVG), seven steps and review notes; no script',
      ok,
      JSON.stringify(seen),
    );
    record(
      'export: the page loads nothing but itself and raises no error',
      foreign.length === 0 && errors.length === 0,
      [...foreign, ...errors].join(', '),
    );
    const shot = path.join(RESULTS, 'export-html.png');
    await page.screenshot({ path: shot, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const pdf = await page.pdf({ format: 'A4' }).catch(() => undefined);
    record(
      'export: print stylesheet: white page, and Print → PDF renders',
      /255, 255, 255|rgba\(0, 0, 0, 0\)/.test(printed) && !!pdf && pdf.length > 10_000,
      `${printed}; pdf ${pdf?.length ?? 0} bytes`,
    );
  } finally {
    await context.close().catch(() => {});
  }
}

// ------------------------------------------------------------------------------------------ C. Neovim
async function nvimSuite() {
  const env = plantedExt
    ? { ...process.env, MLSD_NVIM_SERVER: path.join(plantedExt, 'dist', 'server.js') }
    : process.env;
  const r = await run(process.execPath, [path.join(ROOT, 'test', 'e2e', 'neovim', 'run.mjs')], {
    env,
    timeoutMs: Math.max(5000, Math.min(60_000, remaining() - 10_000)),
    logFile: path.join(RESULTS, 'e2e-nvim.log'),
  });
  const mine = [];
  for (const l of r.out.split('\n')) {
    const m = /^(not ok|ok) - (.*)$/.exec(l);
    if (m) {
      // already formatted by neovim/run.mjs: pass the line through with a prefix
      mine.push(m[1] === 'ok');
      results.push({ name: `nvim: ${m[2]}`, ok: m[1] === 'ok' });
      console.log(`${m[1]} - nvim: ${m[2]}`);
    }
  }
  if (mine.length === 0) record('nvim: suite ran', false, `exit ${r.code}: ${tail(r.out, 3)}`);
  else if (r.code !== 0 && mine.every(Boolean))
    record('nvim: suite exited cleanly', false, `exit ${r.code}: ${tail(r.out, 3)}`);
}

// ------------------------------------------------------------------------------------------ main
async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  for (const f of fs.readdirSync(RESULTS))
    if (/^(e2e|host|ui|nvim)-/.test(f)) fs.rmSync(path.join(RESULTS, f), { force: true });
  const runsDir = path.join(E2E, 'runs');
  // user data of earlier runs (named <time>-<pid>): removed unless that run is still going
  for (const d of fs.existsSync(runsDir) ? fs.readdirSync(runsDir) : []) {
    const pid = Number(d.split('-')[1]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      /* not running */
    }
    if (!alive) fs.rmSync(path.join(runsDir, d), { recursive: true, force: true });
  }
  const runDir = path.join(runsDir, `${Date.now()}-${process.pid}`);
  fs.mkdirSync(runDir, { recursive: true });
  fs.mkdirSync(path.join(E2E, 'tmp'), { recursive: true });

  const needsWorkbench = PHASES.includes('host') || PHASES.includes('ui');
  if (needsWorkbench) {
    const missing = [
      [CODE_SERVER, 'code-server'],
      [CHROMIUM, 'chromium'],
      [path.join(TOOLS, 'node_modules', 'playwright-core'), 'playwright-core'],
    ]
      .filter(([p]) => !fs.existsSync(p))
      .map(([, n]) => n);
    if (missing.length) throw new Error(`missing ${missing.join(', ')}: run bash scripts/e2e/setup.sh`);
  }
  log(`phases: ${PHASES.join(', ')}`);
  try {
    await ensureBuilt();
    if (PLANT) {
      plantedExt = plantExtension(PLANT);
      if (!process.env.MLSD_E2E_EXT_DIR) EXT_DIR = plantedExt;
      log(
        `PLANTED FAILURE: rule ${PLANT} removed from the server in every suite (${path.relative(ROOT, plantedExt)}); this run must fail`,
      );
    }
  } catch (e) {
    record('build (dist/, compiled suite)', false, errText(e));
    return;
  }
  const watchdog = setTimeout(
    () => {
      record('e2e finished within budget', false, `over ${BUDGET_MS / 1000} s; stopping`);
      cleanup().finally(() => {
        summary();
        process.exit(1);
      });
    },
    Math.max(1000, remaining()),
  );
  watchdog.unref();

  const phases = {
    host: () => hostSuite(runDir),
    ui: () => uiSuite(runDir),
    nvim: () => nvimSuite(),
    export: () => exportSuite(runDir),
  };
  for (const p of PHASES) {
    const started = Date.now();
    log(`--- ${p} (at ${elapsed()})`);
    try {
      await phases[p]();
    } catch (e) {
      record(`${p}: suite ran`, false, errText(e));
    }
    log(`--- ${p} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!KEEP && results.every((r) => r.ok)) fs.rmSync(runDir, { recursive: true, force: true });
}

function summary() {
  const failed = results.filter((r) => !r.ok).length;
  const nothingRan = results.length === 0;
  if (nothingRan) console.log('not ok - e2e: no checks ran');
  console.log(`e2e finished in ${elapsed()}`);
  console.log(`e2e: ${results.length - failed} passed, ${failed + (nothingRan ? 1 : 0)} failed`);
  return failed > 0 || nothingRan;
}

try {
  await main();
} catch (e) {
  record('e2e run', false, errText(e));
} finally {
  await cleanup();
}
// exit explicitly: fetch's keep-alive sockets would otherwise hold the event loop for a few seconds
process.exit(summary() ? 1 : 0);
