/**
 * The live preview (`mlsd.preview.open`, `mlsd.preview.openToSide`) and the Export command
 * (`mlsd.export`). The preview is one webview panel showing the server's render model (`mlsd/render`,
 * format `model`) of a design doc: re-requested after each edit and each diagnostics change (debounced, one
 * request in flight, stale versions dropped), following the active editor when it shows a design doc.
 * Clicks in the page reveal the doc's text; moving the cursor scrolls the page to its step. The page
 * itself (HTML, CSP, script) and the message parsing live in the vscode-free previewModel.ts.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RenderModel } from '../../server/src/engine/render/model';
import { RenderRequest, type RenderFormat, type RenderParams, type RenderResult } from '../../server/src/protocol';
import { isDesignDoc } from './designView';
import {
  exportTarget,
  isStale,
  makeNonce,
  parsePreviewMessage,
  placeholderBody,
  previewBody,
  previewHtml,
  RenderScheduler,
  restoredUri,
  stepAtOffset,
} from './previewModel';

export const PREVIEW_VIEW_TYPE = 'mlsd.preview';
export const PreviewCommands = {
  open: 'mlsd.preview.open',
  openToSide: 'mlsd.preview.openToSide',
  export: 'mlsd.export',
} as const;

const EDIT_DEBOUNCE_MS = 250;
const WEBVIEW_OPTIONS: vscode.WebviewOptions = { enableScripts: true, localResourceRoots: [] };
const DIAGNOSTICS_DEBOUNCE_MS = 50;

/** What the preview shows (for tests: `api.preview.current`). */
export interface PreviewState {
  uri: string;
  /** the doc version the shown model was rendered from */
  version: number | null;
  /** the page body (inside `<main>`) */
  body: string;
  model: RenderModel;
  /** the step the page was last scrolled to (0: none) */
  scrolledTo: number;
}

