/**
 * Custom LSP messages shared by the server and the VS Code client. Plain types only: this file
 * imports nothing so that both bundles (and other editors' plugins) can use it.
 */

/** LSP-style position/range (0-based line, UTF-16 character). */
export interface PRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export type StepStatus = 'present' | 'partial' | 'missing';
export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

/** Request `mlsd/designOutline`: the seven framework steps of one doc, for the client's "ML Design" view. */
export const DesignOutlineRequest = 'mlsd/designOutline';
export interface DesignOutlineParams {
  uri: string;
}
export interface DesignOutlineFinding {
  code: string;
  alias: string;
  message: string;
  severity: SeverityName;
  range: PRange;
}
export interface DesignOutlineChild {
  key: string;
  label: string;
  range: PRange;
  detail?: string;
}
export interface DesignOutlineStep {
  step: number; // 1..7
  key: string; // 'requirements' … 'monitoring'
  title: string; // 'Requirements'
  label: string; // '1 · Requirements'
  status: StepStatus; // missing: no section; partial: section present but its step has findings of severity warning/error or key fields not stated; present: complete
  range?: PRange; // the section (key to end of value); absent when missing
  counts: Record<SeverityName, number>;
  children: DesignOutlineChild[];
  findings: DesignOutlineFinding[];
  /** the step's line of the review scorecard (engine/scorecard.ts) */
  score?: DesignOutlineStepScore;
}
/** One step of the review scorecard: checklist items stated / expected, its errors and warnings. */
export interface DesignOutlineStepScore {
  stated: number;
  expected: number;
  errors: number;
  warnings: number;
  /** titles of the expected checklist items the doc does not state yet */
  toState: string[];
}
export interface DesignOutline {
  uri: string;
  version: number | null;
  title?: string;
  steps: DesignOutlineStep[];
  counts: Record<SeverityName, number>;
  /** the review scorecard's overall readiness (0–100) and verdict */
  readiness?: number;
  verdict?: 'draft' | 'ready for review' | 'complete';
}

/** Notification `mlsd/status` (server → client): validation state for the language status item. */
export const StatusNotification = 'mlsd/status';
export interface StatusParams {
  uri: string;
  state: 'ok' | 'validating' | 'error' | 'disabled';
  counts?: Record<SeverityName, number>;
  message?: string;
  elapsedMs?: number;
}

/**
 * Request `mlsd/practiceReport` (client → server): the end report of a practice interview over the doc
 * `uri`, compared with `reference` (the archetype's template text, expanded with its defaults; absent
 * when the archetype has none). Answers Markdown, or null when the doc is not open.
 */
export const PracticeReportRequest = 'mlsd/practiceReport';
export interface PracticeReportParams {
  uri: string;
  archetype: string;
  reference?: string;
  session?: {
    status: 'finished' | 'ended';
    elapsedMs: number;
    durationMs: number;
    phases: { title: string; spentMs: number; boxMs: number; entered?: boolean }[];
  };
}
export interface PracticeReportResult {
  markdown: string;
}
/** Which docs the server lints: every design doc of the workspace folders, or only the open ones. */
export type ValidateScope = 'workspace' | 'openFiles';

/**
 * Request `mlsd/workspaceDocs` (client → server, no params): the design docs of the workspace, for the ML Design
 * view's **Design Docs** section. With scope `workspace`, every doc found (linted in the background: `linted`
 * false until its turn); with `openFiles` (set, or the fallback past `maxWorkspaceDocs`), the open docs.
 */
export const WorkspaceDocsRequest = 'mlsd/workspaceDocs';
export interface WorkspaceDocInfo {
  uri: string;
  /** the doc's `title:`, else its file name */
  title: string;
  /** the doc's `status:` (draft, review, approved, deprecated) when stated */
  status?: string;
  counts: Record<SeverityName, number>;
  /** open in the editor (its findings follow the unsaved text) */
  open: boolean;
  /** findings computed (false while the doc waits for the background linting) */
  linted: boolean;
  /** the review scorecard's readiness (0–100) and verdict, once linted */
  readiness?: number;
  verdict?: 'draft' | 'ready for review' | 'complete';
}
export interface WorkspaceDocsResult {
  /** the scope in effect: `openFiles` also when the workspace holds more than `max` docs */
  scope: ValidateScope;
  /** design docs found in the workspace folders (0 when the scope is set to `openFiles`: nothing is searched) */
  found: number;
  max: number;
  docs: WorkspaceDocInfo[];
}
/** Notification `mlsd/workspaceDocsChanged` (server → client, no params): ask `mlsd/workspaceDocs` again. */
export const WorkspaceDocsChangedNotification = 'mlsd/workspaceDocsChanged';

/** Commands the server can execute (workspace/executeCommand). */
export const ServerCommands = {
  /** args: [uri: string] — applies every safe fix of the doc through workspace/applyEdit */
  fixAll: 'mlsd.server.fixAll',
} as const;

/** Settings section read by the server via workspace/configuration ('mlsd'). */
export interface MlsdSettings {
  preset?: 'recommended' | 'strict';
  rules?: Record<string, string | [string, Record<string, unknown>]>;
  /** `mlsd.options.*`: the options table (engine/options.ts), camelCase (`qpsTolerance`) */
  options?: Record<string, number>;
  validate?: {
    enable?: boolean;
    /** `workspace` (default): every design doc of the workspace folders, up to `maxWorkspaceDocs`; `openFiles`: open docs only */
    scope?: ValidateScope;
    /** the most design docs linted in the background; a workspace with more falls back to open docs (one notice) */
    maxWorkspaceDocs?: number;
  };
  maxItemsComputed?: number;
}

/**
 * Rule documentation: each diagnostic's `codeDescription.href` is a `file:` URI of the rule's page
 * `docs/rules/<ID>.md` shipped with the package (the .vsix and the npm package include `docs/`), so the
 * link works offline and always matches the installed version.
 */

/**
 * Request `mlsd/render` (client → server): an open doc rendered from its cached analysis (parsed and
 * linted once per version), for the preview. `format` model (default) answers the render model of
 * `server/src/engine/render/model.ts` (`RenderModel`, JSON: offsets into the doc as `span`, 1-based lines
 * in findings); html answers the self-contained page of `mlsd export --format html`; markdown the
 * Markdown export. Repeating a request for an unchanged version answers the same object without
 * recomputing. `null` when the doc is not open.
 */
export const RenderRequest = 'mlsd/render';
export type RenderFormat = 'model' | 'html' | 'markdown';
export interface RenderParams {
  uri: string;
  format?: RenderFormat;
}
export interface RenderResult {
  uri: string;
  version: number | null;
  format: RenderFormat;
  /** format model: the RenderModel */
  model?: Record<string, unknown>;
  /** format html or markdown: the document */
  text?: string;
}
