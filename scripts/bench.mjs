#!/usr/bin/env node
// Benchmarks `mlsd lint` as users run it (node bin/mlsd.js, the built bundle): every example, the flawed
// sample, and the bad inputs of issue 2 (generated here, never committed). Prints wall time (median of a
// few runs, node start-up included), the time inside the process, and peak RSS, as a table.
// Exits 1 when a bad input takes over 2,000 ms, peaks over 512 MB, or crashes the CLI.
// Run with `npm run bench` (builds first). `--runs N` sets the runs per case (default 3). First, the
// in-process scaling table of scripts/bench-scale.mjs (analysis vs `yaml`'s parseDocument at 1k–50k
// lines); `--no-scale` skips it. Then the side-by-side LSP table of scripts/bench-lsp.mjs (this server and
// yaml-language-server over stdio, 1k–50k lines; `--no-lsp` skips it, `--lsp-sizes 1000,3000` narrows it)
// and the CLI's throughput on 1,000 typical docs (the examples copied 100 times; `--no-throughput` skips it).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'mlsd.js');
const LIMIT_MS = 2000;
const LIMIT_RSS_MB = 512;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 3) : 3;

if (!process.argv.includes('--no-scale')) {
  if (fs.existsSync(path.join(ROOT, 'out/server/src/lint/engine.js'))) {
    const { runScale, printScale } = await import('./bench-scale.mjs');
    printScale(runScale(ROOT));
    console.log('');
  } else console.error('out/ is missing: run `npm run compile-tests` for the scaling table.');
}

if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
  console.error('dist/cli.js is missing: run `npm run build` (or `npm run bench`, which builds).');
  process.exit(2);
}

if (!process.argv.includes('--no-lsp')) {
  const { runLsp, printLsp } = await import('./bench-lsp.mjs');
  const arg = process.argv.indexOf('--lsp-sizes');
  printLsp(await runLsp(ROOT, arg > 0 ? process.argv[arg + 1].split(',').map(Number) : undefined));
  console.log('');
}

if (!process.argv.includes('--no-throughput')) {
  // `mlsd lint` on 1,000 typical docs, as CI runs it: worker threads (default) against one thread
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-bench-many-'));
  fs.mkdirSync(path.join(dir, '.git'));
  const ex = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => /\.mlsd\.ya?ml$/.test(f));
  let count = 0;
  for (let i = 0; count < 1000; i++)
    for (const f of ex)
      if (count++ < 1000) fs.copyFileSync(path.join(ROOT, 'examples', f), path.join(dir, `${i}-${f}`));
  const runMany = (workers) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', '.'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', ...(workers ? {} : { MLSD_WORKERS: '1' }) },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    return { wall, ok: r.status === 0 || r.status === 1, files: r.status <= 1 ? JSON.parse(r.stdout).length : 0 };
  };
  const one = runMany(false);
  const many = runMany(true);
  console.log(
    `CLI throughput: mlsd lint on ${many.files} docs (${ex.length} examples × ${Math.ceil(1000 / ex.length)}), ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}: ` +
      `${(many.wall / 1000).toFixed(2)} s with worker threads, ${(one.wall / 1000).toFixed(2)} s on one thread (${(one.wall / many.wall).toFixed(2)}×)`,
  );
  console.log('');
  fs.rmSync(dir, { recursive: true, force: true });
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-bench-'));
fs.mkdirSync(path.join(work, '.git')); // the config search stops here
const preload = path.join(work, 'preload.cjs');
fs.writeFileSync(
  preload,
  `const fs = require('fs');
const t0 = performance.now();
process.on('exit', () => {
  fs.writeFileSync(process.env.MLSD_BENCH_OUT, JSON.stringify({ ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS }));
});
`,
);

