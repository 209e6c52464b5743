/**
 * **ML Design: Start Practice Interview…** and its Pause / Resume / End commands: the thin `vscode`
 * layer over client/src/practiceModel.ts. It picks a problem, opens the practice doc, shows the session in
 * a status-bar item (click: pause, move on, end), nudges when a phase overruns, and at the end asks the
 * server for the report (`mlsd/practiceReport`, compared with the archetype's template) and opens it in
 * the Markdown preview of a read-only virtual document. Nothing runs without a session: the status item,
 * the listeners and the one interval timer exist only while one is active.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PracticeReportRequest, type PracticeReportParams, type PracticeReportResult } from '../../server/src/protocol';
import {
  PracticeController,
  nudgeMessage,
  phaseAtOffset,
  practiceDocText,
  practiceMenu,
  practiceStatus,
  problemPicks,
  resolveProblem,
} from './practiceModel';
import { expandSnippet, findTemplate, loadTemplates } from './templates';

export const PracticeCommands = {
  start: 'mlsd.startPractice',
  pause: 'mlsd.pausePractice',
  resume: 'mlsd.resumePractice',
  end: 'mlsd.endPractice',
  /** the status-bar item's click: pause/resume, move on, end */
  menu: 'mlsd.practiceMenu',
} as const;

/** Context keys for the commands' enablement. */
const ACTIVE_KEY = 'mlsd.practice.active';
const PAUSED_KEY = 'mlsd.practice.paused';
/** Virtual documents holding the reports. */
const REPORT_SCHEME = 'mlsd-practice-report';

