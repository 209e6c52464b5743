/**
 * The "ML Design" Explorer view (`mlsd.designView`): the seven steps of the active design doc, fed by
 * the server's `mlsd/designOutline` request, then the **Design Docs** section: every design doc of the
 * workspace with its title, status and finding counts (`mlsd/workspaceDocs`; a click opens it). Refreshes on
 * edits (debounced), editor switches, diagnostics changes and the server's `mlsd/workspaceDocsChanged`. The
 * mapping from the server's answers to nodes lives in outlineModel.ts and docsModel.ts.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  DesignOutlineRequest,
  WorkspaceDocsRequest,
  type DesignOutline,
  type DesignOutlineParams,
  type PRange,
  type WorkspaceDocsResult,
} from '../../server/src/protocol';
import { buildDocsSection } from './docsModel';
import { buildOutlineTree, outlineSummary, type OutlineNode } from './outlineModel';

export const VIEW_ID = 'mlsd.designView';
export const REVEAL_COMMAND = 'mlsd.designView.reveal';
export const REFRESH_COMMAND = 'mlsd.designView.refresh';
/** Context key: a design doc is shown (selects the welcome content). */
const HAS_DOC_CONTEXT = 'mlsd.designView.hasDoc';

const EDIT_DEBOUNCE_MS = 300;
const DIAGNOSTICS_DEBOUNCE_MS = 100;
const DOCS_DEBOUNCE_MS = 200;

export function isDesignDoc(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === 'mlsd';
}

