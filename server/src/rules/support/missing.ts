/**
 * The one recipe for "a required key is missing": the range (the key of the nearest written parent, or
 * the doc's first line), the headline "`path` is missing" (plus the rule's reason), and an unsafe
 * suggestion that fills or inserts the key with a starting value, keeping comments and indentation.
 */
import { fillField, type YamlValue } from '../../engine/edits';
import type { Related, Span } from '../../engine/model';
import type { Fix, RuleContext } from '../types';
import { code } from './messages';

export interface MissingKey {
  /** dotted path of the missing key, e.g. `data.split.strategy` */
  path: string;
  /** what the headline adds after "`path` is missing", e.g. "while the system serves online" */
  because?: string;
  /** why it matters for an ML system and what to write */
  explanation: string;
  /** the value the suggestion writes; no suggestion when undefined */
  value?: YamlValue;
  /** the suggestion's title; default "Add `key: value` to `parent`" */
  title?: string;
  /** further values offered as suggestions of their own (titled "Add `key: value`"), e.g. `threshold` and `probability` */
  more?: YamlValue[];
  related?: Related[];
  /**
   * Where the finding goes when not on the key itself (default: the key when written, else the key of its
   * nearest written parent); e.g. `doc.missingSpan(path)` to always point at the written parent.
   */
  span?: Span;
  /**
   * Suggestions offered instead of the one fill suggestion, for keys with several good starting values
   * (a list of metrics, `online` or `batch`); an empty list offers none.
   */
  suggestions?: Fix[];
}

/** The headline of a missing-key finding: "`data.split.strategy` is missing" (+ ", because"). */
export function missingHeadline(path: string, because?: string): string {
  return `${code(path)} is missing${because ? `, ${because}` : ''}`;
}

export function reportMissing(ctx: RuleContext, m: MissingKey): void {
  const { doc } = ctx;
  const parts = m.path.split('.');
  const key = parts[parts.length - 1];
  const parent = parts.slice(0, -1);
  const shown = (v: YamlValue) => (typeof v === 'object' ? '…' : String(v));
  let suggestions = m.suggestions;
  if (!suggestions) {
    suggestions = [];
    if (m.value !== undefined) {
      const edit = fillField(doc, parent, key, m.value);
      const title =
        m.title ?? `Add \`${key}: ${shown(m.value)}\`${parent.length ? ` to ${code(parent.join('.'))}` : ''}`;
      if (edit) suggestions.push({ title, edits: [edit], safe: false });
    }
    for (const v of m.more ?? []) {
      const edit = fillField(doc, parent, key, v);
      if (edit) suggestions.push({ title: `Add \`${key}: ${shown(v)}\``, edits: [edit], safe: false });
    }
  }
  ctx.report({
    ...(m.span ?? doc.field(m.path).span),
    message: missingHeadline(m.path, m.because),
    explanation: m.explanation,
    suggestions: suggestions.length ? suggestions : undefined,
    related: m.related,
  });
}
