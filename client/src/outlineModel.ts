/**
 * The "ML Design" view model: turns the server's `mlsd/designOutline` answer into tree nodes
 * (labels, descriptions, icons, ranges). No `vscode` import: the tree data provider maps these
 * nodes to `TreeItem`s, and unit tests check the mapping without an editor.
 */
import type {
  DesignOutline,
  DesignOutlineFinding,
  DesignOutlineStep,
  PRange,
  SeverityName,
  StepStatus,
} from '../../server/src/protocol';

export type OutlineNodeKind = 'step' | 'section' | 'finding' | 'docs' | 'doc';

/** A ThemeIcon id plus an optional ThemeColor id. */
export interface NodeIcon {
  id: string;
  color?: string;
}

export interface OutlineNode {
  /** stable id (keeps expansion state across refreshes) */
  id: string;
  kind: OutlineNodeKind;
  label: string;
  description?: string;
  /** markdown tooltip */
  tooltip?: string;
  icon: NodeIcon;
  /** what clicking reveals; absent for a missing step without findings */
  range?: PRange;
  /** `contextValue` for menus: `mlsd.step.present` … , `mlsd.section`, `mlsd.finding`, `mlsd.docs`, `mlsd.doc` */
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  children: OutlineNode[];
  /** the step key for steps and their children */
  step: string;
  /** for findings: the rule id (e.g. MLSD102) and alias, for "Show rule documentation" */
  code?: string;
  alias?: string;
  severity?: SeverityName;
  /** for a workspace doc (the Design Docs section): its URI, which a click opens */
  uri?: string;
}

export const SEVERITY_ORDER: readonly SeverityName[] = ['error', 'warning', 'info', 'hint'];

export const STATUS_ICONS: Record<StepStatus, NodeIcon> = {
  present: { id: 'pass-filled', color: 'testing.iconPassed' },
  partial: { id: 'warning', color: 'list.warningForeground' },
  missing: { id: 'circle-large-outline', color: 'disabledForeground' },
};

export const SEVERITY_ICONS: Record<SeverityName, NodeIcon> = {
  error: { id: 'error', color: 'problemsErrorIcon.foreground' },
  warning: { id: 'warning', color: 'problemsWarningIcon.foreground' },
  info: { id: 'info', color: 'problemsInfoIcon.foreground' },
  hint: { id: 'lightbulb' },
};

