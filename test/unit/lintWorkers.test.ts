/** The CLI's worker threads: many files linted over several threads give what one thread gives, in order. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getDefaultConfig } from '../../server/src/lint/engine';
import { lintFiles, WORKER_THRESHOLD } from '../../server/src/cli/lintFiles';

const ROOT = path.resolve(__dirname, '../../..');

test('lintFiles: worker threads give the same outcomes, in the same order, as one thread', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-workers-'));
  try {
    const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.mlsd.yaml'));
    const config = getDefaultConfig();
    const jobs = [];
    for (let i = 0; jobs.length < WORKER_THRESHOLD + 10; i++) {
      const name = `${i}-${examples[i % examples.length]}`;
      fs.copyFileSync(path.join(ROOT, 'examples', examples[i % examples.length]), path.join(dir, name));
      jobs.push({ file: path.join(dir, name), label: name, config });
    }
    fs.writeFileSync(path.join(dir, 'typo.mlsd.yaml'), 'mlsd: 1\ntitle: x\nlatncy: 1\n');
    jobs.push({ file: path.join(dir, 'typo.mlsd.yaml'), label: 'typo.mlsd.yaml', config });
    jobs.push({ file: path.join(dir, 'missing.mlsd.yaml'), label: 'missing.mlsd.yaml', config });
    const opts = { fix: false, fixDryRun: false, quiet: false };
    const one = lintFiles(jobs, opts, 1);
    const many = lintFiles(jobs, opts, 3);
    assert.equal(many.length, jobs.length);
    assert.deepEqual(many, one);
    assert.ok(one.some((o) => o.ok && o.result.messages.length > 0));
    assert.equal(one.at(-1)?.ok, false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
