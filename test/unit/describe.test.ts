/**
 * The describer (engine/describe.ts): one rendering per kind of entry, and the task-type list written
 * once (the catalogue's enum and the generated schema's enum both come from `TASK_TYPES`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { ARCHETYPE_ENUM, specAt, TASK_TYPE_ENUM } from '../../server/src/engine/catalog';
import {
  describeArchetype,
  describeEnumValue,
  describeField,
  describeLoss,
  describeMetric,
  describeTaskType,
  fieldSummary,
  metricSpellingFor,
} from '../../server/src/engine/describe';
import { ARCHETYPES, findLoss, findMetric, isTaskType, TASK_TYPES, TASKS } from '../../server/src/engine/domain';
import { positionAt } from '../../server/src/engine/parse';
import { completion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { Session } from '../../server/src/session';
import { cursor } from '../harness/snapshot';

const ROOT = path.resolve(__dirname, '../../..');

test('a field: header with key, type, path and step, then the description, values, an example or the fields', () => {
  const dau = describeField(specAt(['requirements', 'scale', 'dau'])!, ['requirements', 'scale', 'dau']);
  assert.match(dau, /^\*\*`dau`\*\* · quantity · `requirements\.scale\.dau` · Step 1 of 7 · Requirements\n\n/);
  assert.match(dau, /Daily active users/i);
  const kind = describeField(specAt(['data', 'sources', 0, 'kind'])!, ['data', 'sources', 0, 'kind']);
  assert.match(kind, /`data\.sources\[\]\.kind` · Step 3 of 7 · Data/);
  assert.match(kind, /Values: `[a-z-]+` · /);
  const section = describeField(specAt(['data'])!, ['data']);
  assert.doesNotMatch(section.split('\n')[0], /Step/, 'a section says its step in its description');
  assert.match(section, /Fields: `sources`, `labels`/);
  const selected = describeField(specAt(['model', 'selected'])!, ['model', 'selected'], { example: 'dcn' });
  assert.match(selected, /reference to a `model\.candidates\[\]\.id`/);
  assert.match(selected, /Example: `selected: dcn`/);
  const latency = describeField(specAt(['requirements', 'performance', 'latency'])!, [
    'requirements',
    'performance',
    'latency',
  ]);
  assert.match(latency, /Also accepted: a single duration value\./);
  assert.equal(
    fieldSummary(specAt(['model', 'selected'])!, ['model', 'selected']),
    'reference to a model.candidates[].id · step 4 Model',
    'the plain one-line summary has no Markdown',
  );
});

test('an enum value: its description under the field path; task types and archetypes carry their domain entry', () => {
  const handling = specAt(['data', 'imbalance', 'handling'])!;
  assert.equal(
    describeEnumValue(handling, 'class-weights', ['data', 'imbalance', 'handling', 0]),
    '**`class-weights`** · `data.imbalance.handling`\n\nWeight the loss by class.',
  );
  assert.equal(describeEnumValue(handling, 'not-a-value', ['data', 'imbalance', 'handling']), undefined);
  const taskType = specAt(['framing', 'task_type'])!;
  assert.equal(describeEnumValue(taskType, 'ranking', ['framing', 'task_type']), describeTaskType('ranking'));
  const archetype = specAt(['archetype'])!;
  assert.equal(describeEnumValue(archetype, 'news-feed', ['archetype']), describeArchetype('news-feed'));
  assert.equal(
    describeEnumValue(archetype, 'other', ['archetype']),
    '**`other`** · `archetype`\n\nAny other ML system.',
  );
});

test('a task type: what it predicts, the metrics as written for it, the losses that fit', () => {
  const r = describeTaskType('ranking');
  assert.match(r, /^\*\*`ranking`\*\* · task type\n\nOrder candidates/);
  assert.match(r, /\*\*Offline metrics that fit:\*\* .*`ndcg@k`/);
  assert.match(r, /\*\*Losses that fit:\*\* .*`listwise`/);
  assert.doesNotMatch(r, /`rmse`/);
  assert.match(describeTaskType('object-detection'), /`map@iou=0\.5`/);
  assert.match(describeTaskType('clustering'), /\*\*Loss:\*\* /, 'no loss list: the typical loss only');
  assert.equal(metricSpellingFor(findMetric('ndcg')!, 'regression'), 'ndcg');
});

test('a metric: family, alias, cutoff (given or to write), definition, use, misuse, other spellings', () => {
  const auc = describeMetric(findMetric('roc-auc')!, { written: 'AUROC' });
  assert.match(auc, /^\*\*`roc-auc`\*\* · classification metric \(written `AUROC`, an alias\)/);
  assert.match(auc, /\*\*When to use:\*\*/);
  assert.match(auc, /\*\*Common misuse:\*\*/);
  assert.match(auc, /Also written: `auc`, `auroc`/);
  const ndcg = findMetric('ndcg')!;
  assert.match(describeMetric(ndcg, { written: 'ndcg@10', k: 10 }), /\*\*Cutoff `@10`:\*\* only the top 10 results/);
  assert.match(describeMetric(ndcg, { k: 'k' }), /\*\*Cutoff `@k`:\*\* write the number/);
  assert.doesNotMatch(describeMetric(ndcg, { written: 'NDCG' }), /alias/, 'a case variant is not an alias');
  const ap = findMetric('ap')!;
  assert.match(describeMetric(ap, { iou: 0.5 }), /\*\*IoU threshold 0\.5:\*\*/);
  assert.match(describeMetric(ap, { iou: 'iou' }), /\*\*IoU threshold `@iou=`:\*\*/);
  assert.match(describeMetric(findMetric('mae')!), /Lower is better\./);
});

