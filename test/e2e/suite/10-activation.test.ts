/** Activation: the extension activates for a design doc, the language is `mlsd`, every command is registered. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  activateExtension,
  assert,
  assertEqual,
  codeOf,
  fixtureUri,
  REPO_ROOT,
  test,
  vscode,
  waitForDiagnostics,
} from './harness';

test('activates for *.mlsd.yaml, language mlsd, diagnostics with source mlsd', async () => {
  const uri = fixtureUri('sample.mlsd.yaml');
  const doc = await vscode.workspace.openTextDocument(uri);
  assertEqual(doc.languageId, 'mlsd', 'languageId of sample.mlsd.yaml');
  await vscode.window.showTextDocument(doc, { preview: false });

  const { ext, api } = await activateExtension();
  assert(ext.isActive, 'extension is active after opening a design doc');
  assert(api?.client && api.designView, 'activate() returns { ready, client, designView }');
  assert(api.client.isRunning(), 'the language client is running');

  const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'MLSD102'));
  const codes = diags.map(codeOf);
  assert(
    codes.every((c) => /^MLSD\d{3}$/.test(c)),
    `every code looks like MLSDnnn: ${codes.join(', ')}`,
  );
  const d102 = diags.find((d) => codeOf(d) === 'MLSD102')!;
  assertEqual(d102.severity, vscode.DiagnosticSeverity.Warning, 'MLSD102 severity');
});

test('language mlsd is registered; every contributed command is registered', async () => {
  await activateExtension();
  const languages = await vscode.languages.getLanguages();
  assert(languages.includes('mlsd'), `languages include mlsd (have ${languages.length})`);
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { commands: { command: string }[] };
  };
  const contributed = pkg.contributes.commands.map((c) => c.command);
  const registered = new Set(await vscode.commands.getCommands(true));
  const missing = contributed.filter((c) => !registered.has(c));
  assert(missing.length === 0, `contributed commands not registered: ${missing.join(', ')}`);
});
