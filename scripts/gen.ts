/**
 * `npm run gen`: regenerates every generated file (doc JSON Schema, `.mlsdrc.yaml` schema, docs/rules.md,
 * the metadata headers of docs/rules/<ID>.md, the per-rule snapshots test/fixtures/rules/<ID>/bad.snap).
 * Writes only the files that changed. `npm run gen -- --check` writes nothing and exits 1 if any is stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles, repoRoot, staleFiles } from './gen/index';

const root = repoRoot();
const check = process.argv.includes('--check');
const files = generatedFiles(root);
const stale = staleFiles(root, files);
for (const g of stale) {
  if (check) {
    process.stdout.write(`stale: ${g.file} (from ${g.from})\n`);
    continue;
  }
  const p = path.join(root, g.file);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, g.text);
  process.stdout.write(`wrote ${g.file}\n`);
}
process.stdout.write(
  `${files.length - stale.length} of ${files.length} generated files up to date${check && stale.length ? '; run `npm run gen`' : ''}\n`,
);
if (check && stale.length) process.exitCode = 1;
