/**
 * Practice mode in the real editor: `mlsd.startPractice <archetype>` opens the practice doc (problem as
 * comments, the seven step keys empty) and starts the session; writing under `data:` moves the phase on;
 * pause and resume answer; `mlsd.endPractice` opens the report in a Markdown preview tab.
 */
import {
  activateExtension,
  assert,
  assertEqual,
  codeOf,
  eventually,
  Scratch,
  test,
  vscode,
  waitForDiagnostics,
  waitForEvent,
} from './harness';

test('mlsd.startPractice news-feed: the practice doc, pause and resume, and the report in a Markdown preview', async () => {
  await activateExtension();
  const scratch = new Scratch();
  const isReport = () =>
    vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find(
        (t) =>
          t.input instanceof vscode.TabInputWebview &&
          /markdown/i.test(t.input.viewType) &&
          /news-feed-practice-report/.test(t.label),
      );
  try {
    const uri = await vscode.commands.executeCommand<string | undefined>('mlsd.startPractice', 'news-feed');
    assert(uri, 'mlsd.startPractice news-feed returned no uri');
    const doc = scratch.track(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)!);
    assert(doc, 'the practice doc is open');
    assertEqual(doc.languageId, 'mlsd', 'its language');
    const text = doc.getText();
    assert(/^# Practice interview: Personalized news feed/.test(text), 'the problem heads the doc');
    assert(/^archetype: news-feed$/m.test(text), 'archetype: news-feed');
    assert(/^data:$/m.test(text) && /^monitoring:$/m.test(text), 'the step keys are there, empty');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'MLSD006'));

    const editor = vscode.window.activeTextEditor;
    assert(editor?.document === doc, 'the practice doc is in the active editor');
    const dataLine = text.split('\n').indexOf('data:');
    await editor.edit((b) => b.insert(new vscode.Position(dataLine, 'data:'.length), '\n  sources: []'));
    assertEqual(await vscode.commands.executeCommand<boolean>('mlsd.pausePractice'), true, 'pause');
    assertEqual(await vscode.commands.executeCommand<boolean>('mlsd.resumePractice'), true, 'resume');

    const shown = waitForEvent(
      vscode.window.tabGroups.onDidChangeTabs,
      () => isReport(),
      20_000,
      () =>
        `a Markdown preview tab for the practice report (tabs: ${vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .map((t) => t.label)
          .join(', ')})`,
    );
    assertEqual(await vscode.commands.executeCommand<boolean>('mlsd.endPractice'), true, 'end');
    await shown;
    await eventually(
      () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'mlsd-practice-report'),
      10_000,
      'the report document',
    ).then((report) => {
      const md = report.getText();
      assert(/^# Practice interview: Personalized news feed/.test(md), 'the report heading');
      assert(/Ended early after/.test(md), 'ended early');
      assert(/## 3 · Data/.test(md) && /What a reviewer would still ask/.test(md), 'per-step sections');
      // writing under `data:` moved the phase on: Data has time, Framing was skipped
      assert(/\| Data \| \d\d:\d\d/.test(md), 'time spent on Data');
      assert(/\| Framing \| — \|/.test(md), 'Framing skipped');
    });
    assertEqual(await vscode.commands.executeCommand<boolean>('mlsd.endPractice'), false, 'nothing left to end');
  } finally {
    const tab = isReport();
    if (tab) await vscode.window.tabGroups.close(tab).then(undefined, () => undefined);
    await scratch.cleanup();
  }
});
