// The live preview (client/src/preview.ts) and ML Design: Export… in the real extension host. The page's
// DOM lives in the webview's iframe, out of the API's reach: these tests read what the extension posted
// to the page (`api.preview.current.body`, the HTML the page shows) and drive the panel's message handler
// (`api.preview.handleMessage`, what a click in the page posts). The UI suite clicks in the page itself.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vs from 'vscode';
import {
  activateExtension,
  assert,
  assertEqual,
  eventually,
  fixtureText,
  fixtureUri,
  lineOf,
  Scratch,
  test,
  vscode,
  waitForEvent,
} from './harness';

interface PreviewFinding {
  ruleId: string;
  line: number;
  span: [number, number];
}
interface PreviewState {
  uri: string;
  version: number | null;
  body: string;
  scrolledTo: number;
  model: { steps: { step: number; findings: PreviewFinding[] }[]; docFindings: PreviewFinding[] };
}
interface PreviewApi {
  readonly current: PreviewState | undefined;
  readonly onDidUpdate: vs.Event<PreviewState>;
  readonly isOpen: boolean;
  handleMessage(msg: unknown): Promise<boolean>;
  restore(panel: vs.WebviewPanel, state: unknown): Promise<boolean>;
}

async function previewApi(): Promise<PreviewApi> {
  const { api } = await activateExtension();
  const preview = (api as unknown as { preview?: PreviewApi }).preview;
  assert(preview, 'the extension API has `preview`');
  return preview;
}

/** Waits until the preview shows `uri` and `check` holds for what it shows. */
function previewOf(p: PreviewApi, uri: vs.Uri, check: (s: PreviewState) => boolean, what: string, ms = 15_000) {
  return waitForEvent(
    p.onDidUpdate,
    () => {
      const s = p.current;
      return s && s.uri === uri.toString() && check(s) ? s : undefined;
    },
    ms,
    () =>
      `the preview of ${uri.toString()} ${what} (have: ${p.current ? `${p.current.uri} v${p.current.version}, ${p.current.body.length} chars` : 'nothing'})`,
  );
}

const findingsOf = (s: PreviewState) => [...s.model.docFindings, ...s.model.steps.flatMap((x) => x.findings)];

function previewTabs(): vs.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('mlsd.preview'));
}

async function closePreview(): Promise<void> {
  const tabs = previewTabs();
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

test(
  'Open Preview to the Side shows the diagram, the scorecard and the findings beside the doc',
  async () => {
    const preview = await previewApi();
    const scratch = new Scratch();
    try {
      const { doc } = await scratch.open(fixtureText('ranking.mlsd.yaml'));
      await vscode.commands.executeCommand('mlsd.preview.openToSide');
      const s = await previewOf(
        preview,
        doc.uri,
        (x) => x.body.includes('<svg') && x.body.includes('data-rule="MLSD303"'),
        'with an <svg and the MLSD303 finding',
      );
      assert(/class="verdict (draft|ready|complete)"/.test(s.body), 'the scorecard verdict in the header');
      assert(s.body.includes('data-rule="MLSD002"'), 'the MLSD002 finding');
      await eventually(
        () => previewTabs().length === 1 || undefined,
        5_000,
        () =>
          `one preview tab (tabs: ${vscode.window.tabGroups.all
            .flatMap((g) => g.tabs)
            .map(
              (t) => `${t.label} ${(t.input as { viewType?: string })?.viewType ?? ''} ${t.input?.constructor?.name}`,
            )
            .join(', ')})`,
      );
      const tab = previewTabs()[0];
      const editorColumn = vscode.window.activeTextEditor?.viewColumn;
      assert(
        tab.group.viewColumn !== editorColumn,
        `the preview is beside the editor (column ${tab.group.viewColumn})`,
      );
      assertEqual(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the doc keeps focus');
    } finally {
      await closePreview();
      await scratch.cleanup();
    }
  },
  { timeoutMs: 30_000 },
);

test(
  'the preview follows edits: fixing the split removes MLSD303, a new title shows',
  async () => {
    const preview = await previewApi();
    const scratch = new Scratch();
    try {
      const { doc } = await scratch.open(fixtureText('ranking.mlsd.yaml'));
      await vscode.commands.executeCommand('mlsd.preview.openToSide');
      const before = await previewOf(preview, doc.uri, (x) => x.body.includes('data-rule="MLSD303"'), 'with MLSD303');
      const edit = new vscode.WorkspaceEdit();
      const split = doc.getText().indexOf('strategy: random');
      assert(split >= 0, 'the fixture has `strategy: random`');
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(split), doc.positionAt(split + 16)), 'strategy: temporal');
      const title = doc.getText().match(/^title: .*$/m);
      assert(title, 'the fixture has a title');
      const at = doc.getText().indexOf(title[0]);
      edit.replace(
        doc.uri,
        new vscode.Range(doc.positionAt(at), doc.positionAt(at + title[0].length)),
        'title: Home feed ranking, revised',
      );
      assert(await vscode.workspace.applyEdit(edit), 'edit applied');
      const after = await previewOf(
        preview,
        doc.uri,
        (x) => !x.body.includes('data-rule="MLSD303"') && x.body.includes('Home feed ranking, revised'),
        'without MLSD303 and with the new title',
      );
      assert((after.version ?? 0) > (before.version ?? 0), `a newer version (${before.version} → ${after.version})`);
      assertEqual(after.version, doc.version, 'the version shown is the doc version');
      assert(after.body.includes('data-rule="MLSD002"'), 'the other finding stays');
    } finally {
      await closePreview();
      await scratch.cleanup();
    }
  },
  { timeoutMs: 30_000 },
);

