/**
 * The VS Code extension: starts the mlsd language server over IPC and adds what only the editor can
 * show: the "ML Design" view, the language status item and the commands. Everything that needs no
 * editor lives in vscode-free modules (outlineModel, templates, settings, ruleDocs, statusModel).
 */
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  ServerCommands,
  StatusNotification,
  WorkspaceDocsChangedNotification,
  type MlsdSettings,
  type StatusParams,
} from '../../server/src/protocol';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';
import { DesignViewProvider, REFRESH_COMMAND, REVEAL_COMMAND, isDesignDoc, revealRange } from './designView';
import { registerPractice } from './practice';
import { exportDoc, PREVIEW_VIEW_TYPE, PreviewCommands, PreviewManager } from './preview';
import { listRuleDocs, resolveRule, type RuleDoc } from './ruleDocs';
import { toServerSettings } from './settings';
import { countSeverities, statusPresentation, type ClientState } from './statusModel';
import { findTemplate, loadTemplates, type DocTemplate } from './templates';

/** What `activate` returns, for the end-to-end tests. */
export interface MlsdApi {
  /** resolves once the language client has started (rejects if it cannot start) */
  ready: Promise<void>;
  client: LanguageClient;
  /** the "ML Design" view provider (its `current` outline, `onDidUpdate`) */
  designView: DesignViewProvider;
  /** the preview panel (its `current` render, `onDidUpdate`, `handleMessage` as the page would post) */
  preview: PreviewManager;
}

export const Commands = {
  newFromTemplate: 'mlsd.newFromTemplate',
  restartServer: 'mlsd.restartServer',
  showOutput: 'mlsd.showOutput',
  showRuleDocumentation: 'mlsd.showRuleDocumentation',
  fixAll: 'mlsd.fixAll',
  refreshView: REFRESH_COMMAND,
  reveal: REVEAL_COMMAND,
  openPreview: PreviewCommands.open,
  openPreviewToSide: PreviewCommands.openToSide,
  export: PreviewCommands.export,
} as const;

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mlsd');

let client: LanguageClient | undefined;
let clientState: ClientState = 'starting';

