/**
 * The language server entry: the ONLY module that talks to the LSP connection. It wires documents,
 * settings and requests to the pure engine (lint/, features/) through the Session cache, converts
 * offsets to LSP positions at the edge, debounces validation, and never lets a request crash it.
 *
 * Transports: `--stdio`, `--node-ipc` or `--socket=N` (vscode-languageserver picks it from argv).
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DidChangeConfigurationNotification,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ShowMessageNotification,
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type UnchangedDocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createHash } from 'node:crypto';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { Analysis } from './lint/analysis';
import { Session } from './session';
import { uriToPath } from './lint/uri';
import { toDiagnostic } from './lspConvert';
import {
  DesignOutlineRequest,
  RenderRequest,
  type RenderFormat,
  type RenderParams,
  type RenderResult,
  PracticeReportRequest,
  ServerCommands,
  StatusNotification,
  WorkspaceDocsChangedNotification,
  WorkspaceDocsRequest,
  type DesignOutlineParams,
  type MlsdSettings,
  type PracticeReportParams,
  type StatusParams,
  type WorkspaceDocsResult,
} from './protocol';
import * as features from './features';
import { WorkspaceDocs, isWorkspaceDocName, type WorkspaceFolderConfig } from './workspaceDocs';
import { CONFIG_FILE_NAMES } from './lint/config';

/**
 * Validation after an edit waits as long as the doc's last analysis took, clamped to [30, 200] ms: a small
 * doc gets diagnostics 30 ms after the last keystroke; a large one waits long enough that analysis takes at
 * most half the time of a fast typist's burst (keystrokes closer than the delay start none). Typing inside a
 * value re-parses only that value (engine/reparse.ts), so the delay stays short on large docs too. A doc
 * not analysed yet (just opened: the open fires a content change too) is validated at once.
 */
const MIN_DELAY_MS = 30;
const MAX_DELAY_MS = 200;
function validationDelay(lastAnalysisMs: number | undefined): number {
  if (lastAnalysisMs === undefined) return 0;
  if (!Number.isFinite(lastAnalysisMs)) return MAX_DELAY_MS;
  return Math.round(Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, lastAnalysisMs)));
}

/** Lets the event loop read pending messages (a `$/cancelRequest`, a newer edit) before heavy work. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const TRANSPORT = /^--(stdio|node-ipc|socket|pipe)/;
if (!process.argv.slice(2).some((a) => TRANSPORT.test(a))) {
  const help = process.argv.includes('--help') || process.argv.includes('-h');
  if (process.argv.includes('--version')) process.stdout.write(`${features.VERSION}\n`);
  else
    process.stderr.write(
      'mlsd-language-server: the mlsd language server speaks LSP; start it as editors do, with --stdio (or --node-ipc, --socket=PORT).\n',
    );
  process.exit(help || process.argv.includes('--version') ? 0 : 2);
}

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const session = new Session();
const timers = new Map<string, NodeJS.Timeout>();

let hasConfigurationCapability = false;
let hasWorkspaceFolderCapability = false;
let hasRelatedInformation = false;
let clientSupportsStatus = false;
/** the client handles `mlsd/workspaceDocsChanged` (the VS Code extension's Design Docs section) */
let clientSupportsWorkspaceDocs = false;
/** the workspace folders (URIs), kept current by workspace/didChangeWorkspaceFolders */
let workspaceFolders: string[] = [];
/** requests and validations of open docs under way: the background linting of closed docs waits for them */
let openDocWork = 0;
/** the client can resolve a code action's `edit` lazily (fix-all is then computed on demand) */
let clientResolvesCodeActionEdits = false;
/**
 * LSP 3.17 pull diagnostics: the client declares `textDocument.diagnostic` (VS Code does, Neovim 0.7 does
 * not). Then nothing is pushed: open docs answer `textDocument/diagnostic`, closed docs `workspace/diagnostic`.
 */
let pullDiagnostics = false;
/** the client accepts `workspace/diagnostic/refresh` */
let clientRefreshesDiagnostics = false;

