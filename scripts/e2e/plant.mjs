#!/usr/bin/env node
// A planted failure for the end-to-end tests: a copy of the built language server (dist/server.js) in which
// one rule never reports, as if its diagnostic had been removed. The e2e run must then fail.
//
//   MLSD_E2E_PLANT=MLSD303 node test/e2e/run.mjs      # run.mjs plants it in every suite (see test/e2e/README.md)
//   node scripts/e2e/plant.mjs --verify [MLSD303] [run.mjs args…]   # `npm run test:e2e:plant`: runs the planted
//                                                     # e2e run (default `--only host`) and exits 0 only if it FAILED
//                                                     # on checks (not on the build or the infrastructure)
//   node scripts/e2e/plant.mjs MLSD303 [out-dir]      # only build the planted extension folder and print its path
//
// How: in the esbuild bundle (plain or minified) each rule is an object `{ meta: { id: "MLSDnnn", … }, check(…) { … } }`;
// the copy gets `return;` as the first statement of that rule's `check`. Everything else is the real build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The server bundle's text with rule `code`'s check emptied; throws when the rule is not found. */
export function plantedServerText(serverText, code) {
  if (!/^MLSD\d{3}$/.test(code)) throw new Error(`MLSD_E2E_PLANT: "${code}" is not a rule id (MLSDnnn)`);
  // `id: "MLSD303"` in a plain build, `id:"MLSD303"` in a minified (--production) one
  const meta = new RegExp(`\\bid:\\s*"${code}"`).exec(serverText);
  if (!meta) throw new Error(`MLSD_E2E_PLANT: rule ${code} not found in the server bundle`);
  const at = meta.index;
  const check = /\bcheck\(([^)]*)\)\s*\{/g;
  check.lastIndex = at;
  const m = check.exec(serverText);
  if (!m || m.index - at > 4000) throw new Error(`MLSD_E2E_PLANT: no check() found after rule ${code}'s meta`);
  const end = m.index + m[0].length;
  return `${serverText.slice(0, end)} return; /* planted by scripts/e2e/plant.mjs: ${code} removed */${serverText.slice(end)}`;
}

/** Writes a planted copy of `serverJs` to `outJs`. */
export function plantServer(serverJs, outJs, code) {
  const text = plantedServerText(fs.readFileSync(serverJs, 'utf8'), code);
  fs.mkdirSync(path.dirname(outJs), { recursive: true });
  fs.writeFileSync(outJs, text.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'));
}

/**
 * An extension folder like the repository (for extensionDevelopmentPath): links to the repository's files,
 * its own dist/ with the real client and the planted server. Returns the folder.
 */
export function plantExtension(code, outDir = path.join(ROOT, '.e2e', 'plant', code)) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'dist'), { recursive: true });
  for (const name of fs.readdirSync(ROOT)) {
    if (['dist', '.e2e', '.git', 'out', 'test-results', 'node_modules'].includes(name)) continue;
    fs.symlinkSync(path.join(ROOT, name), path.join(outDir, name));
  }
  fs.symlinkSync(path.join(ROOT, 'dist', 'client.js'), path.join(outDir, 'dist', 'client.js'));
  // the rule list of Show Rule Documentation (written by the build next to the bundles)
  if (fs.existsSync(path.join(ROOT, 'dist', 'rules.json')))
    fs.symlinkSync(path.join(ROOT, 'dist', 'rules.json'), path.join(outDir, 'dist', 'rules.json'));
  plantServer(path.join(ROOT, 'dist', 'server.js'), path.join(outDir, 'dist', 'server.js'), code);
  return outDir;
}

/** Runs test/e2e/run.mjs with the plant; resolves to the exit code this script should have (0 = it failed as it must). */
function verify(code, args) {
  return new Promise((resolve) => {
    const runArgs = args.length ? args : ['--only', 'host'];
    console.log(`# negative control: the e2e run with rule ${code} removed (run.mjs ${runArgs.join(' ')}) must fail`);
    const child = spawn(process.execPath, [path.join(ROOT, 'test', 'e2e', 'run.mjs'), ...runArgs], {
      cwd: ROOT,
      env: { ...process.env, MLSD_E2E_PLANT: code },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (rc) => {
      const failed = out.split('\n').filter((l) => l.startsWith('not ok - '));
      // a failure of the machinery (build, code-server, a suite that did not run) proves nothing about the checks
      const machinery = failed.filter((l) =>
        /^not ok - (build|e2e run|e2e finished|\w+: suite (ran|finished)|ui: (package|install))/.test(l),
      );
      const checks = failed.length - machinery.length;
      if (rc !== 0 && checks > 0 && machinery.length === 0) {
        console.log(
          `ok - planted failure detected: ${checks} check(s) failed with ${code} removed, run.mjs exit ${rc}`,
        );
        resolve(0);
      } else {
        console.log(
          `not ok - planted failure NOT detected properly: run.mjs exit ${rc}, ${checks} failed check(s), ${machinery.length} machinery failure(s)`,
        );
        resolve(1);
      }
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--verify') {
    const rest = process.argv.slice(3);
    const code = rest[0] && /^MLSD\d{3}$/.test(rest[0]) ? rest.shift() : 'MLSD303';
    process.exit(await verify(code, rest));
  }
  const [code, out] = process.argv.slice(2);
  if (!code) {
    console.error('usage: node scripts/e2e/plant.mjs MLSDnnn [out-dir]');
    process.exit(2);
  }
  console.log(plantExtension(code, out && path.resolve(out)));
}
