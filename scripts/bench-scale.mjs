// Scaling, in process: parse + model + all rules (`analyze` + `lint`) against the floor, `yaml`'s
// `parseDocument` of the same text, on generated format-v1 docs of about 1k, 3k, 10k and 50k lines
// (deterministic: an example with its `data.sources` list grown). Used by scripts/bench.mjs; needs the
// compiled engine (out/, `npm run compile-tests`). Prints a table; exports the generator and the runner.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A valid doc of about `lines` lines: news-feed.mlsd.yaml with generated sources after its own. */
export function generateDoc(root, lines) {
  const base = fs.readFileSync(path.join(root, 'examples', 'news-feed.mlsd.yaml'), 'utf8');
  const have = base.split('\n').length;
  const items = [];
  for (let i = 0; have + (items.length + 1) * 8 <= lines; i++)
    items.push(
      [
        `    - id: generated_source_${i}`,
        `      kind: ${['interactions', 'items', 'users', 'logs'][i % 4]}`,
        `      description: generated log number ${i}, with the fields a pipeline would keep`,
        `      volume: ${(i % 90) + 1}M/day`,
        '      store: warehouse, hourly partitions',
        `      temporal: ${i % 2 === 0}`,
        '      pii: false',
        `      owner: team ${i % 7}`,
      ].join('\n'),
    );
  return base.replace('\n  sources:\n', `\n  sources:\n${items.join('\n')}\n`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function runScale(root, sizes = [1_000, 3_000, 10_000, 50_000], runs = 5) {
  const engine = require(path.join(root, 'out/server/src/lint/engine.js'));
  const yaml = require('yaml');
  const rows = [];
  for (const n of sizes) {
    const text = generateDoc(root, n);
    const ours = { parse: [], lint: [] };
    const floor = [];
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      yaml.parseDocument(text, { uniqueKeys: false });
      floor.push(performance.now() - t0);
      t0 = performance.now();
      const doc = engine.analyze(text);
      const t1 = performance.now();
      findings = engine.lint(doc).findings.length;
      ours.parse.push(t1 - t0);
      ours.lint.push(performance.now() - t1);
    }
    const parse = median(ours.parse);
    const lint = median(ours.lint);
    const fl = median(floor);
    rows.push({
      lines: text.split('\n').length,
      kb: text.length / 1024,
      parse,
      lint,
      floor: fl,
      ratio: (parse + lint) / fl,
      findings,
    });
  }
  return rows;
}

export function printScale(rows) {
  console.log('scaling (in process, median ms): parse+model, rules, yaml parseDocument (the floor), ours/floor');
  console.log(
    ['lines', 'KB', 'parse+model', 'rules', 'floor', 'ours/floor', 'findings'].map((h) => h.padStart(12)).join(''),
  );
  for (const r of rows)
    console.log(
      [
        r.lines,
        r.kb.toFixed(0),
        r.parse.toFixed(1),
        r.lint.toFixed(1),
        r.floor.toFixed(1),
        `${r.ratio.toFixed(2)}×`,
        r.findings,
      ]
        .map((c) => String(c).padStart(12))
        .join(''),
    );
}