// Route console output to the client's log: stdout carries the protocol under --stdio.
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
process.on('uncaughtException', (err) => connection.console.error(`mlsd: uncaught ${err?.stack ?? err}`));
process.on('unhandledRejection', (err) =>
  connection.console.error(`mlsd: unhandled rejection ${(err as Error)?.stack ?? err}`),
);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  hasConfigurationCapability = !!caps.workspace?.configuration;
  hasWorkspaceFolderCapability = !!caps.workspace?.workspaceFolders;
  hasRelatedInformation = !!caps.textDocument?.publishDiagnostics?.relatedInformation;
  clientResolvesCodeActionEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
  pullDiagnostics = !!caps.textDocument?.diagnostic;
  clientRefreshesDiagnostics = pullDiagnostics && !!caps.workspace?.diagnostics?.refreshSupport;
  const init = params.initializationOptions as { status?: boolean; workspaceDocs?: boolean } | undefined;
  clientSupportsStatus = !!init?.status;
  clientSupportsWorkspaceDocs = !!init?.workspaceDocs;
  const roots = params.workspaceFolders?.length
    ? params.workspaceFolders.map((f) => f.uri)
    : params.rootUri
      ? [params.rootUri]
      : [];
  setWorkspaceFolders(roots);
  const initSettings = (params.initializationOptions as { settings?: MlsdSettings } | undefined)?.settings;
  if (initSettings) defaultSettings = initSettings;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [':', ' ', '-', '@', '\n'], resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: { label: 'ML Design' },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      documentHighlightProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, features.FIX_ALL_KIND], resolveProvider: true },
      executeCommandProvider: { commands: [ServerCommands.fixAll] },
      inlayHintProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...(pullDiagnostics
        ? { diagnosticProvider: { identifier: 'mlsd', interFileDependencies: false, workspaceDiagnostics: true } }
        : {}),
    },
    serverInfo: { name: 'mlsd-language-server', version: features.VERSION },
  };
});

connection.onInitialized(() => {
  backgroundNotBefore = performance.now() + BACKGROUND_GRACE_MS;
  if (hasConfigurationCapability) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'mlsd' }).catch(() => undefined);
  }
  if (hasWorkspaceFolderCapability) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => f.uri));
      setWorkspaceFolders(workspaceFolders.filter((u) => !removed.has(u)).concat(e.added.map((f) => f.uri)));
      void refreshWorkspace();
    });
  }
  void refreshWorkspace();
});

function setWorkspaceFolders(uris: string[]): void {
  workspaceFolders = [...new Set(uris)];
  session.workspaceRoots = workspaceFolders.map(uriToPath).filter((p): p is string => !!p);
}

// --- pull diagnostics (LSP 3.17) --------------------------------------------------------------
/** A report's result id: a hash of its diagnostics, so an unchanged result is `unchanged` across re-lints. */
function resultIdOf(items: Diagnostic[]): string {
  return createHash('sha1').update(JSON.stringify(items)).digest('base64url').slice(0, 20);
}
/**
 * With pull: the closed docs' last reports (the background linting's), and an empty report for a doc that
 * left the workspace list (deleted, excluded), so the client clears it at its next workspace pull.
 */
const closedReports = new Map<string, { resultId: string; items: Diagnostic[] }>();
let refreshTimer: NodeJS.Timeout | undefined;
/** Asks the client to pull again (debounced): closed docs' results or the settings changed. */
function scheduleDiagnosticRefresh(): void {
  if (!clientRefreshesDiagnostics || refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    void connection.languages.diagnostics.refresh();
  }, 100);
}

/**
 * An open doc's result id is its version and the hash, so each edit gets a full report (as a push would: the
 * editor sees its doc validated); a re-pull of the same version with the same findings is `unchanged`.
 */
function documentReport(
  items: Diagnostic[],
  previousResultId: string | undefined,
  version?: number,
): FullDocumentDiagnosticReport | UnchangedDocumentDiagnosticReport {
  const resultId = version === undefined ? resultIdOf(items) : `${version}:${resultIdOf(items)}`;
  return previousResultId === resultId
    ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId }
    : { kind: DocumentDiagnosticReportKind.Full, resultId, items };
}

