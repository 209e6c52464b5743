/** Document symbols through `vscode.executeDocumentSymbolProvider`: the seven steps by name, ids as children. */
import { activateExtension, assert, assertEqual, fixtureUri, lineOf, test, vscode } from './harness';
import type * as vs from 'vscode';

const STEPS = [
  '1 · Requirements',
  '2 · Framing',
  '3 · Data',
  '4 · Model',
  '5 · Evaluation',
  '6 · Serving',
  '7 · Monitoring',
];
const KEYS = ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'];

function names(symbols: vs.DocumentSymbol[]): string[] {
  return symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);
}

test('outline: "1 · Requirements" … "7 · Monitoring" in order at their sections; sources, features, candidates by id', async () => {
  await activateExtension();
  const doc = await vscode.workspace.openTextDocument(fixtureUri('ranking.mlsd.yaml'));
  await vscode.window.showTextDocument(doc, { preview: false });
  const symbols = await vscode.commands.executeCommand<vs.DocumentSymbol[]>(
    'vscode.executeDocumentSymbolProvider',
    doc.uri,
  );
  assert(symbols && symbols.length > 0, 'no document symbols (documentSymbol not implemented?)');
  assert(
    symbols.every((s) => 'children' in s),
    'hierarchical DocumentSymbols',
  );
  const top = symbols.map((s) => s.name);
  const steps = symbols.filter((s) => STEPS.includes(s.name));
  assertEqual(
    steps.map((s) => s.name).join(' | '),
    STEPS.join(' | '),
    `the seven steps in order (top level: ${top.join(' | ')})`,
  );
  steps.forEach((s, i) => {
    assertEqual(s.range.start.line, lineOf(doc, `${KEYS[i]}:`), `${s.name} starts at \`${KEYS[i]}:\``);
  });
  const data = names(steps[2].children);
  for (const id of ['events', 'registrations', 'event_category', 'user_registrations_7d']) {
    assert(data.includes(id), `"3 · Data" has ${id} among its descendants: ${data.join(', ')}`);
  }
  const model = names(steps[3].children);
  assert(model.includes('gbdt'), `"4 · Model" has the candidate gbdt: ${model.join(', ')}`);
});
