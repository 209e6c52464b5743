/**
 * Suggestion builders shared by rules: a one-edit suggestion, and list edits that add items to a list
 * in the doc's own style (flow or block), filling placeholders.
 */
import { appendToList, insertField, renderFlow, replaceScalar, type TextEdit } from '../../engine/edits';
import type { MlsdDoc } from '../../engine/model';
import { isPlaceholder } from '../../engine/values';
import type { Fix } from '../types';

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
