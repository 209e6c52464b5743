// Side by side over stdio: this server (dist/server.js, `*.mlsd.yaml` as languageId mlsd) and Red Hat's
// yaml-language-server (the pinned devDependency, fed schemas/mlsd.schema.json through `yaml.schemas`), on
// the same generated docs (bench-scale's deterministic generator). Per size and server: start (spawn →
// initialize answered), cold open (didOpen → first diagnostics), edit → diagnostics (raw; ours also net of
// its adaptive debounce), completion p50/p95, hover and documentSymbol medians, peak RSS (VmHWM), and the
// floor (`yaml`'s parseDocument of the same text). Used by scripts/bench.mjs; exports run and print.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDoc } from './bench-scale.mjs';
import { serverArgv } from './server-argv.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const TIMEOUT_MS = 120_000;
/** a fresh process's first parse of a file (argv: yaml's path, the file), in ms */
const COLD_FLOOR = `const t = performance.now(); const y = require(process.argv[1]);
y.parseDocument(require('fs').readFileSync(process.argv[2], 'utf8'), { uniqueKeys: false });
process.stdout.write(String(performance.now() - t));`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const now = () => performance.now();
const within = (p, what) =>
  Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(`timeout: ${what}`)), TIMEOUT_MS))]);

class Client {
  constructor(argv, settings) {
    this.proc = spawn(process.execPath, argv, { stdio: ['pipe', 'pipe', 'ignore'] });
    this.peakKb = 0;
    this.waiters = [];
    this.conn = rpc.createMessageConnection(
      new rpc.StreamMessageReader(this.proc.stdout),
      new rpc.StreamMessageWriter(this.proc.stdin),
    );
    this.conn.onError(() => undefined);
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const ws = this.waiters;
      this.waiters = [];
      for (const w of ws)
        if (w.uri === p.uri) w.resolve(p);
        else this.waiters.push(w);
    });
    this.conn.onRequest('workspace/configuration', (p) =>
      p.items.map((i) => (i.section ? (i.section.split('.').reduce((o, k) => o?.[k], settings) ?? null) : settings)),
    );
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    // ours reports each validation's analysis time: the debounce before the next one is derived from it
    this.conn.onNotification('mlsd/status', (p) => {
      if (typeof p?.elapsedMs === 'number') this.lastElapsedMs = p.elapsedMs;
    });
    this.conn.onNotification(() => undefined);
    this.conn.listen();
    this.settings = settings;
  }
  nextDiagnostics(uri) {
    return new Promise((resolve) => this.waiters.push({ uri, resolve }));
  }
  async initialize(root) {
    const rootUri = pathToFileURL(root).href;
    await within(
      this.conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: {
            publishDiagnostics: { relatedInformation: true },
            documentSymbol: { hierarchicalDocumentSymbolSupport: true },
            completion: { completionItem: { snippetSupport: true } },
            hover: { contentFormat: ['markdown', 'plaintext'] },
          },
        },
        initializationOptions: { status: true },
      }),
      'initialize',
    );
    this.conn.sendNotification('initialized', {});
    this.conn.sendNotification('workspace/didChangeConfiguration', { settings: this.settings });
  }
  sampleRss() {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
      if (m) this.peakKb = Math.max(this.peakKb, Number(m[1]));
    } catch {
      // exited
    }
  }
  async close() {
    this.sampleRss();
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    // the next measurement starts once this server is gone (a server still exiting takes a core)
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      const exited = new Promise((resolve) => this.proc.once('exit', resolve));
      const killer = setTimeout(() => this.proc.kill(), 2000);
      await exited;
      clearTimeout(killer);
    }
  }
}

/** The line and column of the first `      kind: ` of the generated sources: completion and hover land there. */
function probe(text) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('      kind: '));
  return { line, valueChar: '      kind: '.length, keyChar: 8, descLine: line + 1 };
}

async function measure(server, text, root, samples) {
  const file = path.join(root, `doc${text.length}.mlsd.yaml`);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const t0 = now();
  const c = new Client(server.argv, server.settings);
  const r = { server: server.name };
  try {
    await c.initialize(root);
    r.start = now() - t0;
    const first = c.nextDiagnostics(uri);
    const t1 = now();
    c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: server.languageId, version: 1, text },
    });
    await within(first, 'first diagnostics');
    r.cold = now() - t1;
    c.sampleRss();
    const p = probe(text);
    const edits = [];
    const nets = [];
    for (let v = 2; v < 2 + samples; v++) {
      const delay = c.lastElapsedMs === undefined ? undefined : debounceOf(c.lastElapsedMs);
      const next = c.nextDiagnostics(uri);
      const t = now();
      // one character typed in a description (a value change, as a typist makes)
      c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [
          {
            range: { start: { line: p.descLine, character: 20 }, end: { line: p.descLine, character: 21 } },
            text: v % 2 ? 'g' : 'G',
          },
        ],
      });
      await within(next, 'edit diagnostics');
      edits.push(now() - t);
      if (delay !== undefined) nets.push(now() - t - delay);
      c.sampleRss();
    }
    r.edit = median(edits);
    if (nets.length) r.editNet = median(nets);
    const timeReq = async (method, params, n) => {
      const xs = [];
      for (let i = 0; i < n; i++) {
        const t = now();
        await within(c.conn.sendRequest(method, params), method);
        xs.push(now() - t);
      }
      c.sampleRss();
      return xs;
    };
    const td = { uri };
    const comp = await timeReq(
      'textDocument/completion',
      { textDocument: td, position: { line: p.line, character: p.valueChar } },
      samples * 4,
    );
    r.compP50 = median(comp);
    r.compP95 = pct(comp, 0.95);
    r.hover = median(
      await timeReq(
        'textDocument/hover',
        { textDocument: td, position: { line: p.line, character: p.keyChar } },
        samples,
      ),
    );
    r.symbols = median(await timeReq('textDocument/documentSymbol', { textDocument: td }, samples));
  } catch (err) {
    r.error = String(err?.message ?? err);
  }
  await c.close();
  // the next measurement's workspace holds only its own doc (ours lints the closed docs of the workspace)
  fs.rmSync(file, { force: true });
  r.rssMb = c.peakKb / 1024;
  return r;
}