export class PreviewManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private doc: vscode.TextDocument | undefined;
  private nonce = '';
  private state: PreviewState | undefined;
  private lastStep = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly scheduler: RenderScheduler;
  private readonly updated = new vscode.EventEmitter<PreviewState>();
  /** Fires after the page got a new render (tests wait on it). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly getClient: () => LanguageClient | undefined,
    private readonly log: vscode.OutputChannel,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.scheduler = new RenderScheduler(() => this.render(), {
      set: (fn, ms) => setTimeout(fn, ms),
      clear: (h) => clearTimeout(h as NodeJS.Timeout),
    });
    this.disposables.push(
      this.updated,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.doc && e.contentChanges.length) this.scheduler.schedule(EDIT_DEBOUNCE_MS);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.panel && this.doc && e.uris.some((u) => u.toString() === this.doc!.uri.toString()))
          this.scheduler.schedule(DIAGNOSTICS_DEBOUNCE_MS);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isDesignDoc(editor.document) && editor.document !== this.doc)
          this.show(editor.document);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.doc) this.syncScroll(e.textEditor.document.offsetAt(e.selections[0].active));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc) this.scheduler.cancel();
      }),
    );
  }

  /** The doc the preview shows, if open. */
  get document(): vscode.TextDocument | undefined {
    return this.panel ? this.doc : undefined;
  }

  get current(): PreviewState | undefined {
    return this.panel ? this.state : undefined;
  }

  get isOpen(): boolean {
    return !!this.panel;
  }

  /** Opens (or reveals) the preview of `uri`, else of the active design doc. */
  async open(toSide: boolean, uri?: vscode.Uri): Promise<boolean> {
    let doc: vscode.TextDocument | undefined;
    if (uri) doc = await vscode.workspace.openTextDocument(uri);
    else doc = vscode.window.activeTextEditor?.document ?? this.doc;
    if (!isDesignDoc(doc)) {
      void vscode.window.showInformationMessage('ML System Design: the preview works on *.mlsd.yaml design docs.');
      return false;
    }
    const column = toSide
      ? vscode.ViewColumn.Beside
      : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    if (this.panel) this.panel.reveal(column, toSide);
    else this.createPanel(column, toSide);
    this.show(doc);
    return true;
  }

  /** The panel's message handler (public so tests can drive it as a click in the page would). */
  async handleMessage(raw: unknown): Promise<boolean> {
    const msg = parsePreviewMessage(raw);
    if (!msg) return false;
    if (msg.type === 'ready') {
      if (this.state) this.post();
      if (this.lastStep) void this.panel?.webview.postMessage({ type: 'scrollTo', step: this.lastStep });
      return true;
    }
    if (msg.type === 'ruleDocs') {
      await vscode.commands.executeCommand('mlsd.showRuleDocumentation', msg.ruleId);
      return true;
    }
    const doc = this.doc;
    if (!doc || doc.isClosed) return false;
    const pos =
      'offset' in msg
        ? doc.positionAt(msg.offset)
        : new vscode.Position(Math.min(msg.line - 1, Math.max(doc.lineCount - 1, 0)), 0);
    const existing = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const column =
      existing?.viewColumn ??
      (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false });
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  dispose(): void {
    this.scheduler.cancel();
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  /** A preview panel VS Code restored after a reload (its page kept the doc's uri in its state). */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<boolean> {
    const uri = restoredUri(state);
    let doc: vscode.TextDocument | undefined;
    try {
      doc = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : undefined;
    } catch {
      doc = undefined;
    }
    if (!isDesignDoc(doc) || this.panel) {
      panel.dispose();
      return false;
    }
    panel.webview.options = WEBVIEW_OPTIONS;
    this.adopt(panel);
    this.show(doc);
    return true;
  }

  private createPanel(column: vscode.ViewColumn, preserveFocus: boolean): void {
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'ML Design Preview',
      { viewColumn: column, preserveFocus },
      { ...WEBVIEW_OPTIONS, enableFindWidget: true },
    );
    this.adopt(panel);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'client', 'media', 'mlsd-file.svg');
    this.panel = panel;
    this.nonce = makeNonce((n) => randomBytes(n));
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.state = undefined;
      this.doc = undefined;
      this.lastStep = 0;
      this.scheduler.cancel();
    });
    panel.webview.onDidReceiveMessage((m) => void this.handleMessage(m));
  }

  /** Shows `doc` in the panel: the page is rebuilt (with the body when known), then a render follows. */
  private show(doc: vscode.TextDocument): void {
    const panel = this.panel;
    if (!panel) return;
    if (doc !== this.doc) {
      this.doc = doc;
      this.state = undefined;
      this.lastStep = 0;
      panel.title = `Preview ${path.basename(doc.uri.path)}`;
      panel.webview.html = previewHtml({
        cspSource: panel.webview.cspSource,
        nonce: this.nonce,
        title: panel.title,
        body: placeholderBody('Rendering the design doc…'),
        uri: doc.uri.toString(),
      });
    }
    this.scheduler.schedule(0);
  }

  private async render(): Promise<void> {
    const doc = this.doc;
    const client = this.getClient();
    if (!doc || !this.panel || !client?.isRunning()) return;
    let res: RenderResult | null;
    try {
      res = await client.sendRequest<RenderResult | null>(RenderRequest, {
        uri: client.code2ProtocolConverter.asUri(doc.uri),
        format: 'model',
      } satisfies RenderParams);
    } catch (err) {
      this.log.appendLine(`[preview] ${RenderRequest} failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (doc !== this.doc || !this.panel) return; // switched docs or closed meanwhile
    if (!res?.model) return; // not open on the server yet: the next didChange/diagnostics reschedules
    if (isStale(this.state?.version, res.version)) return;
    if (typeof res.version === 'number' && res.version < doc.version) this.scheduler.schedule(EDIT_DEBOUNCE_MS);
    if (this.state && this.state.version === res.version && (this.state.model as unknown) === res.model) return;
    const model = res.model as unknown as RenderModel;
    this.state = {
      uri: doc.uri.toString(),
      version: res.version,
      body: previewBody(model, this.nonce),
      model,
      scrolledTo: this.lastStep,
    };
    this.post();
    this.updated.fire(this.state);
  }

  private post(): void {
    if (!this.panel || !this.state) return;
    void this.panel.webview.postMessage({ type: 'update', html: this.state.body, version: this.state.version });
  }

  /** Editor → preview: scroll the page to the step holding the cursor, when the step changes. */
  private syncScroll(offset: number): void {
    if (!this.panel || !this.state) return;
    const step = stepAtOffset(this.state.model, offset);
    if (!step || step === this.lastStep) return;
    this.lastStep = step;
    this.state = { ...this.state, scrolledTo: step };
    void this.panel.webview.postMessage({ type: 'scrollTo', step });
    this.updated.fire(this.state);
  }
}

// --- mlsd.export ------------------------------------------------------------------------------------

const FORMATS: { format: Exclude<RenderFormat, 'model'>; label: string; ext: string; detail: string }[] = [
  {
    format: 'markdown',
    label: 'Markdown',
    ext: 'md',
    detail: 'Reads as a design doc on GitHub: a heading per step, tables, the Mermaid diagram, review notes',
  },
  {
    format: 'html',
    label: 'HTML',
    ext: 'html',
    detail: 'One self-contained page (inline CSS and SVG, no script); the browser prints it to PDF cleanly',
  },
];

/**
 * Exports a design doc as Markdown or HTML. Arguments (all optional, for keybindings and tests):
 * the doc's uri, the format, the target uri (skips the save dialog). Returns the written uri.
 */
export async function exportDoc(
  getClient: () => LanguageClient | undefined,
  fallbackDoc: vscode.TextDocument | undefined,
  uriArg?: unknown,
  formatArg?: unknown,
  targetArg?: unknown,
): Promise<vscode.Uri | undefined> {
  const uri = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : undefined;
  const active = vscode.window.activeTextEditor?.document;
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : isDesignDoc(active) ? active : fallbackDoc;
  if (!isDesignDoc(doc)) {
    void vscode.window.showInformationMessage('ML System Design: Export works on *.mlsd.yaml design docs.');
    return undefined;
  }
  let choice = FORMATS.find((f) => f.format === formatArg || f.ext === formatArg);
  if (!choice) {
    const picked = await vscode.window.showQuickPick(
      FORMATS.map((f) => ({ label: f.label, description: `.${f.ext}`, detail: f.detail, f })),
      { title: 'ML Design: Export', placeHolder: 'Export the design doc as…' },
    );
    if (!picked) return undefined;
    choice = picked.f;
  }
  const client = getClient();
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('ML System Design: the language server is not running; cannot export.');
    return undefined;
  }
  let target =
    targetArg instanceof vscode.Uri
      ? targetArg
      : typeof targetArg === 'string'
        ? vscode.Uri.file(targetArg)
        : undefined;
  if (!target) {
    const defaultUri =
      doc.uri.scheme === 'file'
        ? vscode.Uri.file(exportTarget(doc.uri.fsPath, choice.ext))
        : vscode.Uri.joinPath(
            vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()),
            `design.${choice.ext}`,
          );
    target = await vscode.window.showSaveDialog({
      defaultUri,
      filters: { [choice.label]: [choice.ext] },
      title: `Export ${path.basename(doc.uri.path)} as ${choice.label}`,
      saveLabel: 'Export',
    });
    if (!target) return undefined;
  }
  const request = () =>
    client.sendRequest<RenderResult | null>(RenderRequest, {
      uri: client.code2ProtocolConverter.asUri(doc.uri),
      format: choice.format,
    } satisfies RenderParams);
  let res = await request();
  if (!res?.text) {
    // just opened: the server has not seen it yet; its first diagnostics say it has
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === doc.uri.toString())) done();
      });
      const timer = setTimeout(() => done(), 5000);
      function done(): void {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
    res = await request();
  }
  if (!res?.text) {
    void vscode.window.showErrorMessage('ML System Design: the language server could not render this doc.');
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(res.text, 'utf8'));
  const written = target;
  void vscode.window
    .showInformationMessage(`ML System Design: exported ${path.basename(written.path)}`, 'Open', 'Reveal')
    .then(async (action) => {
      if (action === 'Open') {
        if (choice.format === 'markdown') await vscode.commands.executeCommand('vscode.open', written);
        else await vscode.env.openExternal(written);
      } else if (action === 'Reveal') await vscode.commands.executeCommand('revealFileInOS', written);
    });
  return written;
}
