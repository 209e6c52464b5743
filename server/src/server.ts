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
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
  type DesignOutlineParams,
  type MlsdSettings,
  type PracticeReportParams,
  type StatusParams,
} from './protocol';
import * as features from './features';

/**
 * Validation after an edit waits 2× the doc's last analysis time, clamped to [30, 200] ms: a small doc
 * (analysed in a few ms) gets diagnostics 30 ms after the last keystroke, a large one waits long enough
 * that a fast typist's keystrokes do not each start an analysis.
 */
const MIN_DELAY_MS = 30;
const MAX_DELAY_MS = 200;
function validationDelay(lastAnalysisMs: number | undefined): number {
  if (lastAnalysisMs === undefined || !Number.isFinite(lastAnalysisMs)) return MAX_DELAY_MS;
  return Math.round(Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, 2 * lastAnalysisMs)));
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
let hasRelatedInformation = false;
let clientSupportsStatus = false;
/** the client can resolve a code action's `edit` lazily (fix-all is then computed on demand) */
let clientResolvesCodeActionEdits = false;

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
  hasRelatedInformation = !!caps.textDocument?.publishDiagnostics?.relatedInformation;
  clientResolvesCodeActionEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
  clientSupportsStatus = !!(params.initializationOptions as { status?: boolean } | undefined)?.status;
  const roots = (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : []);
  session.workspaceRoots = roots.map(uriToPath).filter((p): p is string => !!p);
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
    },
    serverInfo: { name: 'mlsd-language-server', version: features.VERSION },
  };
});

connection.onInitialized(() => {
  if (hasConfigurationCapability) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'mlsd' }).catch(() => undefined);
  }
});

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
});

connection.onDidChangeWatchedFiles(() => {
  session.invalidateConfigFiles();
  for (const d of documents.all()) scheduleValidation(d, 0);
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
  try {
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // a newer edit will validate
    if (settings.validate?.enable === false) {
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      sendStatus({ uri, state: 'disabled' });
      return;
    }
    sendStatus({ uri, state: 'validating' });
    await yieldToLoop();
    const latest = documents.get(uri);
    if (!latest || latest.version !== version) return; // edited meanwhile: the newer version validates
    const a = session.analysis(uri, version, latest.getText());
    const diagnostics = a.lint.findings.map((f, i) => toDiagnostic(a.doc, f, i, hasRelatedInformation));
    void connection.sendDiagnostics({ uri, version, diagnostics });
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
  } catch (err) {
    connection.console.error(`mlsd: validation of ${uri} failed: ${(err as Error)?.stack ?? err}`);
    sendStatus({ uri, state: 'error', message: String((err as Error)?.message ?? err) });
  }
}

function sendStatus(p: StatusParams): void {
  if (clientSupportsStatus) void connection.sendNotification(StatusNotification, p);
}

documents.onDidOpen((e) => scheduleValidation(e.document, 0));
documents.onDidChangeContent((e) => scheduleValidation(e.document));
documents.onDidClose((e) => {
  const t = timers.get(e.document.uri);
  if (t) clearTimeout(t);
  timers.delete(e.document.uri);
  session.close(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
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

documents.listen(connection);
connection.listen();
