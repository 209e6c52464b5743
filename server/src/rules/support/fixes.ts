/**
 * Suggestion builders shared by rules: a one-edit suggestion, and list edits that add items to a list
 * in the doc's own style (flow or block), filling placeholders.
 */
import { appendToList, insertField, renderFlow, replaceScalar, type TextEdit } from '../../engine/edits';
import type { MlsdDoc } from '../../engine/model';
import type { ValidationIssue } from '../../engine/validate';
import { isPlaceholder } from '../../engine/values';
import type { Fix, Report } from '../types';

/** A one-edit unsafe suggestion, or undefined when the edit cannot be made. */
export function suggestion(title: string, edit: TextEdit | undefined): Fix[] | undefined {
  return edit ? [{ title, edits: [edit], safe: false }] : undefined;
}

export function splitPath(path: string): string[] {
  return path.split('.');
}

/**
 * An edit that puts `items` into the list at `path`: creates the key when it is absent, fills a null or
 * placeholder value, replaces a lone placeholder item, or appends (flow or block style kept).
 */
export function listEdit(doc: MlsdDoc, path: string, items: string[]): TextEdit | undefined {
  if (!items.length) return undefined;
  const parts = splitPath(path);
  const n = doc.node(parts);
  if (!n) return insertField(doc, parts.slice(0, -1), parts[parts.length - 1], items);
  if (n.aliased) return undefined;
  if (n.kind === 'scalar') {
    if (n.value === null || n.value === undefined || n.value === '') return appendToList(doc, n, items.join(', '));
    if (isPlaceholder(n.value)) return replaceScalar(n, renderFlow(items));
    return undefined;
  }
  if (n.kind !== 'seq') return undefined;
  const existing = n.items ?? [];
  const lone =
    existing.length === 1 && existing[0].kind === 'scalar' && isPlaceholder(existing[0].value)
      ? existing[0]
      : undefined;
  if (n.flow) {
    if (lone) return replaceScalar(lone, items.join(', '));
    return appendToList(doc, n, items.join(', '));
  }
  if (lone && items.length === 1) return replaceScalar(lone, items[0]);
  const first = appendToList(doc, n, items[0]);
  if (!first) return undefined;
  const prefix = first.newText.slice(0, first.newText.length - items[0].length);
  return { ...first, newText: items.map((i) => prefix + i).join('') };
}

/** A suggestion (never safe: the author chooses) that adds items to a list. */
export function listSuggestion(doc: MlsdDoc, path: string, items: string[], title: string): Fix | undefined {
  const edit = listEdit(doc, path, items);
  return edit ? { title, edits: [edit], safe: false } : undefined;
}

export function defined<T>(xs: (T | undefined)[]): T[] {
  return xs.filter((x): x is T => x !== undefined);
}

/**
 * The finding of a catalogue check (MLSD002, MLSD003, MLSD012): the issue's headline and explanation, a safe
 * fix to the one close candidate (none on an aliased value: the edit would land on the anchor), and the other
 * candidates as suggestions. `verb` titles the edits ("Rename to `x`", "Change to `x`").
 */
export function validationReport(
  issue: ValidationIssue,
  verb: 'Rename' | 'Change',
  explanation: string = issue.explanation,
): Report {
  const replace = (to: string, safe: boolean): Fix => ({
    title: `${verb} to \`${to}\``,
    edits: [{ start: issue.start, end: issue.end, newText: to }],
    safe,
  });
  return {
    start: issue.start,
    end: issue.end,
    message: issue.message,
    explanation,
    fix: issue.replacement && !issue.node.aliased ? replace(issue.replacement, true) : undefined,
    suggestions: (issue.candidates ?? []).filter((c) => c !== issue.replacement).map((c) => replace(c, false)),
  };
}