// --- workspace linting (mlsd.validate.scope: workspace) ---------------------------------------
/**
 * Closed docs wait this long after `initialized`: the editor opens its visible docs right after it, and a
 * closed doc linted first would hold the thread while the one on screen waits (a race the bench showed as
 * cold opens of 250 or 520 ms for the same 10,000-line doc).
 */
const BACKGROUND_GRACE_MS = 500;
let backgroundNotBefore = Number.POSITIVE_INFINITY;
let docsChangedTimer: NodeJS.Timeout | undefined;
const workspaceDocs = new WorkspaceDocs(session, {
  isOpen: (uri) => !!documents.get(uri),
  publish: (uri, a) => {
    const diagnostics = a ? a.lint.findings.map((f, i) => toDiagnostic(a.doc, f, i, hasRelatedInformation)) : [];
    if (!pullDiagnostics) {
      void connection.sendDiagnostics({ uri, diagnostics });
      return;
    }
    closedReports.set(uri, { resultId: resultIdOf(diagnostics), items: diagnostics });
    scheduleDiagnosticRefresh();
  },
  changed: () => {
    if (!clientSupportsWorkspaceDocs || docsChangedTimer) return;
    docsChangedTimer = setTimeout(() => {
      docsChangedTimer = undefined;
      void connection.sendNotification(WorkspaceDocsChangedNotification);
    }, 100);
  },
  busy: () => openDocWork > 0 || timers.size > 0 || performance.now() < backgroundNotBefore,
  // a notification, not window/showMessageRequest: nothing to answer, nothing to fail
  notice: (message) =>
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message }),
  log: (m) => connection.console.log(m),
});

/** The last workspace refresh: `mlsd/workspaceDocs` answers after it. */
let workspaceRefresh: Promise<void> = Promise.resolve();
function refreshWorkspace(): Promise<void> {
  workspaceRefresh = workspaceRefresh.then(scanWorkspace, scanWorkspace);
  return workspaceRefresh;
}

/** Reads each workspace folder's settings and `files.exclude`, then rescans its design docs. */
async function scanWorkspace(): Promise<void> {
  try {
    const folders: WorkspaceFolderConfig[] = [];
    for (const uri of workspaceFolders) {
      const p = uriToPath(uri);
      if (!p) continue;
      const settings = await settingsFor(uri);
      let filesExclude: unknown;
      if (hasConfigurationCapability) {
        try {
          filesExclude = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'files.exclude' });
        } catch {
          // the client could not answer: no exclusions
        }
      }
      folders.push({ path: p, settings, filesExclude });
    }
    await workspaceDocs.configure(folders);
  } catch (err) {
    connection.console.error(`mlsd: workspace scan failed: ${(err as Error)?.stack ?? err}`);
  }
}

let defaultSettings: MlsdSettings = {};

async function settingsFor(uri: string): Promise<MlsdSettings> {
  if (session.hasSettings(uri)) return session.getSettings(uri)!;
  let s: MlsdSettings = defaultSettings;
  if (hasConfigurationCapability) {
    try {
      const got = (await connection.workspace.getConfiguration({
        scopeUri: uri,
        section: 'mlsd',
      })) as MlsdSettings | null;
      if (got && typeof got === 'object') s = got;
    } catch {
      // the client could not answer: keep the defaults
    }
  }
  session.setSettings(uri, s);
  return s;
}

connection.onDidChangeConfiguration((change) => {
  const s = (change.settings as { mlsd?: MlsdSettings } | undefined)?.mlsd;
  if (!hasConfigurationCapability && s) defaultSettings = s;
  session.invalidateAll();
  for (const d of documents.all()) scheduleValidation(d, 0);
  scheduleDiagnosticRefresh(); // open docs' results may change with the settings
  void refreshWorkspace();
});

