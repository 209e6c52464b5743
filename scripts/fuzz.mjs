#!/usr/bin/env node
// The mutation fuzzer: mutates the bundled examples and drives the built language server (dist/, over a
// real stdio connection) and the CLI with them. Per iteration: open the example, turn it into the mutant
// with incremental edits, then send completion, hover, definition, documentSymbol, foldingRange and
// codeAction at once (as an editor does), cancel some of them at random, and ping. Reports crashes,
// hangs (no answer to a ping within 10 s), request timeouts (10 s), error responses (RequestCancelled and
// ContentModified excepted), errors the server logged, p50/p95/max per method and the server's peak RSS.
// Every failing mutant is saved under .fuzz-failures/ with a command that replays it.
//
//   npm run fuzz -- --iterations 2000 --seed 7 [--time-limit 600] [--json] [--cli-every 10]
//   node scripts/fuzz.mjs --replay .fuzz-failures/<file>.mlsd.yaml
//
// Deterministic: the same seed gives the same mutants. Exit 1 when anything failed.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { serverArgv } from './server-argv.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_ARGV = serverArgv(ROOT);
const CLI = path.join(ROOT, 'bin', 'mlsd.js');
const REQUEST_TIMEOUT_MS = 10_000;
const CANCELLED = -32800;
const CONTENT_MODIFIED = -32801;

// ------------------------------------------------------------------------------------------ options
function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return def;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
}
const ITERATIONS = Number(arg('iterations', 200));
const SEED = Number(arg('seed', 1));
const TIME_LIMIT_S = Number(arg('time-limit', 0));
const CLI_EVERY = Number(arg('cli-every', 10));
const JSON_OUT = arg('json', false) === true;
const REPLAY = arg('replay', undefined);
const OUT_DIR = path.resolve(ROOT, String(arg('out', '.fuzz-failures')));

if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) {
  console.error('dist/server.js is missing: run `npm run build` first.');
  process.exit(2);
}

// ------------------------------------------------------------------------------------------ random
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

