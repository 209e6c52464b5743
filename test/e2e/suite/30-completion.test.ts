/** Completion through `vscode.executeCompletionItemProvider`: keys, enum values, task-fitting metrics, references. */
import { activateExtension, assert, insertTextOf, labelOf, Scratch, serverCompletions, test, vscode } from './harness';
import type * as vs from 'vscode';

const HEAD = 'mlsd: 1\ntitle: Event recommendations\n';

async function completionsAt(text: string): Promise<{ labels: string[]; items: vs.CompletionItem[] }> {
  const scratch = new Scratch();
  try {
    const { doc, cursor } = await scratch.open(text);
    const items = await serverCompletions(doc.uri, cursor);
    return { labels: items.map(labelOf), items };
  } finally {
    await scratch.cleanup();
  }
}

const show = (labels: string[]) => `[${labels.slice(0, 40).join(', ')}${labels.length > 40 ? ', …' : ''}]`;

test('keys: a blank line under requirements: offers its keys (business_objective, scale, performance, …)', async () => {
  await activateExtension();
  const { labels, items } = await completionsAt(`${HEAD}requirements:\n  <|>\nframing:\n  task_type: ranking\n`);
  assert(labels.length > 0, 'the server offered no completion items (completion not implemented?)');
  for (const key of ['business_objective', 'scale', 'performance', 'out_of_scope']) {
    assert(labels.includes(key), `offers \`${key}\` under requirements: ${show(labels)}`);
  }
  for (const wrong of ['task_type', 'ml_objective', 'title', 'requirements']) {
    assert(!labels.includes(wrong), `does not offer \`${wrong}\` under requirements: ${show(labels)}`);
  }
  const bo = items.find((i) => labelOf(i) === 'business_objective')!;
  assert(
    /^business_objective:/.test(insertTextOf(bo)),
    `business_objective inserts "business_objective: …" (got ${JSON.stringify(insertTextOf(bo))})`,
  );
  assert(bo.documentation, 'business_objective carries documentation');
});

test('keys: already present keys are not offered again', async () => {
  await activateExtension();
  const { labels } = await completionsAt(`${HEAD}requirements:\n  business_objective: More registrations\n  <|>\n`);
  assert(labels.includes('scale'), `offers scale: ${show(labels)}`);
  assert(!labels.includes('business_objective'), `does not offer business_objective again: ${show(labels)}`);
});

test('enum values: task_type: offers the task types (ranking, binary-classification, …)', async () => {
  await activateExtension();
  const { labels } = await completionsAt(`${HEAD}framing:\n  ml_objective: Maximize registrations\n  task_type: <|>\n`);
  assert(labels.length > 0, 'the server offered no completion items (completion not implemented?)');
  for (const v of ['ranking', 'binary-classification', 'regression', 'recommendation', 'object-detection']) {
    assert(labels.includes(v), `offers task type \`${v}\`: ${show(labels)}`);
  }
  assert(!labels.includes('input') && !labels.includes('ml_objective'), `offers values, not keys: ${show(labels)}`);
});

test('metrics fit the task type: a ranking doc is offered ndcg@k…, not rmse', async () => {
  await activateExtension();
  const text = `${HEAD}framing:\n  ml_objective: Rank events\n  task_type: ranking\nevaluation:\n  offline:\n    metrics:\n      - <|>\n`;
  const { labels, items } = await completionsAt(text);
  assert(labels.length > 0, 'the server offered no completion items (completion not implemented?)');
  const ndcg = items.find((i) => /^ndcg(@|$)/i.test(labelOf(i)));
  assert(ndcg, `offers ndcg@k for a ranking task: ${show(labels)}`);
  assert(
    labels.some((l) => /^(mrr|map(@|$))/i.test(l)),
    `offers mrr or map@k too: ${show(labels)}`,
  );
  for (const wrong of ['rmse', 'mae', 'bleu']) {
    assert(
      !labels.some((l) => l.toLowerCase() === wrong),
      `does not offer ${wrong} for a ranking task: ${show(labels)}`,
    );
  }
  assert(ndcg.documentation, 'ndcg carries its definition as documentation');
});

test("references: a feature's source: offers the declared source ids", async () => {
  await activateExtension();
  const text =
    `${HEAD}data:\n  sources:\n    - {id: events, kind: items}\n    - {id: registrations, kind: interactions, temporal: true}\n` +
    '  features:\n    - id: event_price\n      source: <|>\n';
  const { labels } = await completionsAt(text);
  assert(labels.length > 0, 'the server offered no completion items (completion not implemented?)');
  assert(labels.includes('events') && labels.includes('registrations'), `offers the source ids: ${show(labels)}`);
});
void vscode;
