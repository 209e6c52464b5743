/** Hover through `vscode.executeHoverProvider`: a metric and a task type. */
import { activateExtension, assert, fixtureUri, hoverText, positionOf, test, vscode } from './harness';
import type * as vs from 'vscode';

async function hoverOn(lineNeedle: string, token: string): Promise<string> {
  await activateExtension();
  const doc = await vscode.workspace.openTextDocument(fixtureUri('ranking.mlsd.yaml'));
  await vscode.window.showTextDocument(doc, { preview: false });
  const pos = positionOf(doc, lineNeedle, token, 1);
  const hovers = await vscode.commands.executeCommand<vs.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  const text = hoverText(hovers);
  assert(text.trim().length > 0, `no hover on \`${token}\` (hover not implemented?)`);
  return text;
}

test('hover on a metric (ndcg@10): its definition', async () => {
  const text = await hoverOn('metrics: [ndcg@10', 'ndcg@10');
  assert(/ndcg/i.test(text), `names the metric: ${text.slice(0, 300)}`);
  assert(
    /\bDCG\b|discounted cumulative gain/i.test(text),
    `defines it (normalized discounted cumulative gain): ${text.slice(0, 300)}`,
  );
  assert(/when to use/i.test(text), `says when to use it: ${text.slice(0, 400)}`);
});

test('hover on a task type (ranking): the metrics that fit it', async () => {
  const text = await hoverOn('task_type: ranking', 'ranking');
  assert(/ranking/i.test(text), `names the task type: ${text.slice(0, 300)}`);
  assert(/ndcg|mrr|map@/i.test(text), `lists fitting metrics (ndcg, mrr, map@k): ${text.slice(0, 300)}`);
});