export function toRange(r: PRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export class DesignViewProvider implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly view: vscode.TreeView<OutlineNode>;
  private doc: vscode.TextDocument | undefined;
  private outline: DesignOutline | undefined;
  private nodes: OutlineNode[] = [];
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private readonly updated = new vscode.EventEmitter<DesignOutline | undefined>();
  /** Fires after each refresh with the outline shown (tests wait on it). */
  readonly onDidUpdate = this.updated.event;
  private docsResult: WorkspaceDocsResult | undefined;
  private docsSection: OutlineNode | undefined;
  private docsTimer: NodeJS.Timeout | undefined;
  private docsSeq = 0;
  private readonly docsUpdated = new vscode.EventEmitter<WorkspaceDocsResult | undefined>();
  /** Fires after each refresh of the Design Docs section with the server's answer (tests wait on it). */
  readonly onDidUpdateDocs = this.docsUpdated.event;

  constructor(
    private readonly getClient: () => LanguageClient | undefined,
    private readonly log: vscode.OutputChannel,
  ) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      this.updated,
      this.docsUpdated,
      vscode.window.onDidChangeActiveTextEditor(() => this.track(true)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.track(false)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc) this.track(false);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.track(true);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.doc && e.contentChanges.length) this.schedule(EDIT_DEBOUNCE_MS);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = this.doc?.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.schedule(DIAGNOSTICS_DEBOUNCE_MS);
        this.scheduleDocs(DOCS_DEBOUNCE_MS);
      }),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) {
          this.schedule(0);
          this.scheduleDocs(0);
        }
      }),
    );
    this.track(true);
  }

  /** The design doc the view shows (the active one, or the last one while still visible). */
  get document(): vscode.TextDocument | undefined {
    return this.doc;
  }

  /** The outline currently shown (for tests). */
  get current(): DesignOutline | undefined {
    return this.outline;
  }

  /** The Design Docs list currently shown: the server's last `mlsd/workspaceDocs` answer (for tests). */
  get docs(): WorkspaceDocsResult | undefined {
    return this.docsResult;
  }

  /** Refreshes the Design Docs section after `ms` (coalesces bursts of diagnostics and server notices). */
  scheduleDocs(ms: number): void {
    if (this.docsTimer) clearTimeout(this.docsTimer);
    this.docsTimer = setTimeout(() => {
      this.docsTimer = undefined;
      void this.refreshDocs();
    }, ms);
  }

  /** Asks the server for the workspace's design docs and redraws the Design Docs section. */
  async refreshDocs(): Promise<void> {
    const client = this.getClient();
    if (!client?.isRunning()) return; // refreshed again when the client is running
    const seq = ++this.docsSeq;
    try {
      const result = await client.sendRequest<WorkspaceDocsResult | null>(WorkspaceDocsRequest);
      if (seq !== this.docsSeq) return;
      this.docsResult = result ?? undefined;
      this.docsSection = buildDocsSection(result);
      this.changed.fire(undefined);
      this.docsUpdated.fire(this.docsResult);
    } catch (err) {
      if (seq !== this.docsSeq) return;
      this.log.appendLine(
        `[designView] ${WorkspaceDocsRequest} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /** Picks the doc to show: the active editor's design doc, else keep the previous one while it is visible. */
  private track(activeChanged: boolean): void {
    const active = vscode.window.activeTextEditor?.document;
    let next: vscode.TextDocument | undefined;
    if (isDesignDoc(active)) next = active;
    else if (this.doc && !this.doc.isClosed && vscode.window.visibleTextEditors.some((e) => e.document === this.doc))
      next = this.doc;
    if (next === this.doc && !activeChanged) return;
    const docChanged = next !== this.doc;
    this.doc = next;
    void vscode.commands.executeCommand('setContext', HAS_DOC_CONTEXT, !!next);
    if (docChanged) {
      this.outline = undefined;
      this.nodes = [];
      this.view.description = undefined;
      this.view.badge = undefined;
      this.changed.fire(undefined);
    }
    if (next) this.schedule(docChanged ? 0 : DIAGNOSTICS_DEBOUNCE_MS);
    else this.updated.fire(undefined);
  }

  /** Refreshes after `ms` (coalesces bursts of edits and diagnostics). */
  schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, ms);
  }

  /** Asks the server for the outline of the shown doc and redraws the tree. */
  async refresh(): Promise<void> {
    const doc = this.doc;
    const client = this.getClient();
    const seq = ++this.seq;
    if (!doc) {
      this.render(undefined);
      return;
    }
    if (!client?.isRunning()) return; // refreshed again when the client is running
    try {
      const params: DesignOutlineParams = { uri: client.code2ProtocolConverter.asUri(doc.uri) };
      const outline = await client.sendRequest<DesignOutline | null>(DesignOutlineRequest, params);
      if (seq !== this.seq || doc !== this.doc) return; // a newer request or another doc
      this.render(outline ?? undefined);
    } catch (err) {
      if (seq !== this.seq) return;
      this.log.appendLine(
        `[designView] ${DesignOutlineRequest} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  private render(outline: DesignOutline | undefined): void {
    this.outline = outline;
    this.nodes = buildOutlineTree(outline);
    const summary = outlineSummary(outline);
    this.view.description = outline ? (outline.title ? `${outline.title} · ${summary.text}` : summary.text) : undefined;
    this.view.badge =
      summary.problems > 0
        ? { value: summary.problems, tooltip: `${summary.problems} errors and warnings in the design doc` }
        : undefined;
    this.changed.fire(undefined);
    this.updated.fire(outline);
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    if (node) return node.children;
    return this.docsSection ? [...this.nodes, this.docsSection] : this.nodes;
  }

  getParent(node: OutlineNode): OutlineNode | undefined {
    if (node.kind === 'step' || node.kind === 'docs') return undefined;
    if (node.kind === 'doc') return this.docsSection;
    return this.nodes.find((n) => n.step === node.step);
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const state =
      node.collapsible === 'none'
        ? vscode.TreeItemCollapsibleState.None
        : node.collapsible === 'expanded'
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    if (node.tooltip) item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.iconPath = new vscode.ThemeIcon(
      node.icon.id,
      node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined,
    );
    item.contextValue = node.contextValue;
    if (node.kind === 'doc' && node.uri) {
      const uri = vscode.Uri.parse(node.uri);
      item.resourceUri = uri;
      item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
    } else if (node.range && this.doc) {
      item.command = {
        command: REVEAL_COMMAND,
        title: 'Reveal in Editor',
        arguments: [this.doc.uri, node.range, node.kind],
      };
    }
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.docsTimer) clearTimeout(this.docsTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Reveals a range: the key for steps and sections (cursor at its start), the whole span for findings. */
export async function revealRange(uri: vscode.Uri, range: PRange, kind?: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const existing = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: existing?.viewColumn, preserveFocus: false });
  const r = toRange(range);
  const selection = kind === 'finding' ? new vscode.Selection(r.start, r.end) : new vscode.Selection(r.start, r.start);
  editor.selection = selection;
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
