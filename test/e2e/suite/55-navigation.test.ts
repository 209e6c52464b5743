/** Navigation: go to definition from a feature's `source:` to the source id; rename a source id everywhere. */
import {
  activateExtension,
  assert,
  assertEqual,
  codeOf,
  fixtureText,
  fixtureUri,
  lineOf,
  positionOf,
  rangeText,
  Scratch,
  test,
  vscode,
  waitForDiagnostics,
  withPublishedDiagnostics,
} from './harness';
import type * as vs from 'vscode';

test("definition: a feature's source: registrations goes to the source id", async () => {
  await activateExtension();
  const doc = await vscode.workspace.openTextDocument(fixtureUri('ranking.mlsd.yaml'));
  await vscode.window.showTextDocument(doc, { preview: false });
  const from = positionOf(doc, 'id: user_registrations_7d', 'source: registrations', 'source: '.length + 2);
  const result = await vscode.commands.executeCommand<(vs.Location | vs.LocationLink)[]>(
    'vscode.executeDefinitionProvider',
    doc.uri,
    from,
  );
  assert(result && result.length > 0, 'no definition (definition not implemented?)');
  assertEqual(result.length, 1, 'one definition');
  const loc = result[0];
  const uri = 'targetUri' in loc ? loc.targetUri : loc.uri;
  const range = 'targetUri' in loc ? (loc.targetSelectionRange ?? loc.targetRange) : loc.range;
  assertEqual(uri.toString(), doc.uri.toString(), 'definition in the same doc');
  const idLine = lineOf(doc, '{id: registrations');
  const idAt = positionOf(doc, '{id: registrations', 'registrations');
  assert(range.contains(idAt), `definition range ${rangeText(range)} contains the id at ${idLine}:${idAt.character}`);
  assertEqual(range.start.line, idLine, 'definition line');
});

test('rename: a source id is renamed at its declaration and every use, nothing else', async () => {
  await activateExtension();
  const scratch = new Scratch();
  try {
    const { doc } = await scratch.open(fixtureText('ranking.mlsd.yaml'));
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'MLSD303'));
    const before = doc.getText();
    const prose = (before.match(/\bevents\b/g) ?? []).length; // "upcoming events", "events closest", …
    const at = positionOf(doc, '{id: events', 'events', 1);
    const edit = await vscode.commands.executeCommand<vs.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      doc.uri,
      at,
      'catalog',
    );
    assert(edit && edit.size > 0, 'no rename edit (rename not implemented?)');
    const entries = edit.entries();
    assertEqual(entries.length, 1, 'the edit touches one doc');
    assertEqual(entries[0][0].toString(), doc.uri.toString(), 'the edit touches this doc');
    assertEqual(entries[0][1].length, 3, 'three edits: the id and its two uses');
    const { diagnostics } = await withPublishedDiagnostics(async () => {
      assert(await vscode.workspace.applyEdit(edit), 'rename edit applied');
      return doc.uri;
    });
    const after = doc.getText();
    assertEqual((after.match(/\{id: catalog,/g) ?? []).length, 1, 'the declaration renamed');
    assertEqual((after.match(/source: catalog,/g) ?? []).length, 2, 'both uses renamed');
    assert(!/source: events/.test(after), 'no use left with the old id');
    assertEqual((after.match(/\bevents\b/g) ?? []).length, prose - 3, 'prose mentioning "events" is unchanged');
    assert(
      !diagnostics.some((d) => codeOf(d) === 'MLSD004'),
      `no unresolved reference after the rename (have ${diagnostics.map(codeOf).join(', ')})`,
    );
  } finally {
    await scratch.cleanup();
  }
});
