#!/usr/bin/env node
// `npm run test:electron`: the same extension-host suite (out/test/e2e/suite/index.js) run by
// @vscode/test-electron in desktop VS Code, for machines that can download VS Code (it fetches a build from
// update.code.visualstudio.com into .vscode-test/). On machines without that access this fails at the download
// (getaddrinfo ENOTFOUND update.code.visualstudio.com) — use `npm run test:e2e` (code-server) there.
// Env: MLSD_VSCODE_VERSION (default: stable; the minimum supported is 1.100.3), MLSD_E2E_GREP.
// On a headless Linux box run it under xvfb-run.
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const script of ['build', 'compile-tests']) {
  const r = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
  if (r.status !== 0 && script === 'build') process.exit(r.status ?? 1);
}
try {
  await runTests({
    version: process.env.MLSD_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js'),
    launchArgs: [
      path.join(ROOT, 'test', 'e2e', 'workspace'),
      '--disable-extensions',
      '--skip-welcome',
      '--disable-workspace-trust',
    ],
    extensionTestsEnv: process.env.MLSD_E2E_GREP ? { MLSD_E2E_GREP: process.env.MLSD_E2E_GREP } : {},
  });
  console.log('test:electron: passed');
} catch (e) {
  console.error(`test:electron: failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
