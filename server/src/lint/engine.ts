/**
 * The lint engine: runs the enabled rules over one document model and returns findings in offsets.
 * Shared by the language server, the CLI and the tests. Never throws: a rule that throws is reported
 * in `internalErrors` and the other rules still run. Fixing (selection and the pass loop) is in `fix.ts`.
 */
import { STEP_KEYS } from '../engine/catalog';
import { MlsdDoc } from '../engine/model';
import { parseText, type ParseLimits, DEFAULT_LIMITS } from '../engine/parse';
import { clip } from '../engine/values';
import { RULES, ruleById } from '../rules';
import type { Finding, Report, Rule, RuleOptions, Severity, TextEdit } from '../rules/types';
import { resolveConfig, type ResolvedConfig } from './config';
import { applySuppressions, parseDirectives } from './suppress';

export interface LintResult {
  findings: Finding[];
  /** findings removed by suppression comments */
  suppressed: Finding[];
  /** rules that threw (bugs); the message names the rule */
  internalErrors: string[];
}

/** Parses a text into the document model (one parse per version: callers cache the result). */
export function analyze(
  text: string,
  uri = '',
  version: number | null = null,
  limits: ParseLimits = DEFAULT_LIMITS,
): MlsdDoc {
  return new MlsdDoc(parseText(text, limits), uri, version);
}

let defaultConfig: ResolvedConfig | undefined;
export function getDefaultConfig(): ResolvedConfig {
  return (defaultConfig ??= resolveConfig([]));
}

export interface LintOptions {
  /** run only these rule ids (tests) */
  only?: string[];
}

export function lint(doc: MlsdDoc, config: ResolvedConfig = getDefaultConfig(), opts: LintOptions = {}): LintResult {
  const findings: Finding[] = [];
  const internalErrors: string[] = [];
  const skipped = !!doc.parsed.skipped;
  const badRoot = doc.root !== undefined && doc.root.kind !== 'map';
  const missingSteps = new Set<number>();
  // a step section that is missing, or is not a mapping (`data: [1, 2]`, reported once by MLSD003),
  // folds: MLSD006 or MLSD003 stands for the whole step, so no rule of that step reports its keys
  STEP_KEYS.forEach((k, i) => {
    if (!doc.sectionPresent(k) || !doc.sectionIsMap(k)) missingSteps.add(i + 1);
  });

  for (const rule of RULES) {
    const id = rule.meta.id;
    if (opts.only && !opts.only.includes(id)) continue;
    const sev = config.severity.get(id) ?? rule.meta.defaultSeverity;
    if (sev === 'off') continue;
    if (id === 'MLSD009') continue; // computed from suppressions below
    // an unreadable doc gets only its syntax finding; a non-mapping top level only MLSD001/MLSD003
    if (skipped && id !== 'MLSD001') continue;
    if (badRoot && id !== 'MLSD001' && id !== 'MLSD003') continue;
    // missing steps fold: MLSD006 stands for the whole step
    if (rule.meta.step >= 1 && missingSteps.has(rule.meta.step)) continue;
    runRule(rule, doc, config.options, sev, findings, internalErrors);
  }

  const directives = parseDirectives(doc.parsed);
  const sup = applySuppressions(doc.parsed, findings, directives);
  const out = sup.kept;
  const s009 = config.severity.get('MLSD009') ?? 'info';
  if (s009 !== 'off' && (!opts.only || opts.only.includes('MLSD009'))) {
    const meta = ruleById('MLSD009')!.meta;
    for (const u of sup.unused) {
      out.push({
        ruleId: meta.id,
        alias: meta.alias,
        severity: s009,
        start: u.start,
        end: u.end,
        message: u.unknown
          ? `\`${clip(u.name, 40)}\` in this suppression comment is not a rule id or alias`
          : u.name
            ? `Unused suppression: no \`${u.name}\` finding ${u.directive.kind === 'file' ? 'in this file' : 'on the line it covers'}`
            : 'This suppression comment suppresses nothing',
        explanation: u.unknown
          ? 'It suppresses nothing. Check the spelling (`mlsd rules` lists the ids and aliases) or remove it.'
          : 'Remove it, so a later real finding is not hidden by a stale comment.',
        fix: unusedFix(doc, u),
      });
    }
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { findings: out, suppressed: sup.suppressed, internalErrors };
}

function unusedFix(doc: MlsdDoc, u: ReturnType<typeof applySuppressions>['unused'][number]): Finding['fix'] {
  const d = u.directive;
  const text = doc.text;
  if (d.names.length <= 1) {
    // remove the whole comment, and its line when the comment is alone on it
    let s = d.comment.start;
    let e = d.comment.end;
    let ls = s;
    while (ls > 0 && text[ls - 1] !== '\n') ls--;
    if (text.slice(ls, s).trim() === '') {
      s = ls;
      if (text[e] === '\r') e++;
      if (text[e] === '\n') e++;
    } else {
      while (s > ls && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
    }
    return { title: 'Remove the unused suppression comment', edits: [{ start: s, end: e, newText: '' }], safe: true };
  }
  // remove only this name, with the separator before it (or after it, for the first name)
  const idx = d.names.findIndex((n) => n.start === u.start);
  const s = idx > 0 ? d.names[idx - 1].end : d.names[idx].start;
  const e = idx > 0 ? d.names[idx].end : d.names[idx + 1].start;
  return {
    title: `Remove ${u.name} from the suppression comment`,
    edits: [{ start: s, end: e, newText: '' }],
    safe: true,
  };
}

function runRule(
  rule: Rule,
  doc: MlsdDoc,
  options: RuleOptions,
  sev: Severity,
  out: Finding[],
  errors: string[],
): void {
  const report = (r: Report) => {
    const start = Math.max(0, Math.min(r.start, doc.text.length));
    const end = Math.max(start, Math.min(r.end, doc.text.length));
    out.push({ ...r, start, end, ruleId: rule.meta.id, alias: rule.meta.alias, severity: sev });
  };
  try {
    rule.check({ doc, options, report });
  } catch (err) {
    errors.push(`${rule.meta.id} (${rule.meta.alias}) failed: ${(err as Error)?.stack ?? String(err)}`);
  }
}

/**
 * Applies non-overlapping edits to a text. Insertions at the same offset are kept in the given order.
 * Returns the new text and how many edits were applied.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: number } {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  const chosen: typeof sorted = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd) continue; // overlaps the previous edit (insertions at the same offset are fine)
    chosen.push(e);
    lastEnd = Math.max(lastEnd, e.end);
  }
  let out = '';
  let pos = 0;
  for (const e of chosen) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  out += text.slice(pos);
  return { text: out, applied: chosen.length };
}
