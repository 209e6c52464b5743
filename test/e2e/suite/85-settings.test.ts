/** Settings apply live: `mlsd.rules` {"MLSD006": "off"} removes the finding without a restart; restoring brings it back. */
import { activateExtension, assert, codeOf, fixtureUri, test, vscode, waitForDiagnostics } from './harness';

test(
  'mlsd.rules {MLSD006: off} takes effect without a restart, and is restored',
  async () => {
    await activateExtension();
    const uri = fixtureUri('sample.mlsd.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'MLSD006'));
    const config = () => vscode.workspace.getConfiguration('mlsd');
    // Global = the user settings of the test's own user-data dir (Workspace would write test/e2e/workspace/.vscode/)
    const previous = config().inspect('rules')?.globalValue;
    try {
      await config().update('rules', { MLSD006: 'off' }, vscode.ConfigurationTarget.Global);
      const off = await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'MLSD006'));
      assert(
        off.some((d) => codeOf(d) === 'MLSD102'),
        `the other findings stay (have ${off.map(codeOf).join(', ')})`,
      );
    } finally {
      await config().update('rules', previous, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'MLSD006'));
  },
  { timeoutMs: 30_000 },
);
