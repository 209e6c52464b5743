/**
 * A minimal LSP client over a real stdio connection to the built server (dist/server.js through
 * bin/mlsd-language-server.js), for LSP-level tests. Waits on events, never sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '../../..');

export interface LspClientOptions {
  settings?: Record<string, unknown>;
  rootPath?: string;
  /** answers to `workspace/configuration` for other sections (`files.exclude`) */
  sections?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** declares LSP 3.17 pull diagnostics (`textDocument.diagnostic`, `workspace.diagnostics.refreshSupport`) */
  pull?: boolean;
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  private diags = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: {
    uri: string;
    pred: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  settings: Record<string, unknown>;
  stderr = '';
  logs: string[] = [];
  /** `window/showMessage` notifications and `window/showMessageRequest` messages */
  messages: string[] = [];
  /** custom notifications received, by method (`mlsd/workspaceDocsChanged`) */
  notifications = new Map<string, number>();

  constructor(private opts: LspClientOptions = {}) {
    this.settings = opts.settings ?? {};
    this.proc = spawn(process.execPath, [path.join(ROOT, 'bin/mlsd-language-server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createMessageConnection(
      new StreamMessageReader(this.proc.stdout!),
      new StreamMessageWriter(this.proc.stdin!),
    );
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.diags.get(p.uri) ?? [];
      list.push(p);
      this.diags.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    this.conn.onNotification('window/showMessage', (p: { message: string }) => this.messages.push(p.message));
    this.conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.messages.push(p.message);
      return null;
    });
    this.conn.onNotification('mlsd/workspaceDocsChanged', () =>
      this.notifications.set(
        'mlsd/workspaceDocsChanged',
        (this.notifications.get('mlsd/workspaceDocsChanged') ?? 0) + 1,
      ),
    );
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'mlsd' ? this.settings : (this.opts.sections?.[i.section ?? ''] ?? null))),
    );
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.notifications.set(
        'workspace/diagnostic/refresh',
        (this.notifications.get('workspace/diagnostic/refresh') ?? 0) + 1,
      );
      return null;
    });
    this.conn.onRequest('workspace/applyEdit', (p: unknown) => {
      this.appliedEdits.push(p);
      return { applied: true };
    });
    this.conn.listen();
  }

  appliedEdits: unknown[] = [];

  async initialize(): Promise<unknown> {
    const rootUri = pathToFileURL(this.opts.rootPath ?? ROOT).href;
    const res = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'root' }],
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          applyEdit: true,
          ...(this.opts.pull ? { diagnostics: { refreshSupport: true } } : {}),
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true },
          ...(this.opts.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          hover: { contentFormat: ['markdown'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          rename: { prepareSupport: true },
        },
      },
      initializationOptions: this.opts.initializationOptions ?? {},
    });
    await this.conn.sendNotification('initialized', {});
    return res;
  }

  open(uri: string, text: string, version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'mlsd', version, text },
    });
  }

  change(uri: string, text: string, version: number): void {
    void this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** Resolves with the first diagnostics for `uri` (published after this call or already received) that satisfy `pred`. */
  diagnostics(
    uri: string,
    pred: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Diagnostic[]> {
    const seen = (this.diags.get(uri) ?? []).filter(pred);
    if (seen.length) return Promise.resolve(seen[seen.length - 1].diagnostics);
    return new Promise((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        pred,
        resolve: (p) => {
          clearTimeout(t);
          resolve(p.diagnostics);
        },
      });
    });
  }

  /** How many times diagnostics were published for `uri` so far. */
  diagnosticsSeen(uri: string): number {
    return this.diags.get(uri)?.length ?? 0;
  }

  /** Whether an empty list was published for `uri` after its first `n` publications. */
  everEmptyAfter(uri: string, n: number): boolean {
    return (this.diags.get(uri) ?? []).slice(n).some((p) => p.diagnostics.length === 0);
  }

  /** Waits for diagnostics of a specific document version. */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (p) => p.version === version);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    const exited = new Promise<void>((r) => this.proc.once('exit', () => r()));
    const t = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    if (this.proc.exitCode === null) await exited;
    clearTimeout(t);
    this.conn.dispose();
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(path.resolve(ROOT, p)).href;
}
