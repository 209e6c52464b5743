/**
 * Entry point of the extension-host suite, in the layout `@vscode/test-electron` expects: the extension
 * host loads this module (`extensionTestsPath`) and awaits `run()`; a rejection makes the host exit
 * with code 1. The same module is used by:
 *   - `npm run test:e2e`      — code-server (real VS Code 1.100 workbench), via the workbench URL payload
 *   - `npm run test:electron` — desktop VS Code downloaded by @vscode/test-electron (needs internet)
 *
 * It loads every `*.test.js` next to it (alphabetical order: the files are numbered; the number is left out of the
 * names), runs the registered tests one by one with
 * a per-test timeout, prints `ok - name` / `not ok - name: error`, and throws if any failed.
 * Environment (inherited by the extension host):
 *   MLSD_E2E_GREP     only run tests whose "file: name" matches this regular expression
 *   MLSD_E2E_RESULTS  also write the results as JSON to this file
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, registry, setCurrentFile, type TestCase } from './harness';

export interface TestResult {
  name: string;
  file: string;
  ok: boolean;
  ms: number;
  error?: string;
}

const PREFIX = '[mlsd-e2e]';

function runOne(t: TestCase): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test timed out after ${t.timeoutMs} ms`)), t.timeoutMs);
  });
  return Promise.race([Promise.resolve().then(t.fn), timeout])
    .then(() => undefined)
    .finally(() => clearTimeout(timer));
}

function errText(e: unknown): string {
  if (e instanceof Error) return e.stack && process.env.MLSD_E2E_STACKS ? e.stack : e.message;
  return String(e);
}

export async function run(): Promise<void> {
  // Only compiled files whose TypeScript source still exists (a renamed or deleted test leaves a stale .js in out/).
  const sourceDir = path.join(REPO_ROOT, 'test', 'e2e', 'suite');
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .filter((f) => !fs.existsSync(sourceDir) || fs.existsSync(path.join(sourceDir, f.replace(/\.js$/, '.ts'))))
    .sort();
  for (const f of files) {
    // `20-diagnostics.test.js` → `diagnostics` (the number only orders the files)
    setCurrentFile(f.replace(/\.test\.js$/, '').replace(/^\d+-/, ''));
    require(path.join(__dirname, f));
  }
  setCurrentFile('');

  const grep = process.env.MLSD_E2E_GREP ? new RegExp(process.env.MLSD_E2E_GREP, 'i') : undefined;
  const tests = registry.filter((t) => !grep || grep.test(`${t.file}: ${t.name}`));
  console.log(`${PREFIX} running ${tests.length} test(s) from ${files.length} file(s)`);

  const results: TestResult[] = [];
  for (const t of tests) {
    const started = Date.now();
    try {
      await runOne(t);
      results.push({ name: t.name, file: t.file, ok: true, ms: Date.now() - started });
      console.log(`ok - ${t.file}: ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      const error = errText(e).replace(/\s*\n\s*/g, ' | ');
      results.push({ name: t.name, file: t.file, ok: false, ms: Date.now() - started, error });
      console.log(`not ok - ${t.file}: ${t.name}: ${error}`);
    }
  }

  const failed = results.filter((r) => !r.ok).length;
  const summary = `${PREFIX} ${results.length - failed} passed, ${failed} failed`;
  console.log(summary);
  if (process.env.MLSD_E2E_RESULTS) {
    fs.writeFileSync(
      process.env.MLSD_E2E_RESULTS,
      JSON.stringify({ results, passed: results.length - failed, failed }, null, 2),
    );
  }
  if (failed > 0 || tests.length === 0) {
    throw new Error(tests.length === 0 ? `${PREFIX} no tests ran` : summary);
  }
}
