/**
 * Quick fixes for the findings a code-action request is about (its mlsd diagnostics, and the findings
 * overlapping its range; nothing else of the doc is looked at): each finding's fix (preferred when safe)
 * and suggestions, then per rule the disable comments (codeActionsSuppress) and "Show documentation".
 * A fix is offered only when it applies as a whole (lint/fix's check, the one `--fix` uses).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { fixApplies } from '../lint/fix';
import { parseDirectives } from '../lint/suppress';
import { toOffset, toRange, type DiagnosticData } from '../lspConvert';
import type { Finding, Fix } from '../rules/types';
import type { Analysis } from '../lint/analysis';
import { type Match, withDiagnostics, workspaceEdit } from './codeActionsCommon';
import { disableActions } from './codeActionsSuppress';

/** The client command that opens a rule's docs page (registered by the VS Code client; other editors ignore it). */
export const SHOW_DOCS_COMMAND = 'mlsd.showRuleDocumentation';

export function quickFixes(a: Analysis, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const matches = matchFindings(a, range, diagnostics);
  if (!matches.length) return [];
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  const fixAction = (fix: Fix, m: Match, preferred: boolean) => {
    if (!fix.edits.length || !fixApplies(fix)) return;
    const key = JSON.stringify([fix.title, fix.edits]);
    if (seen.has(key)) return;
    seen.add(key);
    const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, edit: workspaceEdit(a, fix.edits) };
    if (m.diagnostics.length) action.diagnostics = m.diagnostics;
    if (preferred) action.isPreferred = true;
    out.push(action);
  };
  for (const m of matches) {
    if (m.finding.fix) fixAction(m.finding.fix, m, m.finding.fix.safe);
    for (const s of m.finding.suggestions ?? []) fixAction(s, m, false);
  }

  // disable and docs actions: one per rule (and per line), with every diagnostic they cover
  const directives = parseDirectives(a.doc.parsed);
  const byRule = new Map<string, Match[]>();
  for (const m of matches) byRule.set(m.finding.ruleId, [...(byRule.get(m.finding.ruleId) ?? []), m]);
  for (const [id, ms] of byRule) {
    out.push(...disableActions(a, id, ms, directives));
    const title = `Show documentation for ${id}`;
    out.push(
      withDiagnostics(
        { title, kind: CodeActionKind.QuickFix, command: { title, command: SHOW_DOCS_COMMAND, arguments: [id] } },
        ms,
      ),
    );
  }
  return out;
}

const sameRange = (x: Range, y: Range) =>
  x.start.line === y.start.line &&
  x.start.character === y.start.character &&
  x.end.line === y.end.line &&
  x.end.character === y.end.character;

/**
 * The findings the actions are for: those the request's mlsd diagnostics stand for (by `data` index
 * and rule id when the diagnostic still matches this version, else by code and range), then every
 * other finding that overlaps the range.
 */
function matchFindings(a: Analysis, range: Range, diagnostics: Diagnostic[]): Match[] {
  const findings = a.lint.findings;
  const doc = a.doc;
  const byFinding = new Map<Finding, Match>();
  const out: Match[] = [];
  for (const d of diagnostics) {
    const data = d.data as Partial<DiagnosticData> | undefined;
    const code = typeof d.code === 'string' ? d.code : undefined;
    const ruleId = typeof data?.ruleId === 'string' ? data.ruleId : code;
    if (!ruleId || (d.source !== undefined && d.source !== 'mlsd') || !/^MLSD\d{3}$/.test(ruleId)) continue;
    let f: Finding | undefined;
    const idx = data?.index;
    if (
      typeof idx === 'number' &&
      findings[idx]?.ruleId === ruleId &&
      sameRange(toRange(doc, findings[idx].start, findings[idx].end), d.range)
    )
      f = findings[idx];
    f ??= findings.find((x) => x.ruleId === ruleId && sameRange(toRange(doc, x.start, x.end), d.range));
    if (!f) continue;
    const m = byFinding.get(f);
    if (m) {
      if (!m.diagnostics.includes(d)) m.diagnostics.push(d);
      continue;
    }
    const nm: Match = { finding: f, diagnostics: [d] };
    byFinding.set(f, nm);
    out.push(nm);
  }
  const rs = toOffset(doc, range.start);
  const re = Math.max(rs, toOffset(doc, range.end));
  for (const f of findings) {
    if (byFinding.has(f) || f.start > re || f.end < rs) continue;
    const nm: Match = { finding: f, diagnostics: [] };
    byFinding.set(f, nm);
    out.push(nm);
  }
  return out;
}