// ------------------------------------------------------------------------------------------ mutations
const lines = (t) => t.split('\n');
const atLine = (t, r, fn) => {
  const ls = lines(t);
  const i = int(r, 0, Math.max(0, ls.length - 1));
  fn(ls, i);
  return ls.join('\n');
};
const insertAt = (t, r, s) => {
  const i = int(r, 0, t.length);
  return t.slice(0, i) + s + t.slice(i);
};
const insertLine = (t, r, s) => atLine(t, r, (ls, i) => ls.splice(i, 0, s));
const indentOf = (l) => /^ */.exec(l)[0];
const JUNK = [
  '\u0000',
  '\uFFFD',
  '\uD800',
  '\uDC00',
  '\uFEFF',
  '\r',
  '\u2028',
  '\u202E',
  '\x1b[31m',
  '😀',
  '\t',
  '\u00A0',
];
const bomb = (prefix, indent = '') => {
  let s = `${indent}${prefix}a0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let i = 1; i <= 9; i++)
    s += `${indent}${prefix}a${i}: &b${i} [${Array(9)
      .fill(`*b${i - 1}`)
      .join(', ')}]\n`;
  return s;
};

/** Every mutation class of issue 12, by name; each takes the text and the generator. */
export const MUTATIONS = {
  deleteLine: (t, r) => atLine(t, r, (ls, i) => ls.splice(i, int(r, 1, 3))),
  duplicateLine: (t, r) => atLine(t, r, (ls, i) => ls.splice(i, 0, ...ls.slice(i, i + int(r, 1, 4)))),
  swapLines: (t, r) =>
    atLine(t, r, (ls, i) => {
      const j = int(r, 0, ls.length - 1);
      [ls[i], ls[j]] = [ls[j], ls[i]];
    }),
  reindentLine: (t, r) => atLine(t, r, (ls, i) => (ls[i] = ' '.repeat(int(r, 0, 9)) + ls[i].trimStart())),
  truncate: (t, r) => t.slice(0, int(r, 0, t.length)),
  junk: (t, r) => {
    let s = t;
    for (let k = int(r, 1, 5); k > 0; k--) s = insertAt(s, r, pick(r, JUNK));
    return s;
  },
  longPlainLine: (t, r) => insertLine(t, r, `x-long: ${'word '.repeat(int(r, 2000, 3000))}`),
  longQuotedLine: (t, r) => insertLine(t, r, `x-long: "${'quoted \\" text '.repeat(int(r, 700, 1000))}"`),
  spacePrefix: (t, r) => atLine(t, r, (ls, i) => (ls[i] = ' '.repeat(10_000) + ls[i])),
  spaceLine: (t, r) => insertLine(t, r, `${' '.repeat(10_000)}x: 1`),
  longFlowList: (t, r) =>
    insertLine(t, r, `x-list: [${Array.from({ length: 2500 }, (_, i) => `item${i}`).join(', ')}]`),
  retypeScalar: (t, r) =>
    t.replace(/: ([^\s#][^\n#]*)/g, (m, v) =>
      r() < 0.15
        ? `: ${pick(r, ['1e309', '.nan', '-.inf', '!!binary aGVsbG8=', '!Ref x', '"unterminated', "'open", '0x1F', '~', '2026-13-45', `${v}"`])}`
        : m,
    ),
  nearMissKey: (t, r) =>
    atLine(t, r, (ls, i) => {
      const m = /^(\s*-?\s*)([a-z_]+)(:.*)$/.exec(ls[i]);
      if (!m || m[2].length < 3) return;
      const k = m[2];
      const j = int(r, 0, k.length - 2);
      const near = pick(r, [
        k.slice(0, j) + k[j + 1] + k[j] + k.slice(j + 2),
        k.slice(0, j) + k.slice(j + 1),
        k.toUpperCase(),
        `${k}s`,
      ]);
      ls[i] = m[1] + near + m[3];
    }),
  anchors: (t, r) => {
    const forms = [
      'x-before: *anc\nx-def: &anc {a: 1}\n',
      'x-def: &anc [1, 2]\nx-after: *anc\n',
      'x-undef: *nowhere\n',
      'x-d1: &dup 1\nx-d2: &dup 2\nx-use: *dup\n',
      'x-k: &key name\nx-map: {*key : value}\n',
      'x-self: &a [1, *a]\n',
      'x-selfmap: &m {self: *m}\n',
      'x-chain: &c0 {v: 1}\nx-chain1: &c1 {v: *c0, w: *c0}\nx-chain2: &c2 {v: *c1, w: *c1}\n',
    ];
    return insertLine(t, r, pick(r, forms).trimEnd());
  },
  aliasBombTop: (t) => bomb('x-') + t,
  aliasBombUnderKey: (t, r) =>
    atLine(t, r, (ls, i) => {
      if (!/^\S[^:]*:\s*$/.test(ls[i])) return;
      ls.splice(i + 1, 0, bomb('x-', '  ').trimEnd());
    }),
  aliasBombXKey: (t) => `${t}\nx-bomb:\n${bomb('k', '  ')}`,
  deepFlow: (t, r) => insertLine(t, r, `x-deep: ${'['.repeat(500)}${']'.repeat(500)}`),
  deepFlowMap: (t, r) => insertLine(t, r, `x-deep: ${'{a: '.repeat(500)}1${'}'.repeat(500)}`),
  deepBlock: (t) => {
    let s = '\nx-deep:\n';
    for (let i = 1; i <= 500; i++) s += `${' '.repeat(i)}k${i}:\n`;
    return t + s;
  },
  fiveMb: (t) => {
    const parts = [t, '\nx-notes:\n'];
    let n = t.length;
    for (let i = 0; n < 5 * 1024 * 1024; i++) {
      const l = `  - note ${i} lorem ipsum dolor sit amet, consectetur adipiscing elit\n`;
      parts.push(l);
      n += l.length;
    }
    return parts.join('');
  },
  secondDocument: (t, r) => `${t}\n---\n${t.slice(0, int(r, 0, 400))}`,
  directives: (t, r) =>
    `${pick(r, ['%YAML 1.2', '%YAML 1.1', '%TAG !e! tag:example.com,2000:', '%FOO bar'])}\n---\n${t}`,
  documentEnd: (t, r) => insertLine(t, r, '...'),
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  crOnly: (t) => t.replace(/\n/g, '\r'),
  mixedEol: (t, r) => t.replace(/\n/g, () => pick(r, ['\n', '\r\n', '\r'])),
  empty: (_t, r) => pick(r, ['', '\n', '   ', '# only a comment\n', '---\n', '...\n', '~\n', '[]\n', '{}\n']),
  complexKeys: (t, r) =>
    insertLine(
      t,
      r,
      pick(r, [
        '? [a, b]\n: value',
        '~: null key',
        '1: numeric key',
        '? {a: 1}\n: x',
        'x-m: &base {p: 1}\nx-n:\n  <<: *base\n  q: 2',
        'x-n2: {<<: [*nope], q: 1}',
      ]),
    ),
  indentBlock: (t, r) =>
    atLine(t, r, (ls, i) => {
      const ind = indentOf(ls[i]);
      for (let k = i; k < Math.min(ls.length, i + int(r, 2, 10)); k++) ls[k] = ind + ls[k];
    }),
};
const NAMES = Object.keys(MUTATIONS);
// the heavy classes are rarer (a 5 MB doc per iteration would make the run about transfer)
const WEIGHT = { fiveMb: 0.15, aliasBombTop: 0.5, aliasBombXKey: 0.5, aliasBombUnderKey: 0.5, empty: 0.4 };

function mutate(text, r) {
  const applied = [];
  let t = text;
  for (let k = int(r, 1, 3); k > 0; k--) {
    let name;
    do name = pick(r, NAMES);
    while (r() > (WEIGHT[name] ?? 1));
    t = MUTATIONS[name](t, r);
    applied.push(name);
  }
  return { text: t, applied };
}

// ------------------------------------------------------------------------------------------ positions
function lineStarts(text) {
  const s = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      s.push(i + 1);
    } else if (c === 10) s.push(i + 1);
  }
  return s;
}
function positionAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}
/** One incremental edit that turns `a` into `b` (common prefix and suffix kept; never splits a CRLF). */
function diffEdit(a, b) {
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  while (p > 0 && (a[p - 1] === '\r' || isLowSurrogate(a, p))) p--;
  while (s > 0 && (a[a.length - s] === '\n' || isLowSurrogate(a, a.length - s))) s--;
  const starts = lineStarts(a);
  return {
    range: { start: positionAt(starts, p), end: positionAt(starts, a.length - s) },
    text: b.slice(p, b.length - s),
  };
}
const isLowSurrogate = (t, i) => {
  const c = t.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

// ------------------------------------------------------------------------------------------ the server
class Server {
  constructor() {
    this.proc = spawn(process.execPath, [...SERVER_ARGV, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // every patched parse (an edit inside one value) is checked against a full parse; a difference is logged
      env: { ...process.env, MLSD_CHECK_REPARSE: '1' },
    });
    this.exited = null;
    this.stderr = '';
    this.logErrors = [];
    this.diagWaiters = [];
    this.peakKb = 0;
    this.proc.stderr.on('data', (d) => {
      if (this.stderr.length < 20_000) this.stderr += String(d);
    });
    this.proc.on('exit', (code, signal) => {
      this.exited = { code, signal };
      for (const w of this.diagWaiters) w.reject(new Error('server exited'));
      this.diagWaiters = [];
    });
    this.conn = rpc.createMessageConnection(
      new rpc.StreamMessageReader(this.proc.stdout),
      new rpc.StreamMessageWriter(this.proc.stdin),
    );
    this.conn.onError(() => undefined);
    this.conn.onClose(() => undefined);
    this.conn.onNotification('window/logMessage', (p) => {
      if (p.type === 1) this.logErrors.push(p.message);
    });
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      this.diagWaiters = this.diagWaiters.filter((w) => {
        if (w.uri === p.uri && w.version === p.version) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/applyEdit', () => ({ applied: true }));
    this.conn.listen();
  }
  async initialize() {
    const rootUri = pathToFileURL(os.tmpdir()).href;
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'fuzz' }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        },
      },
      initializationOptions: {},
    });
    this.conn.sendNotification('initialized', {});
  }
  sampleRss() {
    try {
      const s = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const m = /VmHWM:\s+(\d+)/.exec(s);
      if (m) this.peakKb = Math.max(this.peakKb, Number(m[1]));
    } catch {
      // not Linux, or the process is gone
    }
  }
  waitDiagnostics(uri, version, ms) {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.diagWaiters = this.diagWaiters.filter((w) => w !== waiter);
        reject(new Error('timeout'));
      }, ms);
      const waiter = {
        uri,
        version,
        resolve: (p) => {
          clearTimeout(t);
          resolve(p);
        },
        reject: (e) => {
          clearTimeout(t);
          reject(e);
        },
      };
      this.diagWaiters.push(waiter);
    });
  }
  async stop() {
    this.sampleRss();
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
    if (!this.exited) this.proc.kill('SIGKILL');
    this.conn.dispose();
  }
}