/** The client watches `.mlsdrc.yaml` (config) and `*.mlsd.yaml` (workspace docs) files. */
connection.onDidChangeWatchedFiles((params) => {
  let configChanged = false;
  for (const c of params.changes) {
    const p = uriToPath(c.uri) ?? c.uri;
    const name = p.split(/[\\/]/).pop() ?? '';
    if (CONFIG_FILE_NAMES.includes(name)) configChanged = true;
    else if (isWorkspaceDocName(name)) workspaceDocs.fileEvent(c.uri, c.type);
    else configChanged = true; // a folder event or a client that watches more: stay safe
  }
  if (!configChanged) return;
  session.invalidateConfigFiles();
  for (const d of documents.all()) scheduleValidation(d, 0);
  scheduleDiagnosticRefresh();
  workspaceDocs.invalidate();
});

function analysisOf(uri: string): Analysis | undefined {
  const d = documents.get(uri);
  if (!d) return undefined;
  return session.analysis(uri, d.version, d.getText());
}

function scheduleValidation(doc: TextDocument, delay = validationDelay(session.cached(doc.uri)?.elapsedMs)): void {
  const prev = timers.get(doc.uri);
  if (prev) clearTimeout(prev);
  timers.set(
    doc.uri,
    setTimeout(() => {
      timers.delete(doc.uri);
      void validate(doc.uri);
    }, delay),
  );
}

async function validate(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  openDocWork++;
  try {
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // a newer edit will validate
    if (settings.validate?.enable === false) {
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      sendStatus({ uri, state: 'disabled' });
      return;
    }
    sendStatus({ uri, state: 'validating' });
    await yieldToLoop();
    const latest = documents.get(uri);
    if (!latest || latest.version !== version) return; // edited meanwhile: the newer version validates
    const a = session.analysis(uri, version, latest.getText());
    if (!pullDiagnostics) {
      // with pull, the client asks for them (`textDocument/diagnostic`), answered from this same analysis
      const diagnostics = a.lint.findings.map((f, i) => toDiagnostic(a.doc, f, i, hasRelatedInformation));
      void connection.sendDiagnostics({ uri, version, diagnostics });
    }
    for (const e of a.lint.internalErrors) connection.console.error(`mlsd: ${e}`);
    for (const p of a.configProblems) connection.console.warn(`mlsd: ${p.source ?? 'settings'}: ${p.message}`);
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const f of a.lint.findings) counts[f.severity]++;
    sendStatus({
      uri,
      state: a.lint.internalErrors.length ? 'error' : 'ok',
      counts,
      elapsedMs: Math.round(a.elapsedMs),
      message: a.configProblems[0]?.message,
    });
    workspaceDocs.openDocChanged();
  } catch (err) {
    connection.console.error(`mlsd: validation of ${uri} failed: ${(err as Error)?.stack ?? err}`);
    sendStatus({ uri, state: 'error', message: String((err as Error)?.message ?? err) });
  } finally {
    openDocWork--;
  }
}

function sendStatus(p: StatusParams): void {
  if (clientSupportsStatus) void connection.sendNotification(StatusNotification, p);
}

// an open fires a content change too: a doc not analysed yet is validated at once (`validationDelay`)
documents.onDidChangeContent((e) => scheduleValidation(e.document));
/**
 * A full garbage collection, when V8 lets the server ask for one: after a very large doc is closed, its
 * copies (the text, each edit's new text, the messages that carried them) are garbage that V8 would keep
 * until its heap limit, so the next large doc would add to them (the fuzzer's 5 MB docs drove the peak
 * RSS up by ~30 MB each). Undefined where the flag cannot be set.
 */
const collectGarbage: (() => void) | undefined = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
})();
/** a doc at least this long, closed, is worth a collection */
const LARGE_DOC_CHARS = 1_000_000;
let gcTimer: NodeJS.Timeout | undefined;

