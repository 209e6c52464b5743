/**
 * Navigation over format.md's cross-references (engine/refs.ts): go to definition, find references,
 * document highlights, and rename with prepareRename. Only ids and references are navigable; rename
 * edits every use of the name and nothing else (a feature id equal to a source id, or prose mentioning
 * the id, is left alone), never edits aliased nodes, and keeps each metric's `@cutoff` as written.
 */
import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Location,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { findMetric, normalizeName } from '../engine/domain';
import { ID_PATTERN, NAMESPACE_LISTS, refIndex, type RefIndex, type RefSite } from '../engine/refs';
import { positionAt } from '../engine/parse';
import { toOffset, toRange } from '../lspConvert';
import type { Analysis } from '../lint/analysis';

function siteAt(a: Analysis, pos: Position): { idx: RefIndex; site: RefSite } | undefined {
  const idx = refIndex(a.doc);
  const site = idx.at(toOffset(a.doc, pos));
  return site ? { idx, site } : undefined;
}

function location(a: Analysis, s: RefSite): Location {
  return { uri: a.uri, range: toRange(a.doc, s.start, s.end) };
}

/** From a reference to the declaration(s) it names; on a declaration, the declaration itself. */
export function definition(a: Analysis, pos: Position): Location[] {
  const hit = siteAt(a, pos);
  if (!hit) return [];
  return hit.idx.targets(hit.site).map((s) => location(a, s));
}

/** The declaration (when `includeDeclaration`) and every use of the id under the cursor. */
export function references(a: Analysis, pos: Position, includeDeclaration: boolean): Location[] {
  const hit = siteAt(a, pos);
  if (!hit) return [];
  return hit.idx
    .group(hit.site)
    .filter((s) => includeDeclaration || s.role === 'reference')
    .map((s) => location(a, s));
}

/** Every occurrence of the id under the cursor: declarations as Write, uses as Read. */
export function highlights(a: Analysis, pos: Position): DocumentHighlight[] {
  const hit = siteAt(a, pos);
  if (!hit) return [];
  return hit.idx.group(hit.site).map((s) => ({
    range: toRange(a.doc, s.start, s.end),
    kind: s.role === 'declaration' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

/** Rename is offered on ids and references only (not on aliased nodes or block scalars). */
export function prepareRename(a: Analysis, pos: Position): { range: Range; placeholder: string } | null {
  const hit = siteAt(a, pos);
  if (!hit?.site.editable) return null;
  return { range: toRange(a.doc, hit.site.start, hit.site.end), placeholder: hit.site.text };
}

function describe(s: RefSite): string {
  return s.ns === 'onlineMetric'
    ? 'metric name'
    : NAMESPACE_LISTS[s.ns].key === 'name'
      ? `${NAMESPACE_LISTS[s.ns].label} name`
      : `${NAMESPACE_LISTS[s.ns].label} id`;
}

/** Why a new name cannot be used, or undefined when it can. */
function invalidName(a: Analysis, idx: RefIndex, site: RefSite, group: RefSite[], newName: string): string | undefined {
  const what = describe(site);
  if (newName.trim() === '') return `A ${what} cannot be empty.`;
  if (site.ns === 'onlineMetric' && newName.includes('@')) {
    return `Type the metric name without its cutoff (\`${newName.slice(0, newName.indexOf('@'))}\`): rename keeps each \`@cutoff\` as written.`;
  }
  if (!ID_PATTERN.test(newName)) {
    return `\`${newName}\` is not a valid ${what}: use lower case letters, digits, \`_\`, \`.\` and \`-\`, starting with a letter or digit (\`[a-z0-9][a-z0-9_.-]*\`).`;
  }
  // an unresolved reference may well be renamed to a declared id: that is how it gets fixed
  if (!group.some((s) => s.role === 'declaration')) return undefined;
  const list = NAMESPACE_LISTS[site.ns].list;
  const mine = new Set(group);
  if (site.ns === 'onlineMetric') {
    const newKey = findMetric(newName)?.name ?? normalizeName(newName);
    const cutoffs = group.filter((s) => s.role === 'declaration').map((s) => s.cutoff);
    if (!cutoffs.length) cutoffs.push(site.cutoff);
    const clash = idx
      .declarations('onlineMetric')
      .find(
        (d) =>
          !mine.has(d) &&
          d.key === newKey &&
          cutoffs.some((c) => c === undefined || d.cutoff === undefined || c === d.cutoff),
      );
    if (clash)
      return `\`${list}\` already lists \`${clash.node.value}\` (line ${lineOf(a, clash)}); renaming to \`${newName}\` would list one metric twice.`;
    return undefined;
  }
  const norm = normalizeName(newName);
  const clash = idx.declarations(site.ns).find((d) => !mine.has(d) && d.key === norm);
  if (clash) {
    return `\`${list}\` already has an entry with ${NAMESPACE_LISTS[site.ns].key} \`${clash.text}\` (line ${lineOf(a, clash)})${norm === clash.text ? '' : ' (ids match case-insensitively, with `_` and `-` alike)'}; ${what}s must be unique within their list.`;
  }
  return undefined;
}

function lineOf(a: Analysis, s: RefSite): number {
  return positionAt(a.doc.parsed, s.start).line + 1;
}

/**
 * Renames the id or reference under the cursor: edits every declaration and use of it (aliased
 * nodes excepted), each site keeping its `@cutoff`. An invalid or clashing new name → `{error}`.
 */
export function rename(
  a: Analysis,
  pos: Position,
  newName: string,
): { edit: WorkspaceEdit } | { error: string } | null {
  const hit = siteAt(a, pos);
  if (!hit) return null;
  const { idx, site } = hit;
  if (!site.editable)
    return {
      error: `This ${describe(site)} comes from a YAML alias (or a block scalar); rename it where it is written.`,
    };
  const group = idx.group(site);
  const error = invalidName(a, idx, site, group, newName);
  if (error) return { error };
  const edits: TextEdit[] = group
    .filter((s) => s.editable)
    .map((s) => ({ range: toRange(a.doc, s.start, s.end), newText: newName }));
  return { edit: { changes: { [a.uri]: edits } } };
}
