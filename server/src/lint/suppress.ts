/**
 * Suppression comments: `# mlsd-disable-next-line ID[, ID] -- reason`, `# mlsd-disable-line …` (at the
 * end of a line) and `# mlsd-disable-file …`. Ids or aliases; no names = every rule. Each named rule
 * that suppressed nothing becomes one MLSD009 finding at the comment.
 */
import { lineOf, type Comment, type ParsedDoc } from '../engine/parse';
import { ruleByName } from '../rules';
import type { Finding } from '../rules/types';

export type DirectiveKind = 'next-line' | 'line' | 'file';

export interface Directive {
  kind: DirectiveKind;
  comment: Comment;
  /** rule ids (resolved); empty = all rules */
  ids: string[];
  /** names as written, with their spans, for MLSD009 and unknown names */
  names: { name: string; id?: string; start: number; end: number }[];
  /** 0-based line the directive applies to (not for file) */
  line?: number;
}

const RE = /^\s*mlsd-disable-(next-line|line|file)\b([^]*)$/;

export function parseDirectives(doc: ParsedDoc): Directive[] {
  const out: Directive[] = [];
  for (const c of doc.comments) {
    const m = RE.exec(c.text);
    if (!m) continue;
    const kind = m[1] as DirectiveKind;
    let rest = m[2];
    const reasonAt = rest.search(/\s--(\s|$)/);
    if (reasonAt >= 0) rest = rest.slice(0, reasonAt);
    const restOffset = c.start + 1 + c.text.indexOf(m[2]);
    const names: Directive['names'] = [];
    const nameRe = /[A-Za-z0-9_-]+/g;
    let nm: RegExpExecArray | null;
    while ((nm = nameRe.exec(rest))) {
      const rule = ruleByName(nm[0]);
      names.push({
        name: nm[0],
        id: rule?.meta.id,
        start: restOffset + nm.index,
        end: restOffset + nm.index + nm[0].length,
      });
    }
    const d: Directive = { kind, comment: c, ids: names.map((n) => n.id).filter((x): x is string => !!x), names };
    const cl = lineOf(doc.lineStarts, c.start);
    if (kind === 'line') d.line = cl;
    if (kind === 'next-line') d.line = nextContentLine(doc, cl);
    out.push(d);
  }
  return out;
}

/** The next line after `line` that is not blank and not only a comment. */
function nextContentLine(doc: ParsedDoc, line: number): number {
  for (let l = line + 1; l < doc.lineStarts.length; l++) {
    const s = doc.lineStarts[l];
    const e = l + 1 < doc.lineStarts.length ? doc.lineStarts[l + 1] : doc.text.length;
    const t = doc.text.slice(s, e).trim();
    if (t !== '' && !t.startsWith('#')) return l;
  }
  return line + 1;
}

export interface SuppressionResult {
  kept: Finding[];
  suppressed: Finding[];
  /** directive names that suppressed nothing (for MLSD009), and names that are no rule */
  unused: { directive: Directive; name: string; start: number; end: number; unknown: boolean }[];
}

/** Applies directives to findings. MLSD001 (syntax) findings can be suppressed too, like any rule. */
export function applySuppressions(doc: ParsedDoc, findings: Finding[], directives: Directive[]): SuppressionResult {
  const used = new Set<string>(); // `${directiveIndex}:${id|*}`
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const fl = lineOf(doc.lineStarts, f.start);
    let hit = false;
    directives.forEach((d, i) => {
      if (d.kind !== 'file' && d.line !== fl) return;
      if (d.names.length === 0) {
        used.add(`${i}:*`);
        hit = true;
      } else if (d.ids.includes(f.ruleId)) {
        used.add(`${i}:${f.ruleId}`);
        hit = true;
      }
    });
    (hit ? suppressed : kept).push(f);
  }
  const unused: SuppressionResult['unused'] = [];
  directives.forEach((d, i) => {
    if (d.names.length === 0) {
      if (!used.has(`${i}:*`))
        unused.push({ directive: d, name: '', start: d.comment.start, end: d.comment.end, unknown: false });
      return;
    }
    for (const n of d.names) {
      if (!n.id) unused.push({ directive: d, name: n.name, start: n.start, end: n.end, unknown: true });
      else if (!used.has(`${i}:${n.id}`))
        unused.push({ directive: d, name: n.name, start: n.start, end: n.end, unknown: false });
    }
  });
  return { kept, suppressed, unused };
}
