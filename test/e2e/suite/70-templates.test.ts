/**
 * Templates: each whole-doc template of snippets/mlsd.code-snippets (blank + ten classic and ten generative archetypes), created by the
 * command `mlsd.newFromTemplate` with its id (an untitled doc filled by VS Code's snippet engine), lints with
 * no error-severity diagnostics.
 */
import { loadTemplates } from '../../../client/src/templates';
import {
  activateExtension,
  assert,
  assertEqual,
  codeOf,
  rangeText,
  REPO_ROOT,
  Scratch,
  test,
  vscode,
  withPublishedDiagnostics,
} from './harness';
import type * as vs from 'vscode';

/** Template ids as the extension reads them from snippets/mlsd.code-snippets (`blank`, `visual-search`, …). */
function templateIds(): string[] {
  return loadTemplates(REPO_ROOT).map((t) => t.id);
}

const IDS = templateIds();

test('the snippets file has 21 whole-doc templates (blank + ten classic and ten generative archetypes)', () => {
  assertEqual(IDS.length, 21, `templates (${IDS.join(', ')})`);
});

for (const id of IDS) {
  test(`template ${id}: mlsd.newFromTemplate opens it; no error diagnostics`, async () => {
    await activateExtension();
    const scratch = new Scratch();
    try {
      // An empty doc lints with MLSD006/MLSD008 (and the command opens one before inserting the snippet):
      // wait for the diagnostics of the filled doc, whatever they are.
      const { uri, diagnostics } = await withPublishedDiagnostics(
        async () => {
          const created = await vscode.commands.executeCommand<vs.Uri | undefined>('mlsd.newFromTemplate', id);
          assert(created, `mlsd.newFromTemplate ${id} returned no uri`);
          return created;
        },
        (ds) => !ds.some((d) => codeOf(d) === 'MLSD008'),
      );
      const doc = scratch.track(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!);
      assert(doc, 'the new doc is open');
      assertEqual(doc.uri.scheme, 'untitled', 'a new untitled doc');
      assertEqual(doc.languageId, 'mlsd', 'its language');
      assertEqual(vscode.window.activeTextEditor?.document, doc, 'shown in the active editor');
      const text = doc.getText();
      assert(/^mlsd: 1$/m.test(text), 'the doc has `mlsd: 1`');
      for (const key of ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring']) {
        assert(new RegExp(`^${key}:`, 'm').test(text), `the doc has the \`${key}\` step`);
      }
      if (id !== 'blank') assert(new RegExp(`^archetype: ${id}\\b`, 'm').test(text), `archetype: ${id}`);
      const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert(
        errors.length === 0,
        `no errors; got ${errors.map((d) => `${codeOf(d)} ${rangeText(d.range)} ${d.message.slice(0, 80)}`).join(' | ')}`,
      );
    } finally {
      await scratch.cleanup();
    }
  });
}