test('a loss: what it computes, the spelling used, its other spellings', () => {
  const bce = findLoss('bce')!;
  assert.match(describeLoss(bce), /^\*\*`bce`\*\* · loss\n\nBinary cross-entropy/);
  assert.match(describeLoss(bce, 'logistic'), /^\*\*`bce`\*\* · loss \(written `logistic`\)/);
  assert.equal(describeLoss(bce, 'BCE').split('\n')[0], '**`bce`** · loss', 'a case variant is not named');
  assert.match(describeLoss(bce), /Also written: `binary-cross-entropy`/);
});

test('an archetype: book chapter, framing, metrics, scale, pitfalls; `other` has no book entry', () => {
  const a = describeArchetype('news-feed')!;
  assert.match(a, /^\*\*`news-feed`\*\* · .*, book ch\. 10\n\n/);
  assert.match(a, /\*\*Offline metrics:\*\*/);
  assert.match(a, /\*\*Online metrics:\*\*/);
  assert.match(a, /\*\*Scale:\*\*/);
  assert.match(a, /\*\*Classic pitfalls:\*\*\n- /);
  assert.equal(describeArchetype('other'), undefined);
  assert.equal(describeArchetype('no-such-archetype'), undefined);
});

test('task types are written once: the type guard, the task table, the catalogue enum and the schema enum follow TASK_TYPES', () => {
  assert.deepEqual(
    TASKS.map((t) => t.type),
    [...TASK_TYPES],
  );
  assert.deepEqual(
    TASK_TYPE_ENUM.map((e) => e.value),
    [...TASK_TYPES],
  );
  assert.ok(TASK_TYPES.every(isTaskType));
  assert.ok(!isTaskType('classification'));
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/mlsd.schema.json'), 'utf8'));
  // the canonical values first (completion offers them), then the spellings the engine also reads
  const taskType = schema.properties.framing.anyOf[0].properties.task_type.anyOf[0].anyOf[0];
  assert.deepEqual(taskType.enum, [...TASK_TYPES]);
  assert.deepEqual(
    taskType.enumDescriptions,
    TASKS.map((t) => t.description),
  );
  const head =
    schema.properties.framing.anyOf[0].properties.heads.anyOf[0].items.properties.task_type.anyOf[0].anyOf[0];
  assert.deepEqual(head.enum, [...TASK_TYPES]);
});

test('archetypes are written once: the catalogue enum follows the domain table', () => {
  assert.deepEqual(
    ARCHETYPE_ENUM.map((e) => [e.value, e.description]),
    ARCHETYPES.map((a) => [a.id, a.summary]),
  );
});

function at(textWithCursor: string) {
  const { text, offset } = cursor(textWithCursor);
  const a = new Session().analysis('file:///t/doc.mlsd.yaml', 1, text);
  return { a, pos: positionAt(a.doc.parsed, offset) };
}
const hoverText = (t: string) => {
  const { a, pos } = at(t);
  return (hover(a, pos)?.contents as MarkupContent | undefined)?.value;
};
const completionDoc = (t: string, label: string) => {
  const { a, pos } = at(t);
  const item = (completion(a, pos) ?? []).find((i: CompletionItem) => i.label === label);
  return (item?.documentation as MarkupContent | undefined)?.value;
};

test('hover and completion word the same entry identically', () => {
  const cases: [string, string, string][] = [
    // [hover at $0, completion at $0, completion label]
    ['requirements:\n  motiv$0ation: x\n', 'requirements:\n  $0\n', 'motivation'],
    ['data:\n  sources:\n    - {id: a, ki$0nd: logs}\n', 'data:\n  sources:\n    - id: a\n      $0\n', 'kind'],
    ['framing:\n  task_type: regre$0ssion\n', 'framing:\n  task_type: $0\n', 'regression'],
    ['archetype: news-f$0eed\n', 'archetype: $0\n', 'news-feed'],
    ['serving:\n  mode: onl$0ine\n', 'serving:\n  mode: $0\n', 'online'],
    [
      'framing: {task_type: binary-classification}\nevaluation:\n  offline:\n    metrics: [pr-a$0uc]\n',
      'framing: {task_type: binary-classification}\nevaluation:\n  offline:\n    metrics: [$0]\n',
      'pr-auc',
    ],
    [
      'framing: {task_type: regression}\nmodel:\n  loss: hub$0er\n',
      'framing: {task_type: regression}\nmodel:\n  loss: $0\n',
      'huber',
    ],
  ];
  for (const [h, c, label] of cases) {
    const fromHover = hoverText(h);
    assert.ok(fromHover, `hover: ${JSON.stringify(h)}`);
    assert.equal(completionDoc(c, label), fromHover, label);
  }
});