/** Sends a request with a 10 s timeout; `cancelAfter` ≥ 0 cancels it after that many ms. */
function timed(server, method, params, cancelAfter = -1) {
  const src = new rpc.CancellationTokenSource();
  const t0 = performance.now();
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ method, outcome: 'timeout', ms: REQUEST_TIMEOUT_MS }), REQUEST_TIMEOUT_MS);
  });
  if (cancelAfter === 0) queueMicrotask(() => src.cancel());
  else if (cancelAfter > 0) setTimeout(() => src.cancel(), cancelAfter);
  const req = server.conn.sendRequest(method, params, src.token).then(
    () => ({ method, outcome: 'ok', ms: performance.now() - t0 }),
    (e) => {
      const code = e?.code;
      if (code === CANCELLED || code === CONTENT_MODIFIED)
        return { method, outcome: 'cancelled', ms: performance.now() - t0 };
      return { method, outcome: 'error', ms: performance.now() - t0, detail: `${code}: ${e?.message}` };
    },
  );
  return Promise.race([req, timeout]).finally(() => clearTimeout(timer));
}

// ------------------------------------------------------------------------------------------ the run
const stats = {
  iterations: 0,
  crashes: 0,
  hangs: 0,
  timeouts: 0,
  errors: 0,
  loggedErrors: 0,
  cliRuns: 0,
  cliFailures: 0,
  cancelled: 0,
  latencies: {},
  peakRssMb: 0,
  /** the iterations during which the server's peak RSS rose most (what holds the memory) */
  rssRises: [],
  failures: [],
  /** the iterations whose slowest answer took longest: where to look for the next budget */
  slowest: [],
};
const record = (m, ms) => (stats.latencies[m] ??= []).push(ms);

