/**
 * Workspace linting (`mlsd.validate.scope: workspace`): every design doc of the workspace folders is linted
 * from disk in the background, so a closed doc's findings are in the Problems panel without opening it, and
 * the ML Design view's **Design Docs** section lists them all (`mlsd/workspaceDocs`).
 *
 * - The docs come from `lint/workspaceFiles.ts` (`files.exclude`, `.gitignore`, no `node_modules`/dot-folders).
 * - Bounded: past `maxWorkspaceDocs` docs the server falls back to open docs, with a one-time notice; closed
 *   docs are linted a few at a time between turns of the event loop, and not while the open docs have work
 *   pending (a request being answered, a validation scheduled), so the doc being edited is served first.
 * - Kept current: a changed file is linted again, a created or deleted one triggers a (debounced) rescan,
 *   a deleted one's findings are cleared at once; a config change lints every doc again. A doc whose file
 *   stamp (mtime, size) and config generation are unchanged is not linted again.
 * - Open docs are the session's: this module skips them, and takes a doc back (linted from disk, the text
 *   closing leaves) when it is closed, so its findings stay.
 *
 * No connection: the server wires it through `WorkspaceHost` (publish, notify, settings); config resolution
 * and linting are the session's (`Session.analyzeDetached`, the `.mlsdrc.yaml` search and cache).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Analysis } from './lint/analysis';
import { scorecardOf } from './features/scorecard';
import { isInside } from './lint/config';
import { pathToUri, uriToPath } from './lint/uri';
import { findWorkspaceDocs, isWorkspaceDocName } from './lint/workspaceFiles';
import type { MlsdSettings, SeverityName, ValidateScope, WorkspaceDocInfo, WorkspaceDocsResult } from './protocol';
import type { Session } from './session';

export const DEFAULT_MAX_WORKSPACE_DOCS = 200;
/** docs linted per turn of the event loop, at most, and the time slice of one turn */
const BATCH_DOCS = 4;
const BATCH_MS = 15;
/** how long the background waits while open docs have work pending */
const BUSY_RETRY_MS = 20;
const RESCAN_DEBOUNCE_MS = 100;
/** files larger than this are not read in the background (the engine would only report their size) */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface WorkspaceHost {
  isOpen(uri: string): boolean;
  /** publishes a closed doc's findings; `undefined` clears them */
  publish(uri: string, analysis: Analysis | undefined): void;
  /** the Design Docs list changed */
  changed(): void;
  /** open docs have work pending: the background waits */
  busy(): boolean;
  notice(message: string): void;
  log(message: string): void;
}

export interface WorkspaceFolderConfig {
  /** absolute path */
  path: string;
  /** the folder's `mlsd` settings (rule settings, scope, cap) */
  settings: MlsdSettings;
  /** the folder's `files.exclude` */
  filesExclude?: unknown;
}

interface Entry {
  path: string;
  root: string;
  /** what the last lint read: file stamp and config generation */
  stamp?: string;
  info?: WorkspaceDocInfo;
  /** findings were published for it (so a removal must clear them) */
  published: boolean;
}

const emptyCounts = (): Record<SeverityName, number> => ({ error: 0, warning: 0, info: 0, hint: 0 });

/** Title, status, finding counts and scorecard readiness of an analysis, for the Design Docs list. */
export function docInfo(a: Analysis, open: boolean): WorkspaceDocInfo {
  const counts = emptyCounts();
  for (const f of a.lint.findings) counts[f.severity]++;
  const title = a.doc.str('title')?.replace(/\s+/g, ' ').trim();
  const status = a.doc.str('status')?.trim();
  const card = scorecardOf(a);
  return {
    uri: a.uri,
    title: title || fileTitle(a.uri),
    ...(status ? { status } : {}),
    counts,
    open,
    linted: true,
    readiness: card.readiness,
    verdict: card.verdict,
  };
}

function fileTitle(uri: string): string {
  const p = uriToPath(uri);
  return p ? path.basename(p) : uri;
}

