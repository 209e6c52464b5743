/**
 * Review formats of `mlsd lint` (issue 11), built on each doc's review scorecard (`engine/scorecard.ts`):
 * - `summary`: one line per doc — readiness, verdict, a coverage bar per framework step, counts — that
 *   fits the terminal (100 columns when not a terminal), and a legend;
 * - `markdown`: a pull-request comment or GitHub job summary — a table of the docs, then per doc its
 *   per-step coverage and its findings with rule ids linking to the rule pages.
 */
import * as path from 'node:path';
import { RULE_DOCS_BASE } from '../engine/render/model';
import { mdCode, mdExplanation, mdText, scorecardTable } from '../engine/render/markdown';
import { coverageBar, type Scorecard } from '../engine/scorecard';
import { wrapText } from './formatters';
import type { FileResult } from './lintFiles';

function shownPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (!rel || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

/** Keeps the end of a path (the file name matters most): `…/docs/feed.mlsd.yaml`. */
function clipLeft(s: string, width: number): string {
  if (s.length <= width) return s;
  return width <= 1 ? '…' : `…${s.slice(s.length - width + 1)}`;
}

const VERDICT_WIDTH = 'ready for review'.length;

function countsOf(r: FileResult): string {
  return `${r.errorCount}E ${r.warningCount}W ${r.infoCount + r.hintCount}N`;
}

/** `summary`: one line per doc, at most `width` columns (min 60). */
export function formatSummary(results: FileResult[], cwd: string, width = 100): string {
  const cols = Math.max(60, width);
  const line = (r: FileResult, bar: number) => {
    const card = r.scorecard;
    const bars = card
      ? card.steps.map((s) => `${s.step}${coverageBar(s.stated, s.expected, bar)}`).join(' ')
      : 'not scored';
    const head = card ? `${String(card.readiness).padStart(3)} ${card.verdict.padEnd(VERDICT_WIDTH)}` : '  ?';
    return `${head}  ${bars}  ${countsOf(r)}`;
  };
  const longest = Math.max(0, ...results.map((r) => shownPath(r.filePath, cwd).length));
  // the widest bars that leave the path 24 columns (or all it needs)
  const bar =
    [3, 2, 1].find((b) => Math.max(0, ...results.map((r) => line(r, b).length)) + 2 + Math.min(24, longest) <= cols) ??
    1;
  const rows = results.map((r) => ({ file: shownPath(r.filePath, cwd), rest: line(r, bar) }));
  const restWidth = Math.max(0, ...rows.map((x) => x.rest.length));
  const fileWidth = Math.max(8, Math.min(longest, cols - restWidth - 2));
  let out = '';
  for (const x of rows) {
    const line = `${clipLeft(x.file, fileWidth).padEnd(fileWidth)}  ${x.rest}`;
    out += `${line.trimEnd().slice(0, cols)}\n`;
  }
  if (rows.length) {
    const scored = results.map((r) => r.scorecard).filter((c): c is Scorecard => !!c);
    const verdicts = ['complete', 'ready for review', 'draft'].map(
      (v) => `${scored.filter((c) => c.verdict === v).length} ${v}`,
    );
    out += `\n${results.length} doc${results.length === 1 ? '' : 's'}: ${verdicts.join(', ')}.\n`;
    const legend =
      `Steps: 1 requirements, 2 framing, 3 data, 4 model, 5 evaluation, 6 serving, 7 monitoring; █ stated, ░ to state${bar === 1 ? ', ▒ partly' : ''}. ` +
      'Readiness: the % of checklist items stated, less 10 per error and 2 per warning. E/W/N: errors, warnings, notes.';
    for (const l of wrapText(legend, cols)) out += `${l}\n`;
  }
  return out;
}

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' } as const;

/** `markdown`: a PR comment / job summary. */
export function formatMarkdownReport(results: FileResult[], cwd: string, docsBase = RULE_DOCS_BASE): string {
  const out: string[] = ['## mlsd design review', ''];
  if (!results.length) return `${out.join('\n')}No design docs linted.\n`;
  out.push(
    '| Doc | Readiness | Verdict | Steps covered | Errors | Warnings | Notes |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of results) {
    const c = r.scorecard;
    const covered = c
      ? `${c.steps.filter((s) => s.coverage === 'full').length}/7 full, ${c.steps.filter((s) => s.coverage === 'none').length} empty`
      : '';
    out.push(
      `| ${mdCode(shownPath(r.filePath, cwd))} | ${c ? `${c.readiness}/100` : '?'} | ${c ? verdictBadge(c) : '?'} | ${covered} | ${r.errorCount} | ${r.warningCount} | ${r.infoCount + r.hintCount} |`,
    );
  }
  out.push('');
  for (const r of results) {
    const c = r.scorecard;
    out.push(
      `### ${mdCode(shownPath(r.filePath, cwd))}${c ? ` — ${c.verdict}, readiness ${c.readiness}/100` : ''}`,
      '',
    );
    if (c) out.push(scorecardTable(c), '');
    if (!r.messages.length) {
      out.push('No findings.', '');
      continue;
    }
    out.push(
      `<details${r.errorCount ? ' open' : ''}><summary>${r.messages.length} finding${r.messages.length === 1 ? '' : 's'}</summary>`,
      '',
    );
    for (const m of r.messages)
      out.push(
        `- **${SEVERITY[m.severity]}** [${m.ruleId}](${docsBase}${m.ruleId}.md) line ${m.line}: ${mdExplanation(m.message)}`,
      );
    out.push('', '</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function verdictBadge(c: Scorecard): string {
  return `${c.verdict === 'complete' ? '✅' : c.verdict === 'ready for review' ? '🟡' : '🔴'} ${mdText(c.verdict)}`;
}
