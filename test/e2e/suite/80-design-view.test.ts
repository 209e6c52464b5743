/**
 * The ML Design view's data: the `mlsd/designOutline` request through the extension's client, and the
 * outline the view (api.designView) shows for the active doc; revealing a step moves the cursor there.
 */
import type { DesignOutline } from '../../../server/src/protocol';
import {
  activateExtension,
  assert,
  assertEqual,
  codeOf,
  fixtureUri,
  lineOf,
  rangeText,
  test,
  vscode,
  waitForDiagnostics,
  waitForEvent,
} from './harness';

const KEYS = ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'];
const LABELS = [
  '1 · Requirements',
  '2 · Framing',
  '3 · Data',
  '4 · Model',
  '5 · Evaluation',
  '6 · Serving',
  '7 · Monitoring',
];
const describe = (o: DesignOutline | null | undefined) =>
  o ? `${o.steps.length} steps: ${o.steps.map((s) => `${s.key}=${s.status}`).join(', ')}` : String(o);

/** sample.mlsd.yaml: requirements (MLSD102 warning) is partial, framing is there, steps 3–7 are missing. */
function checkSampleOutline(o: DesignOutline | null | undefined, what: string): asserts o is DesignOutline {
  assert(o && o.steps.length === 7, `${what}: seven steps (got ${describe(o)}) — designOutline not implemented?`);
  assertEqual(o.steps.map((s) => s.key).join(','), KEYS.join(','), `${what}: step keys in order`);
  assertEqual(o.steps.map((s) => s.label).join(' | '), LABELS.join(' | '), `${what}: step labels`);
  assertEqual(o.steps.map((s) => s.step).join(','), '1,2,3,4,5,6,7', `${what}: step numbers`);
  assertEqual(o.steps[0].status, 'partial', `${what}: requirements status (has the MLSD102 warning)`);
  assert(o.steps[1].status !== 'missing', `${what}: framing is there (got ${o.steps[1].status})`);
  for (const s of o.steps.slice(2)) assertEqual(s.status, 'missing', `${what}: ${s.key} status`);
}

test('mlsd/designOutline via the client: seven steps with statuses, ranges, findings', async () => {
  const { api } = await activateExtension();
  const uri = fixtureUri('sample.mlsd.yaml');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'MLSD102'));
  const outline = await api!.client.sendRequest<DesignOutline | null>('mlsd/designOutline', {
    uri: api!.client.code2ProtocolConverter.asUri(uri),
  });
  checkSampleOutline(outline, 'designOutline');
  assertEqual(outline.title, 'Video recommendations for the home page', 'outline title');
  const req = outline.steps[0];
  assert(
    req.range && req.range.start.line === lineOf(doc, 'requirements:'),
    `requirements range starts at its key (got ${JSON.stringify(req.range)})`,
  );
  assert(req.counts.warning >= 1, `requirements counts a warning (${JSON.stringify(req.counts)})`);
  const f102 = req.findings.find((f) => f.code === 'MLSD102');
  const d102 = diags.find((d) => codeOf(d) === 'MLSD102')!;
  assert(f102, `requirements lists the MLSD102 finding (${req.findings.map((f) => f.code).join(', ')})`);
  assertEqual(
    `${f102.range.start.line}:${f102.range.start.character}`,
    `${d102.range.start.line}:${d102.range.start.character}`,
    'MLSD102 finding at the diagnostic',
  );
  assert(
    req.children.some((c) => c.key === 'performance'),
    `requirements lists its performance subsection (${req.children.map((c) => c.key).join(', ')})`,
  );
  const data = outline.steps[2];
  assertEqual(data.range, undefined, 'a missing step has no range');
  assert(
    data.findings.some((f) => f.code === 'MLSD006'),
    `the missing data step carries its MLSD006 finding (${data.findings.map((f) => f.code).join(', ')})`,
  );
  const total = Object.values(outline.counts).reduce((a, b) => a + b, 0);
  assertEqual(total, diags.length, `outline counts (${JSON.stringify(outline.counts)}) = the doc's diagnostics`);
  // the review scorecard: five missing steps make a draft; each step carries its score line
  assertEqual(outline.verdict, 'draft', 'scorecard verdict of a doc with missing steps');
  assert(typeof outline.readiness === 'number', `scorecard readiness (${outline.readiness})`);
  assert(
    outline.steps.every((s) => s.score && s.score.expected > 0),
    `every step has a score (${JSON.stringify(outline.steps.map((s) => s.score))})`,
  );
  assertEqual(data.score?.stated, 0, 'the missing data step states no checklist item');
});

test("ML Design view (api.designView) shows the active doc's outline", async () => {
  const { api } = await activateExtension();
  const uri = fixtureUri('sample.mlsd.yaml');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  const view = api!.designView;
  const outline = await waitForEvent(
    view.onDidUpdate,
    () => {
      const o = view.current;
      return o && o.uri === api!.client.code2ProtocolConverter.asUri(uri) && o.steps.length === 7 ? o : undefined;
    },
    15_000,
    () =>
      `the view's outline of sample.mlsd.yaml (have: ${view.current ? `${view.current.uri} ${describe(view.current)}` : 'none'})`,
  );
  checkSampleOutline(outline, 'view');
});

test('clicking a step (mlsd.designView.reveal) puts the cursor on its key', async () => {
  const { api } = await activateExtension();
  const uri = fixtureUri('ranking.mlsd.yaml');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  const outline = await api!.client.sendRequest<DesignOutline | null>('mlsd/designOutline', {
    uri: api!.client.code2ProtocolConverter.asUri(uri),
  });
  const evaluation = outline?.steps.find((s) => s.key === 'evaluation');
  assert(evaluation?.range, `the evaluation step has a range (${describe(outline)})`);
  // the view's tree item runs this command with these arguments (client/src/designView.ts)
  await vscode.commands.executeCommand('mlsd.designView.reveal', uri, evaluation.range, 'step');
  const editor = vscode.window.activeTextEditor;
  assertEqual(editor?.document.uri.toString(), uri.toString(), 'the doc is in the active editor');
  const line = lineOf(doc, 'evaluation:');
  assertEqual(
    `${editor!.selection.active.line}:${editor!.selection.active.character}`,
    `${line}:0`,
    `cursor at \`evaluation:\` (range ${rangeText(new vscode.Range(evaluation.range.start.line, evaluation.range.start.character, evaluation.range.end.line, evaluation.range.end.character))})`,
  );
});
