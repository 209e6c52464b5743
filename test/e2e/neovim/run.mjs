#!/usr/bin/env node
// Neovim check: headless Neovim's built-in LSP client (Debian's neovim, >= 0.7) drives the mlsd language
// server over stdio on the e2e fixture (init.lua next to this file does the editor side).
// Prints `ok - …` / `not ok - …` per check and exits 1 on any failure. Needs `npm run build` (dist/server.js).
// Env: MLSD_NVIM_SERVER to test another server script; MLSD_NVIM_TIMEOUT_MS per wait inside Neovim.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
const FIXTURE = path.join(ROOT, 'test', 'e2e', 'workspace', 'sample.mlsd.yaml');
const EXPECT_CODES = ['MLSD102']; // the fixture serves online without a latency requirement
const EXPECT_COMPLETION = ['ranking']; // completion after `task_type: ` offers task types
const HARD_TIMEOUT_MS = 45_000;

let failed = 0;
const check = (name, ok, detail = '') => {
  if (!ok) failed += 1;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? `${ok ? ' (' : ': '}${detail}${ok ? ')' : ''}` : ''}`);
};

const nvimVersion = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000 });
if (nvimVersion.status !== 0) {
  check('neovim available', false, 'nvim not found (apt-get install neovim; scripts/e2e/setup.sh does it)');
  process.exit(1);
}
if (!process.env.MLSD_NVIM_SERVER && !fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) {
  check('server built', false, 'dist/server.js missing (npm run build)');
  process.exit(1);
}

// own process group (detached): the language server is nvim's child, so killing the group stops both
const child = spawn('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-u', path.join(HERE, 'init.lua'), FIXTURE], {
  cwd: ROOT,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, MLSD_REPO: ROOT },
});
let out = '';
child.stdout.on('data', (d) => {
  out += d;
});
child.stderr.on('data', (d) => {
  out += d;
});
const killGroup = () => {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
};
process.on('exit', killGroup);
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    killGroup();
    process.exit(1);
  });
const timer = setTimeout(() => {
  out += `\n[nvim killed after ${HARD_TIMEOUT_MS} ms]`;
  killGroup();
}, HARD_TIMEOUT_MS);
const code = await new Promise((resolve) => child.on('close', (c) => resolve(c)));
clearTimeout(timer);
killGroup();

const line = out.split('\n').find((l) => l.startsWith('MLSD-NVIM-RESULT '));
if (!line) {
  check('neovim ran the LSP session', false, `exit ${code}: ${out.trim().split('\n').slice(-5).join(' | ')}`);
  process.exit(1);
}
const r = JSON.parse(line.slice('MLSD-NVIM-RESULT '.length));
const codes = r.diagnostics.map((d) => String(d.code));
check(
  `nvim ${r.nvim}: diagnostics arrive from the server`,
  r.diagnostics_arrived && r.diagnostics.length > 0,
  `${r.diagnostics.length} diagnostics`,
);
check(
  'diagnostics have source mlsd and MLSDnnn codes',
  r.diagnostics.length > 0 && r.diagnostics.every((d) => d.source === 'mlsd' && /^MLSD\d{3}$/.test(String(d.code))),
  codes.join(', '),
);
for (const c of EXPECT_CODES) check(`diagnostics include ${c}`, codes.includes(c), codes.join(', '));
const labels = r.completion.labels ?? [];
check(
  `completion at ${r.completion.line}:${r.completion.character} offers ${EXPECT_COMPLETION.join(', ')}`,
  !r.completion.error && EXPECT_COMPLETION.every((l) => labels.includes(l)),
  r.completion.error
    ? String(r.completion.error)
    : `${labels.length} items: ${labels.slice(0, 8).join(', ')}${labels.length > 8 ? ', …' : ''}`,
);
process.exit(failed ? 1 : 0);