documents.onDidClose((e) => {
  if (collectGarbage && !gcTimer && e.document.getText().length >= LARGE_DOC_CHARS)
    gcTimer = setTimeout(() => {
      gcTimer = undefined;
      collectGarbage();
    }, 50);
  const t = timers.get(e.document.uri);
  if (t) clearTimeout(t);
  timers.delete(e.document.uri);
  session.close(e.document.uri);
  // a workspace doc keeps its findings: linted again from the file (closing dropped any unsaved edits)
  if (workspaceDocs.closed(e.document.uri)) return;
  // with pull, the client asks once more for the closed doc: it has no report, so it gets an empty one
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  else if (closedReports.has(e.document.uri)) {
    closedReports.set(e.document.uri, { resultId: resultIdOf([]), items: [] });
    scheduleDiagnosticRefresh();
  }
});

/**
 * `textDocument/diagnostic`: an open doc's findings from the cached analysis of its current version (the one
 * the validation computes); a doc that is not open (the client asks once more when it closes) gets its
 * closed-doc report, or an empty one.
 */
connection.languages.diagnostics.on(async (params, token) => {
  const uri = params.textDocument.uri;
  let items: Diagnostic[] = closedReports.get(uri)?.items ?? [];
  let version: number | undefined;
  if (documents.get(uri)) {
    openDocWork++;
    try {
      const settings = await settingsFor(uri);
      if (token.isCancellationRequested) throw cancelled();
      const d = documents.get(uri);
      if (d) {
        version = d.version;
        if (settings.validate?.enable === false) items = [];
        else {
          const a = session.analysis(uri, d.version, d.getText());
          items = a.lint.findings.map((f, i) => toDiagnostic(a.doc, f, i, hasRelatedInformation));
        }
      }
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      connection.console.error(`mlsd: diagnostics of ${uri} failed: ${(err as Error)?.stack ?? err}`);
      items = [];
    } finally {
      openDocWork--;
    }
  }
  return documentReport(items, params.previousResultId, version);
});

/**
 * `workspace/diagnostic`: the closed docs' reports (an open doc is reported by its `textDocument/diagnostic`,
 * not twice); `unchanged` where the client's previous result id matches.
 */
connection.languages.diagnostics.onWorkspace((params, token) => {
  if (token.isCancellationRequested) throw cancelled();
  const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  for (const [uri, r] of closedReports) {
    if (documents.get(uri)) continue;
    if (previous.get(uri) === r.resultId)
      items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId: r.resultId });
    else
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: r.resultId, items: r.items });
  }
  return { items };
});

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
const modified = () =>
  new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the request was computed.');

/**
 * Wraps a request handler: answers from the current version's cached analysis, and turns any exception
 * into a logged error with an empty answer (never a crash). A `$/cancelRequest` answers RequestCancelled;
 * an edit that arrives while the answer is computed answers ContentModified (the client asks again).
 */
function handle<P extends { textDocument: { uri: string } }, R>(
  name: string,
  fn: (a: Analysis, p: P, token: CancellationToken) => R | Promise<R>,
  empty: R,
) {
  return async (p: P, token: CancellationToken): Promise<R> => {
    openDocWork++;
    try {
      if (token.isCancellationRequested) throw cancelled();
      const uri = p.textDocument.uri;
      await settingsFor(uri);
      // read pending messages first (a cancel of this request, the next edit): one turn of the loop
      await yieldToLoop();
      if (token.isCancellationRequested) throw cancelled();
      const a = analysisOf(uri);
      if (!a) return empty;
      if (token.isCancellationRequested) throw cancelled();
      const res = await fn(a, p, token);
      if (token.isCancellationRequested) throw cancelled();
      if (documents.get(uri)?.version !== a.version) throw modified();
      return res;
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      connection.console.error(`mlsd: ${name} failed: ${(err as Error)?.stack ?? err}`);
      return empty;
    } finally {
      openDocWork--;
    }
  };
}