export function activate(context: vscode.ExtensionContext): MlsdApi {
  const output = vscode.window.createOutputChannel('ML System Design');
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] },
    },
  };
  const settingsProblems = new Set<string>();
  const settingsFor = (scope: vscode.Uri | undefined): MlsdSettings => {
    const config = vscode.workspace.getConfiguration('mlsd', scope ? { uri: scope, languageId: 'mlsd' } : undefined);
    const problems: string[] = [];
    const settings = toServerSettings((key) => config.inspect(key), problems);
    for (const p of problems) {
      if (!settingsProblems.has(p)) {
        settingsProblems.add(p);
        output.appendLine(`[settings] ignored: ${p}`);
      }
    }
    return settings;
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'mlsd' },
      { scheme: 'untitled', language: 'mlsd' },
    ],
    // Settings changes reach the server through its dynamic registration for
    // workspace/didChangeConfiguration (section `mlsd`); it then pulls them (middleware below).
    // Config files, and the design docs themselves (workspace linting: created, changed, deleted docs).
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.mlsdrc.{yaml,yml}'),
        vscode.workspace.createFileSystemWatcher('**/*.mlsd.{yaml,yml}'),
      ],
    },
    // `status`: the client handles the `mlsd/status` notification; `workspaceDocs`: `mlsd/workspaceDocsChanged`
    // (the Design Docs section); `settings`: for servers that cannot pull.
    initializationOptions: () => ({ status: true, workspaceDocs: true, settings: settingsFor(undefined) }),
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticCollectionName: 'mlsd',
    middleware: {
      workspace: {
        // Send only the rule settings the user set (see settings.ts), so .mlsdrc.yaml still applies.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, i) => {
            if (item.section !== 'mlsd') return result[i];
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return settingsFor(scope);
          });
        },
        didChangeConfiguration: async () => {
          await client?.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { mlsd: settingsFor(undefined) },
          });
        },
      },
    },
  };

  client = new LanguageClient('mlsd', 'ML System Design', serverOptions, clientOptions);
  const lc = client;

  // --- language status item -------------------------------------------------------------------
  const statuses = new Map<string, StatusParams>();
  const statusItem = vscode.languages.createLanguageStatusItem('mlsd.status', { language: 'mlsd' });
  statusItem.name = 'ML System Design';
  statusItem.command = { title: 'Show Output', command: Commands.showOutput };
  context.subscriptions.push(statusItem);
  const updateStatus = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    const uri = isDesignDoc(doc) ? doc.uri : undefined;
    // pushed or pulled (LSP 3.17): both land in the editor's diagnostics; `lc.diagnostics` holds only pushed ones
    const diagnostics = uri ? mlsdDiagnostics(uri) : undefined;
    const counts = diagnostics ? countSeverities(diagnostics.map((d) => d.severity)) : undefined;
    const p = statusPresentation(clientState, uri ? statuses.get(uri.toString()) : undefined, counts);
    statusItem.text = p.text;
    statusItem.detail = p.detail;
    statusItem.busy = p.busy;
    statusItem.severity =
      p.severity === 'error'
        ? vscode.LanguageStatusSeverity.Error
        : p.severity === 'warning'
          ? vscode.LanguageStatusSeverity.Warning
          : vscode.LanguageStatusSeverity.Information;
  };
  lc.onNotification(StatusNotification, (params: StatusParams) => {
    const uri = lc.protocol2CodeConverter.asUri(params.uri).toString();
    statuses.set(uri, params);
    updateStatus();
  });

  // --- the ML Design view ------------------------------------------------------------------------
  const designView = new DesignViewProvider(() => client, output);
  context.subscriptions.push(designView);
  lc.onNotification(WorkspaceDocsChangedNotification, () => designView.scheduleDocs(0));

  // --- the preview -------------------------------------------------------------------------------
  const preview = new PreviewManager(() => client, output, context.extensionUri);
  context.subscriptions.push(
    preview,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => {
        await preview.restore(panel, state);
      },
    }),
  );

  context.subscriptions.push(
    lc.onDidChangeState((e) => {
      clientState = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped';
      updateStatus();
      if (e.newState === State.Running) {
        designView.schedule(0);
        designView.scheduleDocs(0);
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.workspace.onDidCloseTextDocument((d) => statuses.delete(d.uri.toString())),
  );

  // --- commands ----------------------------------------------------------------------------------
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.newFromTemplate, (arg?: unknown) => newFromTemplate(context, arg)),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      try {
        clientState = 'starting';
        updateStatus();
        if (lc.isRunning()) await lc.restart();
        else await lc.start();
      } catch (err) {
        clientState = 'failed';
        updateStatus();
        void vscode.window.showErrorMessage(
          `ML System Design: the language server could not restart: ${errorText(err)}`,
        );
      }
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(Commands.showRuleDocumentation, (arg?: unknown) =>
      showRuleDocumentation(context, arg),
    ),
    vscode.commands.registerCommand(Commands.fixAll, (arg?: unknown) => fixAll(arg ?? activeDesignDocUri(designView))),
    vscode.commands.registerCommand(Commands.refreshView, () => designView.refresh()),
    vscode.commands.registerCommand(Commands.reveal, (uri: vscode.Uri, range, kind?: string) =>
      revealRange(uri, range, kind),
    ),
    vscode.commands.registerCommand(Commands.openPreview, (uri?: unknown) =>
      preview.open(false, uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.commands.registerCommand(Commands.openPreviewToSide, (uri?: unknown) =>
      preview.open(true, uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.commands.registerCommand(Commands.export, (uri?: unknown, format?: unknown, target?: unknown) =>
      exportDoc(() => client, preview.document ?? designView.document, uri, format, target),
    ),
  );

  // --- practice interview (its status item, listeners and timer exist only during a session) ----
  context.subscriptions.push(registerPractice(context, () => client));

  updateStatus();
  const ready = lc.start().then(
    () => {
      clientState = 'running';
      updateStatus();
      designView.schedule(0);
      designView.scheduleDocs(0);
    },
    (err: unknown) => {
      clientState = 'failed';
      updateStatus();
      output.appendLine(`The language server failed to start: ${errorText(err)}`);
      throw err;
    },
  );
  ready.catch(() => undefined); // reported in the output and the status item; tests await `ready`

  return { ready, client: lc, designView, preview };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}

/** The active editor's design doc, else the one the ML Design view shows. */
function activeDesignDocUri(view: DesignViewProvider): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return isDesignDoc(doc) ? doc.uri : view.document?.uri;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// --- mlsd.newFromTemplate ------------------------------------------------------------------------

/** Opens a new untitled design doc from a template. `arg`: a template id (`blank`, `visual-search`, …). */
async function newFromTemplate(context: vscode.ExtensionContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  let templates: DocTemplate[];
  try {
    templates = loadTemplates(context.extensionPath);
  } catch (err) {
    void vscode.window.showErrorMessage(`ML System Design: cannot read the templates: ${errorText(err)}`);
    return undefined;
  }
  const wanted =
    typeof arg === 'string' ? arg : arg && typeof arg === 'object' ? (arg as { id?: unknown }).id : undefined;
  let template = typeof wanted === 'string' ? findTemplate(templates, wanted) : undefined;
  if (typeof wanted === 'string' && !template) {
    void vscode.window.showErrorMessage(
      `ML System Design: no template "${wanted}". Known: ${templates.map((t) => t.id).join(', ')}`,
    );
    return undefined;
  }
  if (!template) {
    type Item = vscode.QuickPickItem & { template: DocTemplate };
    const items: (Item | vscode.QuickPickItem)[] = [];
    templates.forEach((t, i) => {
      if (i === 1) items.push({ label: 'Archetypes (book problems)', kind: vscode.QuickPickItemKind.Separator });
      items.push({
        label: `${t.id === 'blank' ? '$(new-file)' : '$(book)'} ${t.label}`,
        description: t.id === 'blank' ? 'mlsd-doc' : t.id,
        detail: t.description,
        template: t,
      });
    });
    const picked = await vscode.window.showQuickPick(items, {
      title: 'New ML Design Doc from Template',
      placeHolder: 'Pick an archetype (pre-filled framing, metrics, pitfalls) or a blank seven-step doc',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked || !('template' in picked)) return undefined;
    template = picked.template;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'mlsd', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(template.body), new vscode.Position(0, 0));
  return doc.uri;
}

// --- mlsd.showRuleDocumentation ------------------------------------------------------------------

/** Opens `docs/rules/<ID>.md` in the Markdown preview. `arg`: a rule id or alias, or a finding node. */
async function showRuleDocumentation(context: vscode.ExtensionContext, arg?: unknown): Promise<boolean> {
  const rules = listRuleDocs(context.asAbsolutePath('dist/rules.json'), context.asAbsolutePath('docs/rules'));
  if (rules.length === 0) {
    void vscode.window.showErrorMessage('ML System Design: no rule list found in the extension (dist/rules.json).');
    return false;
  }
  let rule: RuleDoc | undefined;
  if (arg !== undefined && arg !== null && !(arg instanceof vscode.Uri)) {
    rule = resolveRule(arg, rules);
    if (!rule) {
      void vscode.window.showErrorMessage(
        `ML System Design: unknown rule ${typeof arg === 'string' ? `"${arg}"` : ''}. Use an id (MLSD102) or an alias (missing-latency-constraint).`,
      );
      return false;
    }
  } else {
    // Rules with a finding at the cursor come first.
    const editor = vscode.window.activeTextEditor;
    const atCursor = new Set<string>();
    if (editor && isDesignDoc(editor.document)) {
      for (const d of mlsdDiagnostics(editor.document.uri)) {
        if (!d.range.contains(editor.selection.active)) continue;
        const code = typeof d.code === 'object' ? d.code.value : d.code;
        if (code !== undefined) atCursor.add(String(code).toUpperCase());
      }
    }
    const ordered = [...rules.filter((r) => atCursor.has(r.id)), ...rules.filter((r) => !atCursor.has(r.id))];
    const picked = await vscode.window.showQuickPick(
      ordered.map((r) => ({
        label: r.alias ? `${r.id} ${r.alias}` : r.id,
        description: atCursor.has(r.id) ? 'at the cursor' : undefined,
        detail: r.title || undefined,
        rule: r,
      })),
      { title: 'Show Rule Documentation', placeHolder: 'Rule id, alias or title', matchOnDetail: true },
    );
    if (!picked) return false;
    rule = picked.rule;
  }
  await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(rule.file));
  return true;
}

// --- mlsd.fixAll ------------------------------------------------------------------------------------

/** Applies every safe fix of the active design doc (or of the doc whose uri is given). Returns whether the doc changed. */
async function fixAll(arg?: unknown): Promise<boolean> {
  const uri =
    arg instanceof vscode.Uri
      ? arg
      : typeof arg === 'string'
        ? vscode.Uri.parse(arg)
        : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return false;
  const doc = await vscode.workspace.openTextDocument(uri);
  if (!isDesignDoc(doc)) {
    void vscode.window.showInformationMessage('ML System Design: Fix All works on *.mlsd.yaml design docs.');
    return false;
  }
  const before = doc.version;
  const full = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      full,
      vscode.CodeActionKind.SourceFixAll.value,
      10, // itemResolveCount: the server leaves fix-all's edit to codeAction/resolve
    )) ?? [];
  const ours = actions.filter((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && FIX_ALL_KIND.contains(a.kind));
  const chosen =
    ours.length > 0
      ? ours
      : actions.filter(
          (a): a is vscode.CodeAction =>
            'kind' in a && !!a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind) && /mlsd/i.test(a.title),
        );
  for (const action of chosen) {
    if (action.edit) await vscode.workspace.applyEdit(action.edit);
    if (action.command)
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
  if (chosen.length === 0 && client?.isRunning()) {
    // No code action of that kind: ask the server to apply its fixes through workspace/applyEdit.
    try {
      await client.sendRequest(ExecuteCommandRequest.type, {
        command: ServerCommands.fixAll,
        arguments: [client.code2ProtocolConverter.asUri(doc.uri)],
      });
    } catch (err) {
      output().appendLine(`[fixAll] ${ServerCommands.fixAll} failed: ${errorText(err)}`);
    }
  }
  const changed = doc.version !== before;
  vscode.window.setStatusBarMessage(
    changed ? 'ML System Design: applied the safe fixes' : 'ML System Design: no safe fixes to apply',
    3000,
  );
  return changed;
}

function output(): vscode.OutputChannel | { appendLine(s: string): void } {
  return client?.outputChannel ?? { appendLine: () => undefined };
}

/** The server's findings for a doc, pushed or pulled (the client's own collection holds only pushed ones). */
function mlsdDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mlsd');
}