// ------------------------------------------------------------------------------------ the bad inputs
function aliasBomb() {
  let s = 'mlsd: 1\ntitle: laughs\nx-a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  for (let i = 1; i <= 9; i++)
    s += `x-a${i}: &a${i} [${Array(10)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  return s;
}
function fill(head, line, bytes) {
  const parts = [head];
  let n = head.length;
  for (let i = 0; n < bytes; i++) {
    const l = line(i);
    parts.push(l);
    n += l.length;
  }
  return parts.join('');
}
const junk = randomBytes(256 * 1024);
junk[10] = 0;

const bad = {
  'empty file': '',
  'top level is a list': '- mlsd: 1\n- title: a list\n',
  '5 MB doc': fill(
    'mlsd: 1\ntitle: big\nx-notes:\n',
    () => `  - ${'lorem ipsum dolor sit amet '.repeat(3)}\n`,
    5 * 1024 * 1024,
  ),
  'alias bomb (billion laughs)': aliasBomb(),
  'binary junk (256 KB)': junk,
  '10,000-character line': `mlsd: 1\ntitle: ${'x'.repeat(10_000)}\nlatncy: 1\n`,
  'syntax error mid-file':
    'mlsd: 1\ntitle: x\nrequirements:\n  business_objective: [unclosed\n  latncy: 200ms\nframing:\n  task_typo: ranking\n',
};
// the largest docs the engine still parses (just under its 500 KB / 5,000-line cap): gated too
const stress = {
  '480 KB doc, a list of strings': fill(
    'mlsd: 1\ntitle: big\nx-notes:\n',
    (i) => `  - item ${i} lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt\n`,
    480e3,
  ),
  '1,500 sources + 1,500 features referencing them':
    'mlsd: 1\ntitle: refs\ndata:\n  sources:\n' +
    Array.from({ length: 1500 }, (_, i) => `    - {id: s${i}, kind: logs}\n`).join('') +
    '  features:\n' +
    Array.from({ length: 1500 }, (_, i) => `    - {id: f${i}, source: s${i}}\n`).join(''),
  '4,900 lines of small flow mappings': fill(
    'mlsd: 1\ntitle: big\nrequirements:\n  business_objective: grow\n  x-items:\n',
    (i) => `    k${i}: {a: 1, b: [1, 2, 3], c: "text"}\n`,
    4_900 * 38,
  ),
};

const cases = [];
for (const f of fs
  .readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => /\.mlsd\.ya?ml$/.test(f))
  .sort()) {
  cases.push({ group: 'example', name: f, file: path.join(ROOT, 'examples', f) });
}
for (const f of fs.existsSync(path.join(ROOT, 'test/fixtures/flawed'))
  ? fs.readdirSync(path.join(ROOT, 'test/fixtures/flawed'))
  : []) {
  cases.push({ group: 'flawed', name: f, file: path.join(ROOT, 'test/fixtures/flawed', f) });
}
let n = 0;
for (const [group, set] of [
  ['bad input', bad],
  ['stress', stress],
]) {
  for (const [name, content] of Object.entries(set)) {
    const file = path.join(work, `case${n++}.mlsd.yaml`);
    fs.writeFileSync(file, content);
    cases.push({ group, name, file });
  }
}

// ----------------------------------------------------------------------------------------- measure
function once(file) {
  const out = path.join(work, 'measure.json');
  fs.rmSync(out, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', preload, BIN, 'lint', '--format', 'json', file], {
    cwd: work,
    env: { ...process.env, MLSD_BENCH_OUT: out, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  let inner = { ms: NaN, maxRssKb: NaN };
  try {
    inner = JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {
    // the process died before its exit hook
  }
  let findings = NaN;
  let rules = '';
  try {
    const res = JSON.parse(r.stdout);
    findings = res.reduce((a, x) => a + x.messages.length, 0);
    rules = [...new Set(res.flatMap((x) => x.messages.map((m) => m.ruleId)))].slice(0, 3).join(',');
  } catch {
    // not JSON: reported as a crash below
  }
  return { code: r.status, signal: r.signal, wallMs, inner, findings, rules, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
const failures = [];
for (const c of cases) {
  const size = fs.statSync(c.file).size;
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(once(c.file));
  const last = runs[runs.length - 1];
  const wall = median(runs.map((r) => r.wallMs));
  const inner = median(runs.map((r) => r.inner.ms));
  const rssMb = Math.max(...runs.map((r) => r.inner.maxRssKb)) / 1024;
  const crashed = runs.some((r) => (r.code !== 0 && r.code !== 1) || Number.isNaN(r.findings));
  const row = {
    ...c,
    size,
    wall,
    inner,
    rssMb,
    findings: last.findings,
    rules: last.rules,
    code: last.code,
    crashed,
    note: '',
  };
  if (c.group === 'bad input') {
    if (crashed) failures.push(`${c.name}: exit ${last.code ?? last.signal}: ${last.stderr.split('\n')[0]}`);
    if (wall > LIMIT_MS) failures.push(`${c.name}: ${wall.toFixed(0)} ms > ${LIMIT_MS} ms`);
    if (rssMb > LIMIT_RSS_MB) failures.push(`${c.name}: peak RSS ${rssMb.toFixed(0)} MB > ${LIMIT_RSS_MB} MB`);
    if (!crashed && !(last.findings > 0)) failures.push(`${c.name}: no finding`);
    row.note = crashed ? 'CRASH' : wall > LIMIT_MS || rssMb > LIMIT_RSS_MB ? 'OVER LIMIT' : 'ok';
  } else if (crashed) {
    failures.push(`${c.name}: exit ${last.code ?? last.signal}: ${last.stderr.split('\n')[0]}`);
    row.note = 'CRASH';
  } else if (c.group === 'stress' && (wall > LIMIT_MS || rssMb > LIMIT_RSS_MB)) {
    failures.push(`${c.name}: ${wall.toFixed(0)} ms, peak RSS ${rssMb.toFixed(0)} MB`);
    row.note = 'OVER LIMIT';
  }
  rows.push(row);
}

// ------------------------------------------------------------------------------------------- report
const fmtSize = (b) =>
  b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : b >= 1024 ? `${(b / 1024).toFixed(1)} KB` : `${b} B`;
const table = [
  ['group', 'case', 'size', 'wall ms', 'in-proc ms', 'peak RSS', 'findings', 'first rules', 'exit', ''],
  ...rows.map((r) => [
    r.group,
    r.name,
    fmtSize(r.size),
    r.wall.toFixed(0),
    Number.isNaN(r.inner) ? '-' : r.inner.toFixed(0),
    Number.isNaN(r.rssMb) ? '-' : `${r.rssMb.toFixed(0)} MB`,
    String(r.findings),
    r.rules,
    String(r.code),
    r.note,
  ]),
];
const right = new Set([2, 3, 4, 5, 6, 8]);
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) =>
  row
    .map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
    .join('  ')
    .trimEnd();
console.log(
  `mlsd lint benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, median of ${RUNS} run(s); wall includes node start-up`,
);
console.log(line(table[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table.slice(1)) console.log(line(row));

fs.rmSync(work, { recursive: true, force: true });
if (failures.length) {
  console.error(
    `\nFAIL: bad inputs must finish within ${LIMIT_MS} ms and ${LIMIT_RSS_MB} MB with a finding:\n  ${failures.join('\n  ')}`,
  );
  process.exitCode = 1;
} else {
  console.log(`\nok: every bad input finished within ${LIMIT_MS} ms and ${LIMIT_RSS_MB} MB with a finding.`);
}