export class WorkspaceDocs {
  private folders: WorkspaceFolderConfig[] = [];
  private entries = new Map<string, Entry>();
  private queue = new Set<string>();
  private generation = 0;
  private pumping = false;
  private rescanTimer: NodeJS.Timeout | undefined;
  private scanSeq = 0;
  private scanAbort: AbortController | undefined;
  private noticeShown = false;
  private disposed = false;
  /** the scope in effect */
  scope: ValidateScope = 'openFiles';
  private requested: ValidateScope = 'openFiles';
  private max = DEFAULT_MAX_WORKSPACE_DOCS;
  private found = 0;

  constructor(
    private readonly session: Session,
    private readonly host: WorkspaceHost,
  ) {}

  /** New folders or settings: rescans, and lints every doc again (rule settings may have changed). */
  configure(folders: WorkspaceFolderConfig[]): Promise<void> {
    this.folders = folders;
    const first = folders[0]?.settings;
    this.requested = requestedScope(first);
    const max = first?.validate?.maxWorkspaceDocs;
    this.max =
      typeof max === 'number' && Number.isFinite(max) && max >= 0 ? Math.floor(max) : DEFAULT_MAX_WORKSPACE_DOCS;
    this.generation++;
    return this.rescan();
  }

  /** A config file (`.mlsdrc.yaml`) changed: every closed doc is linted again. */
  invalidate(): void {
    this.generation++;
    for (const uri of this.entries.keys()) this.queue.add(uri);
    this.pump();
  }

  /** Lists the docs again and reconciles: new docs are queued, vanished ones cleared. A newer scan wins. */
  async rescan(): Promise<void> {
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.rescanTimer = undefined;
    if (this.disposed) return;
    const seq = ++this.scanSeq;
    this.scanAbort?.abort();
    const abort = new AbortController();
    this.scanAbort = abort;
    const wanted = new Map<string, Entry>();
    let found = 0;
    if (this.requested === 'workspace') {
      for (const f of this.folders) {
        if (f.settings.validate?.enable === false) continue;
        const { files } = await findWorkspaceDocs(f.path, f.filesExclude, abort.signal);
        if (seq !== this.scanSeq || this.disposed) return; // replaced by a newer scan
        for (const file of files) {
          const uri = pathToUri(file);
          if (wanted.has(uri)) continue; // nested folders: once
          found++;
          wanted.set(uri, this.entries.get(uri) ?? { path: file, root: f.path, published: false });
        }
      }
    }
    this.found = found;
    const fallback = this.requested === 'workspace' && found > this.max;
    this.scope = this.requested === 'workspace' && !fallback ? 'workspace' : 'openFiles';
    if (fallback && !this.noticeShown) {
      this.noticeShown = true;
      this.host.notice(
        `ML System Design: the workspace holds ${found} design docs, more than mlsd.validate.maxWorkspaceDocs (${this.max}), so only open docs are checked. Raise the setting to check every doc.`,
      );
    }
    if (this.scope !== 'workspace') wanted.clear();
    for (const [uri, e] of this.entries) if (!wanted.has(uri)) this.drop(uri, e);
    this.entries = wanted;
    for (const [uri, e] of wanted) if (e.stamp !== this.stampOf(e)) this.queue.add(uri);
    this.host.changed();
    this.pump();
  }

  /** `workspace/didChangeWatchedFiles` for a design doc: 1 created, 2 changed, 3 deleted. */
  fileEvent(uri: string, type: number): void {
    if (type === 3) {
      const e = this.entries.get(uri);
      if (e) {
        this.entries.delete(uri);
        this.drop(uri, e);
        this.host.changed();
      }
      this.scheduleRescan(); // a deleted folder: its docs go at the rescan
      return;
    }
    const e = this.entries.get(uri);
    if (type === 2) {
      // a change to a doc that is not listed (excluded, ignored, over the cap) changes nothing
      if (e) {
        this.queue.add(uri);
        this.pump();
      }
    } else if (this.requested === 'workspace') this.scheduleRescan(); // a new doc: the rescan decides (excluded, ignored)
  }

  /** An open doc was closed: its findings now come from the file (the closing dropped unsaved edits). */
  closed(uri: string): boolean {
    const e = this.entries.get(uri);
    if (!e || this.scope !== 'workspace') return false;
    e.stamp = undefined;
    this.queue.add(uri);
    this.pump();
    return true;
  }

  /** An open doc was validated: its counts in the list may have changed. */
  openDocChanged(): void {
    this.host.changed();
  }