const STATUS_WORDS: Record<StepStatus, string> = { present: 'complete', partial: 'incomplete', missing: 'missing' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning` (zero counts left out; `''` when there is nothing). Hints are left out unless `withHints`. */
export function formatCounts(counts: Partial<Record<SeverityName, number>> | undefined, withHints = false): string {
  if (!counts) return '';
  const parts: string[] = [];
  for (const sev of SEVERITY_ORDER) {
    if (sev === 'hint' && !withHints) continue;
    const n = counts[sev] ?? 0;
    if (n > 0) parts.push(plural(n, sev));
  }
  return parts.join(', ');
}

/**
 * A step's scorecard line: checklist items stated / expected, then its errors and warnings in words
 * (zeros left out): `5/7 · 1 warning`. `''` without a score (an older server).
 */
export function scoreLine(step: DesignOutlineStep): string {
  const s = step.score;
  if (!s) return '';
  const counts = formatCounts({ error: s.errors, warning: s.warnings });
  const items = s.expected > 0 ? `${s.stated}/${s.expected}` : '';
  return [items, counts].filter(Boolean).join(' · ');
}

/**
 * The description shown next to a step: `missing` when the doc has no section for it, then its scorecard
 * line (`5/7 · 1 warning`); without a score, its findings count.
 */
export function stepDescription(step: DesignOutlineStep): string {
  const line = step.score ? scoreLine(step) : formatCounts(step.counts);
  if (step.status === 'missing') return line ? `missing · ${line}` : 'missing';
  return line;
}

function compareRange(a: PRange | undefined, b: PRange | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function sortFindings(findings: DesignOutlineFinding[]): DesignOutlineFinding[] {
  return [...findings].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || compareRange(a.range, b.range),
  );
}

function rangeKey(r: PRange): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function findingNode(step: DesignOutlineStep, f: DesignOutlineFinding, i: number): OutlineNode {
  const rule = f.alias ? `${f.code} ${f.alias}` : f.code;
  return {
    id: `finding:${step.key}:${f.code}:${rangeKey(f.range)}:${i}`,
    kind: 'finding',
    label: f.message,
    description: rule,
    tooltip: `**${rule}** (${f.severity}) · line ${f.range.start.line + 1}\n\n${f.message}`,
    icon: SEVERITY_ICONS[f.severity] ?? SEVERITY_ICONS.info,
    range: f.range,
    contextValue: 'mlsd.finding',
    collapsible: 'none',
    children: [],
    step: step.key,
    code: f.code,
    alias: f.alias,
    severity: f.severity,
  };
}

/** Builds the nodes of one step: its subsections, then its findings (most severe first). */
export function stepNode(step: DesignOutlineStep): OutlineNode {
  const sections: OutlineNode[] = step.children.map((c) => ({
    id: `section:${step.key}:${c.key}`,
    kind: 'section',
    label: c.label || c.key,
    description: c.detail,
    tooltip: c.detail ? `\`${step.key}.${c.key}\` · ${c.detail}` : `\`${step.key}.${c.key}\``,
    icon: { id: 'symbol-field' },
    range: c.range,
    contextValue: 'mlsd.section',
    collapsible: 'none',
    children: [],
    step: step.key,
  }));
  const findings = sortFindings(step.findings).map((f, i) => findingNode(step, f, i));
  const children = [...sections, ...findings];
  const hasErrors = (step.counts.error ?? 0) > 0;
  const counts = formatCounts(step.counts, true);
  const score = step.score;
  const tooltip = [
    `**${step.label || step.title}**: ${STATUS_WORDS[step.status]}`,
    score && score.expected > 0 ? `Scorecard: ${score.stated}/${score.expected} checklist items stated` : '',
    score && score.toState.length > 0 ? `Still to state:\n${score.toState.map((t) => `- ${t}`).join('\n')}` : '',
    counts ? `Findings: ${counts}` : 'No findings',
    step.status === 'missing' ? `Add the section with the \`mlsd-${step.key}\` snippet or the quick fix.` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: `step:${step.key}`,
    kind: 'step',
    label: step.label || `${step.step} · ${step.title}`,
    description: stepDescription(step),
    tooltip,
    icon: STATUS_ICONS[step.status] ?? STATUS_ICONS.missing,
    // A missing step has no range: reveal its first finding (MLSD006 sits at line 1) instead.
    range: step.range ?? sortFindings(step.findings)[0]?.range,
    contextValue: `mlsd.step.${step.status}`,
    collapsible: children.length === 0 ? 'none' : hasErrors ? 'expanded' : 'collapsed',
    children,
    step: step.key,
  };
}

/** The whole tree: the seven steps in framework order. */
export function buildOutlineTree(outline: DesignOutline | undefined): OutlineNode[] {
  if (!outline) return [];
  return [...outline.steps].sort((a, b) => a.step - b.step).map(stepNode);
}

/**
 * One-line summary for the view's description/badge: the scorecard's readiness and verdict, then the
 * doc's findings: `Readiness 88 · ready for review · 2 warnings`. Without a scorecard (an older server):
 * `5/7 steps complete · 1 error, 2 warnings`.
 */
export function outlineSummary(outline: DesignOutline | undefined): { text: string; problems: number } {
  if (!outline) return { text: '', problems: 0 };
  const counts = formatCounts(outline.counts);
  const problems = (outline.counts.error ?? 0) + (outline.counts.warning ?? 0);
  const head =
    outline.readiness !== undefined
      ? `Readiness ${outline.readiness}${outline.verdict ? ` · ${outline.verdict}` : ''}`
      : `${outline.steps.filter((s) => s.status === 'present').length}/${outline.steps.length} steps complete`;
  return { text: `${head}${counts ? ` · ${counts}` : ''}`, problems };
}