export function registerPractice(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
): vscode.Disposable {
  const reports = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  let item: vscode.StatusBarItem | undefined;
  let listeners: vscode.Disposable[] = [];
  let reportCount = 0;

  let contextState: string | undefined;
  const setContext = (active: boolean, paused: boolean) => {
    const key = `${active}/${paused}`;
    if (key === contextState) return;
    contextState = key;
    void vscode.commands.executeCommand('setContext', ACTIVE_KEY, active);
    void vscode.commands.executeCommand('setContext', PAUSED_KEY, paused);
  };
  const teardown = () => {
    item?.dispose();
    item = undefined;
    for (const d of listeners) d.dispose();
    listeners = [];
    setContext(false, false);
  };

  const controller: PracticeController = new PracticeController({
    now: () => Date.now(),
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
    onUpdate: (s) => {
      if (s.status === 'finished' || s.status === 'ended') {
        teardown();
        return;
      }
      if (!item) return;
      const v = practiceStatus(s);
      item.text = v.text;
      item.tooltip = v.tooltip;
      item.backgroundColor = v.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      setContext(true, s.status === 'paused');
    },
    onNudge: (e) => {
      const actions = e.next ? [`Move on to ${e.next}`, 'Pause'] : ['Pause'];
      void vscode.window.showInformationMessage(nudgeMessage(e), ...actions).then((a) => {
        if (a === 'Pause') controller.pause();
        else if (a) controller.next();
      });
    },
    onEnd: (archetype, uri, summary) => void showReport(archetype, uri, summary),
  });

  async function showReport(archetype: string, uri: string, session: PracticeReportParams['session']): Promise<void> {
    const client = getClient();
    let reference: string | undefined;
    try {
      const t = findTemplate(loadTemplates(context.extensionPath), archetype);
      reference = t ? expandSnippet(t.body) : undefined;
    } catch {
      reference = undefined; // the report says there is no reference
    }
    let result: PracticeReportResult | null = null;
    try {
      if (client?.isRunning()) {
        const params: PracticeReportParams = { uri, archetype, reference, session };
        result = await client.sendRequest<PracticeReportResult | null>(PracticeReportRequest, params);
      }
    } catch (err) {
      client?.outputChannel.appendLine(`[practice] report failed: ${err instanceof Error ? err.message : err}`);
    }
    if (!result) {
      void vscode.window.showErrorMessage(
        'ML System Design: the practice report needs the language server and the open practice doc.',
      );
      return;
    }
    const reportUri = vscode.Uri.from({
      scheme: REPORT_SCHEME,
      path: `/${archetype}-practice-report-${++reportCount}.md`,
    });
    reports.set(reportUri.toString(), result.markdown);
    changed.fire(reportUri);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', reportUri);
    } catch {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(reportUri), { preview: false });
    }
  }

  async function start(arg?: unknown): Promise<string | undefined> {
    if (controller.active) {
      const answer = await vscode.window.showWarningMessage(
        'A practice interview is running. End it and start another?',
        { modal: true },
        'End and Start',
      );
      if (answer !== 'End and Start') return undefined;
      controller.end();
    }
    let id = typeof arg === 'string' ? arg : undefined;
    if (!id) {
      const picks = problemPicks().map((p) =>
        p.separator
          ? { label: p.label, kind: vscode.QuickPickItemKind.Separator }
          : { label: p.label, description: p.description, detail: p.detail, id: p.id },
      );
      const picked = await vscode.window.showQuickPick(picks, {
        title: 'Start Practice Interview (45 minutes)',
        placeHolder: 'Pick a problem, or a random one',
        matchOnDescription: true,
        matchOnDetail: true,
      });
      id = picked && 'id' in picked ? picked.id : undefined;
      if (!id) return undefined;
    }
    const archetype = resolveProblem(id, Math.random);
    const content = archetype ? practiceDocText(archetype) : undefined;
    if (!archetype || !content) {
      void vscode.window.showErrorMessage(`ML System Design: no practice problem "${id}".`);
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'mlsd', content });
    const editor = await vscode.window.showTextDocument(doc);
    const first = content.split('\n').findIndex((l) => l.startsWith('requirements:'));
    if (first >= 0) {
      const end = new vscode.Position(first, 'requirements:'.length);
      editor.selection = new vscode.Selection(end, end);
    }
    const uri = doc.uri.toString();
    teardown();
    item = vscode.window.createStatusBarItem('mlsd.practice', vscode.StatusBarAlignment.Left, 100);
    item.name = 'ML Design Practice Interview';
    item.command = PracticeCommands.menu;
    item.show();
    listeners.push(
      // Writing in a later step's section moves the phase on (an edit, not a click: a stray click at the
      // bottom of the doc must not skip the agenda, which only moves forward).
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() !== uri || e.contentChanges.length === 0) return;
        const text = e.document.getText();
        const offset = Math.min(text.length, e.contentChanges[0].rangeOffset + e.contentChanges[0].text.length);
        controller.editIn(uri, phaseAtOffset(text, offset));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() !== uri || !controller.active) return;
        controller.end(false);
        void vscode.window.showInformationMessage('Practice interview ended: its doc was closed.');
      }),
    );
    controller.start(archetype, uri);
    return uri;
  }

  async function menu(): Promise<void> {
    const s = controller.snapshot();
    if (!s || !controller.active) return;
    const picked = await vscode.window.showQuickPick(practiceMenu(s), { title: practiceStatus(s).tooltip });
    if (picked?.action === 'pause') controller.pause();
    else if (picked?.action === 'resume') controller.resume();
    else if (picked?.action === 'next') controller.next();
    else if (picked?.action === 'end') controller.end();
  }

  setContext(false, false);
  const disposables = [
    changed,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (u) => reports.get(u.toString()) ?? '',
    }),
    vscode.commands.registerCommand(PracticeCommands.start, start),
    vscode.commands.registerCommand(PracticeCommands.pause, () => controller.pause()),
    vscode.commands.registerCommand(PracticeCommands.resume, () => controller.resume()),
    vscode.commands.registerCommand(PracticeCommands.end, () => controller.end()),
    vscode.commands.registerCommand(PracticeCommands.menu, menu),
  ];
  return new vscode.Disposable(() => {
    controller.dispose();
    teardown();
    for (const d of disposables) d.dispose();
  });
}