function saveFailure(iter, text, reasons, applied) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const base = REPLAY ? path.basename(REPLAY).replace(/\.mlsd\.yaml$/, '') : `seed${SEED}-iter${iter}`;
  const file = path.join(OUT_DIR, `${base}.mlsd.yaml`);
  if (!REPLAY) fs.writeFileSync(file, text);
  const replay = `node scripts/fuzz.mjs --replay ${path.relative(ROOT, file)}`;
  fs.writeFileSync(
    path.join(OUT_DIR, `${base}.txt`),
    `mutations: ${applied.join(', ')}\n${reasons.join('\n')}\nreplay: ${replay}\n`,
  );
  stats.failures.push({ iteration: iter, mutations: applied, reasons, file: path.relative(ROOT, file), replay });
}

async function driveServer(server, iter, original, text, r, applied) {
  const reasons = [];
  const uri = `file:///fuzz/doc-${iter}.mlsd.yaml`;
  server.conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'mlsd', version: 1, text: original },
  });
  // the mutant as one incremental edit, then a keystroke typed and removed
  let version = 1;
  const edit = diffEdit(original, text);
  server.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: ++version },
    contentChanges: [edit],
  });
  const starts = lineStarts(text);
  const at = int(r, 0, text.length);
  const p = positionAt(starts, at);
  server.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: ++version },
    contentChanges: [{ range: { start: p, end: p }, text: 'x' }],
  });
  server.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: ++version },
    contentChanges: [{ range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: '' }],
  });
  const t0 = performance.now();
  const diags = server.waitDiagnostics(uri, version, REQUEST_TIMEOUT_MS).then(
    () => ({ method: 'diagnostics', outcome: 'ok', ms: performance.now() - t0 }),
    (e) => ({ method: 'diagnostics', outcome: e.message === 'timeout' ? 'timeout' : 'error', detail: e.message }),
  );
  const pos = () => positionAt(starts, int(r, 0, text.length));
  const end = positionAt(starts, text.length);
  const doc = { uri };
  const burst = [
    ['textDocument/completion', { textDocument: doc, position: pos() }],
    ['textDocument/hover', { textDocument: doc, position: pos() }],
    ['textDocument/definition', { textDocument: doc, position: pos() }],
    ['textDocument/documentSymbol', { textDocument: doc }],
    ['textDocument/foldingRange', { textDocument: doc }],
    [
      'textDocument/codeAction',
      { textDocument: doc, range: { start: pos(), end: pos() }, context: { diagnostics: [] } },
    ],
    ['textDocument/inlayHint', { textDocument: doc, range: { start: { line: 0, character: 0 }, end } }],
  ].map(([m, params]) => timed(server, m, params, r() < 0.2 ? int(r, 0, 3) : -1));
  // the ping: a cheap request that must be answered while the burst is computed
  const ping = timed(server, 'textDocument/foldingRange', { textDocument: { uri: 'file:///fuzz/ping.mlsd.yaml' } });
  const results = await Promise.all([...burst, ping.then((x) => ({ ...x, method: 'ping' })), diags]);
  server.sampleRss();
  const worst = results.reduce((a, x) => (x.outcome === 'ok' && x.ms > (a?.ms ?? -1) ? x : a), undefined);
  if (worst) {
    stats.slowest.push({ iteration: iter, method: worst.method, ms: Math.round(worst.ms), mutations: applied });
    stats.slowest.sort((a, b) => b.ms - a.ms);
    stats.slowest.length = Math.min(stats.slowest.length, 5);
  }
  for (const x of results) {
    if (x.outcome === 'ok') record(x.method, x.ms);
    else if (x.outcome === 'cancelled') stats.cancelled++;
    else if (x.outcome === 'timeout') {
      if (x.method === 'ping') {
        stats.hangs++;
        reasons.push('hang: no answer to a ping within 10 s');
      } else {
        stats.timeouts++;
        reasons.push(`timeout: ${x.method}`);
      }
    } else if (x.outcome === 'error') {
      if (server.exited) continue;
      stats.errors++;
      reasons.push(`error response: ${x.method}: ${x.detail}`);
    }
  }
  if (server.logErrors.length) {
    stats.loggedErrors += server.logErrors.length;
    reasons.push(...server.logErrors.map((m) => `server logged: ${m.split('\n').slice(0, 3).join(' | ')}`));
    server.logErrors = [];
  }
  if (server.exited) {
    stats.crashes++;
    reasons.push(`crash: server exited (${JSON.stringify(server.exited)}): ${server.stderr.slice(-500)}`);
  } else {
    server.conn.sendNotification('textDocument/didClose', { textDocument: doc });
  }
  return reasons;
}

