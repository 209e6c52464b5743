/** Smoke test: the extension activates for a design doc, the language is `mlsd`, diagnostics appear. */
import { activateExtension, assert, assertEqual, codeOf, fixtureUri, test, vscode, waitForDiagnostics } from './harness';

test('activates for *.mlsd.yaml, language mlsd, diagnostics with source mlsd', async () => {
  const uri = fixtureUri('sample.mlsd.yaml');
  const doc = await vscode.workspace.openTextDocument(uri);
  assertEqual(doc.languageId, 'mlsd', 'languageId of sample.mlsd.yaml');
  await vscode.window.showTextDocument(doc, { preview: false });

  const { ext } = await activateExtension();
  assert(ext.isActive, 'extension is active after opening a design doc');

  const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'MLSD102'));
  const codes = diags.map(codeOf);
  assert(codes.every((c) => /^MLSD\d{3}$/.test(c)), `every code looks like MLSDnnn: ${codes.join(', ')}`);
  const d102 = diags.find((d) => codeOf(d) === 'MLSD102')!;
  assertEqual(d102.severity, vscode.DiagnosticSeverity.Warning, 'MLSD102 severity');
});
