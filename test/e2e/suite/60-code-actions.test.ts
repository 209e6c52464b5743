/** Quick fixes through `vscode.executeCodeActionProvider`, applied like the lightbulb does. */
import {
  activateExtension,
  assert,
  assertEqual,
  codeOf,
  fixtureText,
  lineOf,
  Scratch,
  test,
  vscode,
  waitForDiagnostics,
} from './harness';
import type * as vs from 'vscode';

test('quick fix for MLSD002 "Rename to `latency`" renames the key; MLSD002 and MLSD102 go away', async () => {
  await activateExtension();
  const scratch = new Scratch();
  try {
    const { doc } = await scratch.open(fixtureText('ranking.mlsd.yaml'));
    const ds = await waitForDiagnostics(doc.uri, (all) => all.some((d) => codeOf(d) === 'MLSD002'));
    const d002 = ds.find((d) => codeOf(d) === 'MLSD002')!;
    const actions =
      (await vscode.commands.executeCommand<(vs.CodeAction | vs.Command)[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        d002.range,
        vscode.CodeActionKind.QuickFix.value,
      )) ?? [];
    const titles = actions.map((a) => a.title);
    assert(actions.length > 0, 'no code actions at the MLSD002 finding (code actions not implemented?)');
    const fix = actions.find((a): a is vs.CodeAction => a.title === 'Rename to `latency`' && 'kind' in a);
    assert(fix, `offers "Rename to \`latency\`" (offered: ${titles.join(' | ')})`);
    assert(
      fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind),
      `the fix is a quickfix (kind ${fix.kind?.value})`,
    );
    assert(fix.edit || fix.command, 'the fix has an edit or a command');

    const line = lineOf(doc, 'latncy:');
    if (fix.edit) assert(await vscode.workspace.applyEdit(fix.edit), 'fix edit applied');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assertEqual(doc.lineAt(line).text, '    latency: {p99: 200ms}', 'the line after the fix');
    assert(!/latncy:/.test(doc.getText()), 'no `latncy:` key left');
    const after = await waitForDiagnostics(
      doc.uri,
      (all) => !all.some((d) => ['MLSD002', 'MLSD102'].includes(codeOf(d))),
    );
    assertEqual(after.map(codeOf).join(','), 'MLSD303', 'only the split finding remains');
  } finally {
    await scratch.cleanup();
  }
});