export async function runLsp(root, sizes = [1_000, 3_000, 10_000, 50_000], samples = 5) {
  const yaml = require('yaml');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-bench-lsp-'));
  fs.mkdirSync(path.join(work, '.git'));
  const schema = pathToFileURL(path.join(root, 'schemas', 'mlsd.schema.json')).href;
  const servers = [
    { name: 'mlsd', argv: [...serverArgv(root), '--stdio'], languageId: 'mlsd', settings: {} },
    {
      name: 'yaml-ls',
      argv: [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio'],
      languageId: 'yaml',
      settings: {
        yaml: {
          schemas: { [schema]: ['*.mlsd.yaml'] },
          validate: true,
          hover: true,
          completion: true,
          maxItemsComputed: 5000,
        },
      },
    },
  ];
  const rows = [];
  try {
    for (const n of sizes) {
      const text = generateDoc(root, n);
      const fl = [];
      for (let i = 0; i < 3; i++) yaml.parseDocument(text, { uniqueKeys: false }); // warm
      for (let i = 0; i < 5; i++) {
        const t = now();
        yaml.parseDocument(text, { uniqueKeys: false });
        fl.push(now() - t);
      }
      // the floor as a cold open meets it: `yaml` loaded and its first parse, in a fresh process
      const docFile = path.join(work, `floor${n}.yaml`);
      fs.writeFileSync(docFile, text);
      const coldFl = [];
      for (let i = 0; i < 3; i++) {
        const out = spawnSync(process.execPath, ['-e', COLD_FLOOR, require.resolve('yaml'), docFile], {
          encoding: 'utf8',
        });
        coldFl.push(Number(out.stdout));
      }
      fs.rmSync(docFile);
      const row = { lines: text.split('\n').length, floor: median(fl), coldFloor: median(coldFl) };
      for (const s of servers) row[s.name] = await measure(s, text, work, samples);
      rows.push(row);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

/** ours' debounce after an edit (server.ts): the last analysis time, clamped to [30, 200] ms */
const debounceOf = (lastAnalysisMs) => Math.round(Math.min(200, Math.max(30, lastAnalysisMs)));

export function printLsp(rows) {
  const f = (x) => (x === undefined || Number.isNaN(x) ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const ratio = (a, b) => (a === undefined || b === undefined || !(b > 0) ? '-' : `${(a / b).toFixed(2)}×`);
  console.log(
    'side by side over stdio (median ms unless noted; ours = mlsd, theirs = yaml-language-server 1.25 with schemas/mlsd.schema.json)',
  );
  const head = ['lines', 'metric', 'ours', 'theirs', 'ours/theirs', 'floor', 'ours/floor'];
  const table = [head];
  for (const r of rows) {
    const o = r.mlsd;
    const t = r['yaml-ls'];
    const add = (metric, a, b, floor) =>
      table.push([
        String(r.lines),
        metric,
        f(a),
        f(b),
        ratio(a, b),
        floor === undefined ? '' : f(floor),
        floor === undefined ? '' : ratio(a, floor),
      ]);
    add('process start', o.start, t.start);
    add('cold open → diagnostics', o.cold, t.cold, r.floor);
    add('  the same, ÷ a cold parse', o.cold, t.cold, r.coldFloor);
    add('edit → diagnostics, raw', o.edit, t.edit);
    add('edit → diagnostics, net', o.editNet, t.edit, r.floor);
    add('completion p50', o.compP50, t.compP50);
    add('completion p95', o.compP95, t.compP95);
    add('hover', o.hover, t.hover);
    add('documentSymbol', o.symbols, t.symbols);
    add('peak RSS (MB)', o.rssMb, t.rssMb);
    if (o.error || t.error) table.push([String(r.lines), 'error', o.error ?? '', t.error ?? '', '', '', '']);
  }
  const widths = head.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const [k, row] of table.entries()) {
    console.log(row.map((c, i) => (i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(
    "floor = yaml's parseDocument of the same text, warm (median of 5 after 3 in this process); a cold parse = loading yaml and its first parse, in a fresh process. net = raw minus ours' debounce (the previous analysis time as the server reported it, clamped to [30, 200] ms); theirs' net is shown raw.",
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const sizesArg = process.argv.indexOf('--sizes');
  const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : undefined;
  printLsp(await runLsp(root, sizes));
}
