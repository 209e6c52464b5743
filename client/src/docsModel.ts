/**
 * The ML Design view's second section, **Design Docs**: every design doc of the workspace (the server's
 * `mlsd/workspaceDocs` answer) with its title, status, scorecard readiness and verdict, and finding counts;
 * a click opens the doc. No `vscode`
 * import: the tree data provider maps these nodes to `TreeItem`s, and unit tests check the mapping.
 */
import type { WorkspaceDocInfo, WorkspaceDocsResult } from '../../server/src/protocol';
import { SEVERITY_ICONS, formatCounts, type OutlineNode } from './outlineModel';

export const DOCS_SECTION_ID = 'docs';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The file name of a `file:` URI (for tooltips), decoded. */
function fileName(uri: string): string {
  const last = uri.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * `approved · readiness 88 · ready for review · 1 error, 2 warnings`, `draft · readiness 100 · complete`,
 * `not checked yet`: the doc's status, its review scorecard (readiness and verdict), its finding counts.
 * Without a scorecard (an older server), `no findings` when there is none.
 */
export function docDescription(d: WorkspaceDocInfo): string {
  const score =
    d.linted && d.readiness !== undefined ? `readiness ${d.readiness}${d.verdict ? ` · ${d.verdict}` : ''}` : '';
  const counts = d.linted ? formatCounts(d.counts) || (score ? '' : 'no findings') : 'not checked yet';
  return [d.status, score, counts].filter(Boolean).join(' · ');
}

export function docNode(d: WorkspaceDocInfo): OutlineNode {
  const icon = !d.linted
    ? { id: 'loading~spin' }
    : d.counts.error > 0
      ? SEVERITY_ICONS.error
      : d.counts.warning > 0
        ? SEVERITY_ICONS.warning
        : { id: 'pass-filled', color: 'testing.iconPassed' };
  const counts = formatCounts(d.counts, true);
  const tooltip = [
    `**${d.title}** · \`${fileName(d.uri)}\``,
    d.status ? `Status: ${d.status}` : '',
    d.linted && d.readiness !== undefined
      ? `Review scorecard: readiness ${d.readiness}/100${d.verdict ? `, ${d.verdict}` : ''}`
      : '',
    d.linted ? (counts ? `Findings: ${counts}` : 'No findings') : 'Waiting for the background check',
    d.open ? 'Open in the editor: the findings follow the unsaved text.' : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: `doc:${d.uri}`,
    kind: 'doc',
    label: d.title,
    description: docDescription(d),
    tooltip,
    icon,
    contextValue: 'mlsd.doc',
    collapsible: 'none',
    children: [],
    step: '',
    uri: d.uri,
  };
}

/** The Design Docs section node (undefined when there is no doc to list), its docs sorted by title. */
export function buildDocsSection(result: WorkspaceDocsResult | undefined | null): OutlineNode | undefined {
  if (!result || result.docs.length === 0) return undefined;
  const docs = [...result.docs].sort((a, b) => a.title.localeCompare(b.title) || a.uri.localeCompare(b.uri));
  const total = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of docs) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += d.counts[k] ?? 0;
  const counts = formatCounts(total);
  const fallback = result.scope === 'openFiles' && result.found > result.max;
  const tooltip = [
    result.scope === 'workspace'
      ? `Every design doc of the workspace (${plural(result.found, 'doc')}), checked in the background.`
      : fallback
        ? `Open docs only: the workspace holds ${result.found} design docs, more than \`mlsd.validate.maxWorkspaceDocs\` (${result.max}).`
        : 'Open docs only (`mlsd.validate.scope`: `openFiles`).',
    counts ? `Findings: ${counts}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: DOCS_SECTION_ID,
    kind: 'docs',
    label: 'Design Docs',
    description: `${plural(docs.length, 'doc')}${counts ? ` · ${counts}` : ''}${result.scope === 'openFiles' ? ' · open files' : ''}`,
    tooltip,
    icon: { id: 'files' },
    contextValue: 'mlsd.docs',
    collapsible: 'expanded',
    children: docs.map(docNode),
    step: '',
  };
}