test(
  'a click on a finding (the page posts reveal) lands on its line; moving the cursor scrolls the page to the step',
  async () => {
    const preview = await previewApi();
    const scratch = new Scratch();
    try {
      const { doc } = await scratch.open(fixtureText('ranking.mlsd.yaml'));
      await vscode.commands.executeCommand('mlsd.preview.openToSide');
      const s = await previewOf(preview, doc.uri, (x) => x.body.includes('data-rule="MLSD303"'), 'with MLSD303');
      const f = findingsOf(s).find((x) => x.ruleId === 'MLSD303');
      assert(f, 'MLSD303 in the model');
      // focus elsewhere first, so the reveal has to bring the doc back
      await vscode.commands.executeCommand('workbench.action.focusNextGroup');
      assert(await preview.handleMessage({ type: 'reveal', offset: f.span[0] }), 'the message was handled');
      const editor = await eventually(
        () => {
          const e = vscode.window.activeTextEditor;
          return e && e.document.uri.toString() === doc.uri.toString() ? e : undefined;
        },
        5_000,
        'the doc in the active editor',
      );
      const line = lineOf(doc, 'strategy: random');
      assertEqual(editor.selection.active.line, line, 'the cursor on the finding line');
      assertEqual(f.line, line + 1, 'the finding line (1-based) in the page');
      assert(!(await preview.handleMessage({ type: 'reveal', offset: -3 })), 'a malformed message is ignored');
      assertEqual(editor.selection.active.line, line, 'the cursor did not move');
      // editor → preview: the cursor on `evaluation:` scrolls the page to step 5
      const ev = lineOf(doc, 'evaluation:');
      editor.selection = new vscode.Selection(ev + 1, 0, ev + 1, 0);
      await eventually(() => preview.current?.scrolledTo === 5 || undefined, 5_000, 'the page scrolled to step 5');
      const mon = lineOf(doc, 'monitoring:');
      editor.selection = new vscode.Selection(mon, 0, mon, 0);
      await eventually(() => preview.current?.scrolledTo === 7 || undefined, 5_000, 'the page scrolled to step 7');
    } finally {
      await closePreview();
      await scratch.cleanup();
    }
  },
  { timeoutMs: 30_000 },
);

test(
  'the preview follows the active editor to another design doc',
  async () => {
    const preview = await previewApi();
    const scratch = new Scratch();
    try {
      const { doc } = await scratch.open(fixtureText('ranking.mlsd.yaml'));
      await vscode.commands.executeCommand('mlsd.preview.openToSide');
      await previewOf(preview, doc.uri, (x) => x.body.includes('<svg'), 'rendered');
      const other = scratch.track(
        await vscode.workspace.openTextDocument({ language: 'mlsd', content: fixtureText('sample.mlsd.yaml') }),
      );
      await vscode.window.showTextDocument(other, { viewColumn: vscode.ViewColumn.One, preview: false });
      const s = await previewOf(preview, other.uri, (x) => x.body.includes('data-rule="MLSD102"'), 'with MLSD102');
      assert(!s.body.includes('data-rule="MLSD303"'), 'not the first doc any more');
      assertEqual(previewTabs().length, 1, 'still one preview tab');
    } finally {
      await closePreview();
      await scratch.cleanup();
    }
  },
  { timeoutMs: 30_000 },
);

test(
  'a preview panel restored after a reload (the serializer) renders the doc kept in its state',
  async () => {
    const preview = await previewApi();
    await closePreview();
    const uri = fixtureUri('sample.mlsd.yaml');
    // what VS Code hands the serializer after a reload: a panel of our view type and the page's state
    const panel = vscode.window.createWebviewPanel('mlsd.preview', 'restored', vscode.ViewColumn.Two, {});
    try {
      assert(await preview.restore(panel, { uri: uri.toString() }), 'restored');
      const s = await previewOf(preview, uri, (x) => x.body.includes('data-rule="MLSD102"'), 'with MLSD102');
      assert(s.body.includes('<svg'), 'the diagram');
      assert(panel.webview.options.enableScripts, 'scripts enabled on the restored panel');
      const other = vscode.window.createWebviewPanel('mlsd.preview', 'bad', vscode.ViewColumn.Two, {});
      assert(!(await preview.restore(other, { uri: 'https://example.com/x' })), 'a malformed state is not restored');
    } finally {
      await closePreview();
    }
  },
  { timeoutMs: 30_000 },
);

test(
  'ML Design: Export… writes Markdown (with the Mermaid diagram) and HTML (inline SVG, no script)',
  async () => {
    await activateExtension();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-export-'));
    try {
      const uri = fixtureUri('ranking.mlsd.yaml');
      const md = await vscode.commands.executeCommand<vs.Uri | undefined>(
        'mlsd.export',
        uri,
        'markdown',
        vscode.Uri.file(path.join(dir, 'ranking.md')),
      );
      assert(md, 'the Markdown was written');
      assertEqual(md.fsPath, path.join(dir, 'ranking.md'), 'the Markdown target');
      const mdText = fs.readFileSync(md.fsPath, 'utf8');
      assert(mdText.includes('```mermaid'), 'a mermaid block');
      assert(/MLSD303/.test(mdText), 'the review notes name MLSD303');
      const html = await vscode.commands.executeCommand<vs.Uri | undefined>(
        'mlsd.export',
        uri,
        'html',
        vscode.Uri.file(path.join(dir, 'ranking.html')),
      );
      assert(html, 'the HTML target');
      const htmlText = fs.readFileSync(html.fsPath, 'utf8');
      assert(htmlText.startsWith('<!DOCTYPE html>') && htmlText.includes('<svg'), 'a page with the inline SVG');
      assert(!/<script\b/i.test(htmlText), 'no script');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  { timeoutMs: 30_000 },
);
