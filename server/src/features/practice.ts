/**
 * The `mlsd/practiceReport` request: the end report of a practice interview (engine/practice.ts) over the
 * cached analysis of the practice doc — its findings are the ones the editor shows — and the reference
 * answer the client sends (the archetype's template, parsed here once per request; it is not linted).
 */
import { practiceReport, practiceReportMarkdown } from '../engine/practice';
import type { Analysis } from '../lint/analysis';
import { analyze } from '../lint/engine';
import type { PracticeReportParams, PracticeReportResult } from '../protocol';

export function practiceReportOf(a: Analysis, p: PracticeReportParams): PracticeReportResult {
  const report = practiceReport({
    archetype: p.archetype,
    practice: a.doc,
    findings: a.lint.findings,
    reference: typeof p.reference === 'string' && p.reference.trim() ? analyze(p.reference) : undefined,
    session: p.session,
  });
  return { markdown: practiceReportMarkdown(report) };
}