function driveCli(text, work) {
  const file = path.join(work, 'mutant.mlsd.yaml');
  fs.writeFileSync(file, text);
  const t0 = performance.now();
  const res = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', file], {
    cwd: work,
    encoding: 'utf8',
    timeout: REQUEST_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  stats.cliRuns++;
  record('cli', performance.now() - t0);
  if (res.error?.code === 'ETIMEDOUT') return ['cli: timeout (10 s)'];
  if (res.status !== 0 && res.status !== 1)
    return [`cli: exit ${res.status ?? res.signal}: ${res.stderr.slice(0, 300)}`];
  try {
    JSON.parse(res.stdout);
  } catch {
    return ['cli: output is not JSON'];
  }
  return [];
}

const pct = (xs, q) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function main() {
  const examples = fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.mlsd.yaml'))
    .sort()
    .map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-fuzz-'));
  fs.mkdirSync(path.join(work, '.git')); // the config search stops here
  const r = mulberry32(SEED);
  const started = performance.now();
  let server = new Server();
  await server.initialize();
  const total = REPLAY ? 1 : ITERATIONS;
  for (let iter = 0; iter < total; iter++) {
    if (TIME_LIMIT_S > 0 && performance.now() - started > TIME_LIMIT_S * 1000) break;
    const original = examples[iter % examples.length];
    const m = REPLAY ? { text: fs.readFileSync(REPLAY, 'utf8'), applied: ['replay'] } : mutate(original, r);
    const before = server.peakKb;
    const reasons = await driveServer(server, iter, original, m.text, r, m.applied);
    if (server.peakKb - before >= 5 * 1024)
      stats.rssRises.push({
        iteration: iter,
        mutations: m.applied,
        mb: Math.round(server.peakKb / 1024),
        by: Math.round((server.peakKb - before) / 1024),
      });
    if (CLI_EVERY > 0 && (REPLAY || iter % CLI_EVERY === 0)) {
      const cli = driveCli(m.text, work);
      if (cli.length) stats.cliFailures++;
      reasons.push(...cli);
    }
    stats.iterations++;
    if (reasons.length) saveFailure(iter, m.text, reasons, m.applied);
    // a fresh server after a hang or timeout, so the next mutant's figures are its own
    if (server.exited || reasons.some((x) => x.startsWith('hang') || x.startsWith('timeout'))) {
      stats.peakRssMb = Math.max(stats.peakRssMb, server.peakKb / 1024);
      await server.stop();
      server = new Server();
      await server.initialize();
    }
    if (!JSON_OUT && (iter + 1) % 100 === 0)
      process.stderr.write(`fuzz: ${iter + 1} iterations, ${stats.failures.length} failing\n`);
  }
  await server.stop();
  stats.peakRssMb = Math.max(stats.peakRssMb, server.peakKb / 1024);
  fs.rmSync(work, { recursive: true, force: true });
  const elapsedS = (performance.now() - started) / 1000;
  const methods = Object.fromEntries(
    Object.entries(stats.latencies).map(([k, xs]) => [
      k,
      { n: xs.length, p50: pct(xs, 0.5), p95: pct(xs, 0.95), max: Math.max(...xs) },
    ]),
  );
  const summary = { seed: SEED, elapsedS, ...stats, latencies: undefined, methods };
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    console.log(
      `seed ${SEED}: ${stats.iterations} iterations in ${elapsedS.toFixed(1)} s; crashes ${stats.crashes}, hangs ${stats.hangs}, timeouts ${stats.timeouts}, error responses ${stats.errors}, server-logged errors ${stats.loggedErrors}, CLI runs ${stats.cliRuns} (${stats.cliFailures} failing); ${stats.cancelled} requests cancelled; peak RSS ${stats.peakRssMb.toFixed(0)} MB`,
    );
    console.log(
      ['method'.padEnd(30), 'n'.padStart(6), 'p50 ms'.padStart(9), 'p95 ms'.padStart(9), 'max ms'.padStart(9)].join(''),
    );
    for (const [k, v] of Object.entries(methods))
      console.log(
        [
          k.padEnd(30),
          String(v.n).padStart(6),
          v.p50.toFixed(1).padStart(9),
          v.p95.toFixed(1).padStart(9),
          v.max.toFixed(1).padStart(9),
        ].join(''),
      );
    for (const x of [...stats.rssRises].sort((a, b) => b.by - a.by).slice(0, 8))
      console.log(`peak RSS rose by ${x.by} MB to ${x.mb} MB at iteration ${x.iteration} [${x.mutations.join(', ')}]`);
    for (const w of stats.slowest)
      console.log(`slowest: iteration ${w.iteration} [${w.mutations.join(', ')}]: ${w.method} ${w.ms} ms`);
    for (const f of stats.failures.slice(0, 20))
      console.log(`FAIL iteration ${f.iteration} [${f.mutations.join(', ')}]: ${f.reasons[0]}\n  ${f.replay}`);
  }
  process.exit(stats.failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`fuzz: ${e?.stack ?? e}`);
  process.exit(2);
});
