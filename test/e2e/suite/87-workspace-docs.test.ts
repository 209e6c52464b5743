/**
 * Workspace linting (`mlsd.validate.scope`, default `workspace`) in the real editor: a design doc no test opens
 * (unopened.mlsd.yaml) has its findings in the Problems panel's data (`languages.getDiagnostics`) without being
 * opened; the ML Design view's Design Docs section lists every doc of the folder with its title, status and
 * counts; a doc created on disk is picked up by the file watcher, and deleting it clears its findings and its row.
 */
import {
  activateExtension,
  assert,
  assertEqual,
  codeOf,
  fixturePath,
  fixtureText,
  fixtureUri,
  test,
  vscode,
  waitForDiagnostics,
  waitForEvent,
} from './harness';

const isOpen = (uri: { toString(): string }) =>
  vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

test(
  'a closed doc with an error has its findings without being opened',
  async () => {
    await activateExtension();
    const uri = fixtureUri('unopened.mlsd.yaml');
    assert(!isOpen(uri), 'unopened.mlsd.yaml must not be open (no test opens it)');
    const ds = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MLSD303'), 30_000);
    const split = ds.find((d) => codeOf(d) === 'MLSD303')!;
    // VS Code pulls (LSP 3.17): nothing is pushed as well, so a finding is in Problems once
    assertEqual(ds.filter((d) => codeOf(d) === 'MLSD303').length, 1, 'MLSD303 once (pulled, not also pushed)');
    assertEqual(split.severity, vscode.DiagnosticSeverity.Error, 'MLSD303 severity');
    const splitLine = fixtureText('unopened.mlsd.yaml')
      .split('\n')
      .findIndex((l) => l.includes('split: {strategy: random}'));
    assertEqual(split.range.start.line, splitLine, 'MLSD303 line (split: {strategy: random})');
    assert(!isOpen(uri), 'still not open after its diagnostics arrived');
  },
  { timeoutMs: 40_000 },
);

test(
  'the Design Docs section lists every doc of the folder with title, status and counts',
  async () => {
    const { api } = await activateExtension();
    const view = api!.designView;
    const docs = await waitForEvent(
      view.onDidUpdateDocs,
      () => {
        const r = view.docs;
        const fraud = r?.docs.find((d) => d.title === 'Card fraud detection');
        return r && r.docs.length >= 3 && fraud?.linted && fraud.counts.error >= 1 ? r : undefined;
      },
      30_000,
      () => `Design Docs with the three fixture docs (have: ${JSON.stringify(view.docs?.docs.map((d) => d.title))})`,
    );
    assertEqual(docs.scope, 'workspace', 'scope in effect');
    const titles = docs.docs.filter((d) => d.uri.startsWith('file:')).map((d) => d.title);
    for (const t of ['Card fraud detection', 'Event recommendations', 'Video recommendations for the home page'])
      assert(titles.includes(t), `Design Docs lists "${t}" (have: ${titles.join(', ')})`);
    const fraud = docs.docs.find((d) => d.title === 'Card fraud detection')!;
    assertEqual(fraud.status, 'draft', 'status of unopened.mlsd.yaml');
    assertEqual(fraud.open, false, 'unopened.mlsd.yaml is listed as closed');
    assertEqual(fraud.verdict, 'draft', 'scorecard verdict of unopened.mlsd.yaml (it has an error)');
    assert(typeof fraud.readiness === 'number', `scorecard readiness of unopened.mlsd.yaml (${fraud.readiness})`);
    const shown = vscode.languages.getDiagnostics(vscode.Uri.parse(fraud.uri)).filter((d) => d.source === 'mlsd');
    assertEqual(
      fraud.counts.error,
      shown.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
      'error count = the errors in Problems',
    );
  },
  { timeoutMs: 40_000 },
);

test(
  'a doc created on disk gets its findings; deleting it clears them and its Design Docs row',
  async () => {
    const { api } = await activateExtension();
    const file = fixturePath(`e2e-created-${process.pid}.mlsd.yaml`);
    const uri = vscode.Uri.file(file);
    const text = vscode.workspace.fs.readFile(fixtureUri('unopened.mlsd.yaml'));
    const body = Buffer.from(await text)
      .toString('utf8')
      .replace('title: Card fraud detection', 'title: Created during the e2e run');
    try {
      await vscode.workspace.fs.writeFile(uri, Buffer.from(body, 'utf8'));
      await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MLSD303'), 30_000);
      assert(!isOpen(uri), 'the created doc was not opened');
      await waitForEvent(
        api!.designView.onDidUpdateDocs,
        () => (api!.designView.docs?.docs.some((d) => d.title === 'Created during the e2e run') ? true : undefined),
        15_000,
        'the created doc in Design Docs',
      );
      await vscode.workspace.fs.delete(uri);
      await waitForDiagnostics(uri, (d) => d.length === 0, 30_000);
      await waitForEvent(
        api!.designView.onDidUpdateDocs,
        () => (api!.designView.docs?.docs.some((d) => d.title === 'Created during the e2e run') ? undefined : true),
        15_000,
        'the deleted doc to leave Design Docs',
      );
    } finally {
      await vscode.workspace.fs.delete(uri).then(
        () => undefined,
        () => undefined,
      );
    }
  },
  { timeoutMs: 80_000 },
);