  /** The doc is in the workspace list (linted in the background when closed). */
  has(uri: string): boolean {
    return this.scope === 'workspace' && this.entries.has(uri);
  }

  /** The Design Docs list: workspace docs (open ones with their live findings), then open docs outside it. */
  list(openAnalyses: Analysis[]): WorkspaceDocsResult {
    const open = new Map(openAnalyses.map((a) => [a.uri, a]));
    const docs: WorkspaceDocInfo[] = [];
    for (const [uri, e] of this.entries) {
      const a = open.get(uri);
      if (a) docs.push(docInfo(a, true));
      else
        docs.push(e.info ?? { uri, title: path.basename(e.path), counts: emptyCounts(), open: false, linted: false });
      open.delete(uri);
    }
    for (const a of open.values()) if (uriToPath(a.uri)) docs.push(docInfo(a, true));
    docs.sort((x, y) => x.title.localeCompare(y.title) || x.uri.localeCompare(y.uri));
    return { scope: this.scope, found: this.found, max: this.max, docs };
  }

  /** Docs still waiting for the background linting (for tests and logs). */
  get pending(): number {
    return this.queue.size;
  }

  dispose(): void {
    this.disposed = true;
    this.scanAbort?.abort();
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.queue.clear();
  }

  private scheduleRescan(): void {
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => void this.rescan(), RESCAN_DEBOUNCE_MS);
  }

  private drop(uri: string, e: Entry): void {
    this.queue.delete(uri);
    if (e.published && !this.host.isOpen(uri)) this.host.publish(uri, undefined);
    e.published = false;
  }

  private stampOf(e: Entry): string | undefined {
    try {
      const st = fs.statSync(e.path);
      return `${st.mtimeMs}:${st.size}:${this.generation}`;
    } catch {
      return undefined;
    }
  }

  private pump(): void {
    if (this.pumping || this.disposed || this.queue.size === 0) return;
    this.pumping = true;
    setImmediate(() => this.step());
  }

  private step(): void {
    if (this.disposed) return;
    if (this.host.busy()) {
      setTimeout(() => this.step(), BUSY_RETRY_MS);
      return;
    }
    const t0 = performance.now();
    let n = 0;
    let changed = false;
    for (const uri of this.queue) {
      if (n >= BATCH_DOCS || performance.now() - t0 > BATCH_MS) break;
      this.queue.delete(uri);
      const e = this.entries.get(uri);
      if (!e || this.host.isOpen(uri)) continue;
      n++;
      changed = this.lintOne(uri, e) || changed;
    }
    if (changed) this.host.changed();
    if (this.queue.size > 0) setImmediate(() => this.step());
    else this.pumping = false;
  }

  /** Lints one closed doc from disk and publishes its findings; false when the file is gone. */
  private lintOne(uri: string, e: Entry): boolean {
    const stamp = this.stampOf(e);
    if (stamp === undefined) {
      this.entries.delete(uri);
      this.drop(uri, e);
      return true;
    }
    if (stamp === e.stamp) return false;
    try {
      if (fs.statSync(e.path).size > MAX_FILE_BYTES) {
        this.host.log(`mlsd: ${e.path} is over ${MAX_FILE_BYTES / 1024 / 1024} MB: not linted in the background`);
        e.stamp = stamp;
        return false;
      }
      const text = fs.readFileSync(e.path, 'utf8');
      const folder = this.folders.find((f) => isInside(e.path, f.path) && f.path === e.root);
      const a = this.session.analyzeDetached(uri, text, folder?.settings);
      e.stamp = stamp;
      e.info = docInfo(a, false);
      e.published = true;
      this.host.publish(uri, a);
      for (const err of a.lint.internalErrors) this.host.log(`mlsd: ${err}`);
      return true;
    } catch (err) {
      this.host.log(`mlsd: background lint of ${e.path} failed: ${(err as Error)?.message ?? err}`);
      return false;
    }
  }
}

function requestedScope(s: MlsdSettings | undefined): ValidateScope {
  if (s?.validate?.enable === false) return 'openFiles';
  return s?.validate?.scope === 'openFiles' ? 'openFiles' : 'workspace';
}

export { isWorkspaceDocName };
