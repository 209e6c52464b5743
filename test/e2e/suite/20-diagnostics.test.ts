/** Diagnostics: codes, severities and exact ranges on a fixture; they follow edits. */
import {
  activateExtension,
  assert,
  assertEqual,
  codeOf,
  fixtureText,
  fixtureUri,
  lineOf,
  rangeText,
  Scratch,
  test,
  vscode,
  waitForDiagnostics,
} from './harness';

const FIXTURE = 'ranking.mlsd.yaml';
const EXPECTED = ['MLSD002', 'MLSD102', 'MLSD303'];

test('ranking fixture: MLSD002 on the misspelt key, MLSD303 error on the random split, MLSD102, exact ranges', async () => {
  await activateExtension();
  const uri = fixtureUri(FIXTURE);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  const ds = await waitForDiagnostics(uri, (all) => EXPECTED.every((c) => all.some((d) => codeOf(d) === c)));
  assertEqual(ds.map(codeOf).sort().join(','), EXPECTED.join(','), "the fixture's codes (and nothing else)");

  const byCode = (c: string) => ds.find((d) => codeOf(d) === c)!;
  const d002 = byCode('MLSD002');
  const line002 = lineOf(doc, 'latncy:');
  assertEqual(d002.severity, vscode.DiagnosticSeverity.Warning, 'MLSD002 severity');
  assertEqual(rangeText(d002.range), `${line002}:4-${line002}:10`, 'MLSD002 range (the key `latncy`)');
  assertEqual(doc.getText(d002.range), 'latncy', 'MLSD002 covers the key');
  assert(/latency/.test(d002.message), `MLSD002 message suggests latency: ${d002.message}`);

  const d303 = byCode('MLSD303');
  const line303 = lineOf(doc, 'strategy: random');
  assertEqual(d303.severity, vscode.DiagnosticSeverity.Error, 'MLSD303 severity');
  assertEqual(rangeText(d303.range), `${line303}:20-${line303}:26`, 'MLSD303 range (the value `random`)');
  assertEqual(doc.getText(d303.range), 'random', 'MLSD303 covers the split strategy');

  const d102 = byCode('MLSD102');
  assertEqual(d102.severity, vscode.DiagnosticSeverity.Warning, 'MLSD102 severity');
  assertEqual(d102.range.start.line, lineOf(doc, 'performance:'), 'MLSD102 line (requirements.performance)');

  for (const d of ds) {
    assertEqual(d.source, 'mlsd', `${codeOf(d)} source`);
    const target = typeof d.code === 'object' ? d.code.target : undefined;
    assert(
      target?.path.endsWith(`/docs/rules/${codeOf(d)}.md`),
      `${codeOf(d)} links its rule page (got ${target?.toString()})`,
    );
  }
});

test('diagnostics update after edits (WorkspaceEdit, then onDidChangeDiagnostics)', async () => {
  await activateExtension();
  const scratch = new Scratch();
  try {
    const { doc } = await scratch.open(fixtureText(FIXTURE));
    await waitForDiagnostics(doc.uri, (all) => EXPECTED.every((c) => all.some((d) => codeOf(d) === c)));

    // fix the split: MLSD303 goes, the rest stays
    const split = lineOf(doc, 'strategy: random');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(split, 20, split, 26), 'temporal');
    assert(await vscode.workspace.applyEdit(edit), 'edit applied');
    const after = await waitForDiagnostics(doc.uri, (all) => !all.some((d) => codeOf(d) === 'MLSD303'));
    assertEqual(after.map(codeOf).sort().join(','), 'MLSD002,MLSD102', 'codes after fixing the split');

    // misspell another key: a new MLSD002 at the new key
    const slices = lineOf(doc, 'slices:');
    const edit2 = new vscode.WorkspaceEdit();
    edit2.replace(doc.uri, new vscode.Range(slices, 4, slices, 10), 'slicez');
    assert(await vscode.workspace.applyEdit(edit2), 'second edit applied');
    const after2 = await waitForDiagnostics(doc.uri, (all) => all.filter((d) => codeOf(d) === 'MLSD002').length === 2);
    const added = after2.find((d) => codeOf(d) === 'MLSD002' && d.range.start.line === slices);
    assert(
      added,
      `a new MLSD002 on line ${slices} (have ${after2.map((d) => `${codeOf(d)} ${rangeText(d.range)}`).join(', ')})`,
    );
    assertEqual(rangeText(added.range), `${slices}:4-${slices}:10`, 'range of the new MLSD002');
  } finally {
    await scratch.cleanup();
  }
});