connection.onCompletion(handle('completion', (a, p) => features.completion(a, p.position), null));
connection.onHover(handle('hover', (a, p) => features.hover(a, p.position), null));
connection.onDocumentSymbol(handle('documentSymbol', (a) => features.documentSymbols(a, maxItems(a.uri)), []));
connection.onFoldingRanges(handle('foldingRange', (a) => features.foldingRanges(a, maxItems(a.uri)), []));
connection.onSelectionRanges(handle('selectionRange', (a, p) => features.selectionRanges(a, p.positions), []));
connection.onDocumentHighlight(handle('documentHighlight', (a, p) => features.highlights(a, p.position), []));
connection.onDefinition(handle('definition', (a, p) => features.definition(a, p.position), []));
connection.onReferences(
  handle('references', (a, p) => features.references(a, p.position, p.context.includeDeclaration), []),
);
connection.onPrepareRename(handle('prepareRename', (a, p) => features.prepareRename(a, p.position), null));
connection.onRenameRequest(async (p, token) => {
  const fn = handle('rename', (a, q: typeof p) => features.rename(a, q.position, q.newName), null);
  const res = await fn(p, token);
  if (res && 'error' in res) throw new ResponseError(ErrorCodes.InvalidRequest, res.error);
  return res && 'edit' in res ? res.edit : null;
});
connection.onCodeAction(
  handle(
    'codeAction',
    (a, p) => features.codeActions(a, p.range, p.context, { resolveFixAll: clientResolvesCodeActionEdits }),
    [],
  ),
);
connection.onCodeActionResolve(async (action, token) => {
  const target = features.fixAllDataOf(action);
  if (!target) return action;
  const fn = handle('codeAction/resolve', (a) => features.resolveCodeAction(a, action), action);
  return fn({ textDocument: { uri: target.uri } }, token);
});
connection.languages.inlayHint.on(handle('inlayHint', (a, p) => features.inlayHints(a, p.range), []));

connection.onRequest(DesignOutlineRequest, async (p: DesignOutlineParams) => {
  try {
    await settingsFor(p.uri);
    const a = analysisOf(p.uri);
    return a ? features.designOutline(a) : null;
  } catch (err) {
    connection.console.error(`mlsd: designOutline failed: ${(err as Error)?.stack ?? err}`);
    return null;
  }
});

const renderHandler = handle<{ textDocument: { uri: string }; format?: RenderFormat }, RenderResult | null>(
  'render',
  (a, p) => features.render(a, p.format === 'html' || p.format === 'markdown' ? p.format : 'model'),
  null,
);
connection.onRequest(RenderRequest, (p: RenderParams, token: CancellationToken) =>
  renderHandler({ textDocument: { uri: p?.uri }, format: p?.format }, token),
);
connection.onRequest(PracticeReportRequest, async (p: PracticeReportParams) => {
  try {
    await settingsFor(p.uri);
    const a = analysisOf(p.uri);
    return a ? features.practiceReportOf(a, p) : null;
  } catch (err) {
    connection.console.error(`mlsd: practiceReport failed: ${(err as Error)?.stack ?? err}`);
    return null;
  }
});
connection.onRequest(WorkspaceDocsRequest, async (): Promise<WorkspaceDocsResult | null> => {
  try {
    await workspaceRefresh;
    const open: Analysis[] = [];
    for (const d of documents.all()) {
      await settingsFor(d.uri);
      const a = analysisOf(d.uri);
      if (a) open.push(a);
    }
    return workspaceDocs.list(open);
  } catch (err) {
    connection.console.error(`mlsd: workspaceDocs failed: ${(err as Error)?.stack ?? err}`);
    return null;
  }
});

connection.onExecuteCommand(async (p) => {
  try {
    if (p.command === ServerCommands.fixAll) {
      const uri = String(p.arguments?.[0] ?? '');
      await settingsFor(uri);
      const a = analysisOf(uri);
      if (!a) return null;
      const edit = features.fixAllEdit(a);
      if (edit) await connection.workspace.applyEdit({ label: 'Fix all safe mlsd problems', edit });
      return null;
    }
  } catch (err) {
    connection.console.error(`mlsd: command ${p.command} failed: ${(err as Error)?.stack ?? err}`);
  }
  return null;
});

function maxItems(uri: string): number {
  return session.getSettings(uri)?.maxItemsComputed ?? 5000;
}

connection.onShutdown(() => workspaceDocs.dispose());

documents.listen(connection);
connection.listen();
