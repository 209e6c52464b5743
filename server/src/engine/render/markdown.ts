/**
 * The render model as Markdown that reads as a design doc on GitHub or GitLab: title and summary, the
 * review scorecard, the system diagram in a ```mermaid block, the computed figures, one heading per
 * framework step with its tables (explain-comments next to their values), and "Review notes": the
 * findings by step, each rule id linking to its docs page. Every text from the doc is escaped.
 */
import { coverageBar, type Scorecard } from '../scorecard';
import type { Block, RenderFinding, RenderModel } from './model';

/** Escapes text for Markdown inline content (and table cells): no markup, no HTML, one line. */
export function mdText(s: string): string {
  return s
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** A Markdown code span holding any text (backticks inside get a longer fence). */
export function mdCode(s: string): string {
  const one = s.replace(/\r?\n|\r/g, ' ');
  const runs = one.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}

/**
 * Rule explanations are Markdown already (code spans): keep the code spans, escape the rest, one line.
 */
export function mdExplanation(s: string): string {
  return s
    .split(/(`[^`\n]*`)/g)
    .map((part, i) => (i % 2 ? part : mdText(part)))
    .join('');
}

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' } as const;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `0 errors · 1 warning · 2 notes` */
export function countsLine(c: Pick<Scorecard, 'errors' | 'warnings' | 'infos'>): string {
  return [plural(c.errors, 'error'), plural(c.warnings, 'warning'), plural(c.infos, 'note')].join(' · ');
}

export function scorecardMarkdown(card: Scorecard, headingLevel = 2): string {
  const h = '#'.repeat(headingLevel);
  return [
    `${h} Review scorecard`,
    '',
    `**Readiness ${card.readiness}/100 · ${card.verdict}** — ${card.stated}/${card.expected} checklist items stated · ${countsLine(card)}`,
    '',
    scorecardTable(card),
  ].join('\n');
}

/** The per-step table of a scorecard: stated/expected, a coverage bar, errors, warnings, what is missing. */
export function scorecardTable(card: Scorecard): string {
  const lines = [
    '| Step | Stated | Coverage | Errors | Warnings | Still to state |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const s of card.steps) {
    const missing = s.items.filter((i) => !i.stated).map((i) => mdText(i.title));
    lines.push(
      `| ${s.step}. ${s.title} | ${s.stated}/${s.expected} | ${coverageBar(s.stated, s.expected)} | ${s.errors || ''} | ${s.warnings || ''} | ${missing.join('; ') || '—'} |`,
    );
  }
  return lines.join('\n');
}

function blockMarkdown(b: Block): string {
  const out: string[] = [];
  if (b.title) out.push(`**${mdText(b.title)}**`, '');
  if (b.note) out.push(`> ${mdText(b.note)}`, '');
  if (b.kind === 'fields') {
    const withNotes = b.rows.some((r) => r.note);
    out.push(
      withNotes ? '| Key | Value | Why |' : '| Key | Value |',
      withNotes ? '| --- | --- | --- |' : '| --- | --- |',
    );
    for (const r of b.rows)
      out.push(
        `| ${mdCode(r.key)} | ${mdText(r.value)} |${withNotes ? ` ${r.note ? `*${mdText(r.note)}*` : ''} |` : ''}`,
      );
  } else {
    out.push(`| ${b.columns.map(mdText).join(' | ')} |`, `| ${b.columns.map(() => '---').join(' | ')} |`);
    for (const r of b.rows)
      out.push(`| ${r.map((c) => `${mdText(c.text)}${c.note ? ` — *${mdText(c.note)}*` : ''}`).join(' | ')} |`);
  }
  return out.join('\n');
}

function findingMarkdown(f: RenderFinding): string {
  const head = `- **${SEVERITY_LABEL[f.severity]}** [${f.ruleId}](${f.docsUrl}) ${mdCode(f.alias)}, line ${f.line}: ${mdExplanation(f.message)}`;
  return f.explanation ? `${head}\n  ${mdExplanation(f.explanation)}` : head;
}

export function toMarkdown(m: RenderModel): string {
  const out: string[] = [`# ${mdText(m.title)}`, ''];
  const meta: string[] = [];
  if (m.archetype) meta.push(`archetype ${mdCode(m.archetype)}`);
  if (m.status) meta.push(`status ${mdCode(m.status)}`);
  if (m.owners.length) meta.push(`owners: ${m.owners.map(mdText).join(', ')}`);
  if (meta.length) out.push(`*${meta.join(' · ')}*`, '');
  if (m.summary) out.push(mdText(m.summary), '');
  out.push(scorecardMarkdown(m.scorecard), '');
  out.push('## System diagram', '', '```mermaid', m.diagram.mermaid.trimEnd(), '```', '');
  if (m.figures.length) {
    out.push('## Figures', '', '| Figure | Value | How |', '| --- | --- | --- |');
    for (const f of m.figures)
      out.push(
        `| ${mdText(f.label)} | ${f.over ? '⚠ ' : ''}${mdText(f.value)} | ${f.detail ? mdText(f.detail) : ''} |`,
      );
    out.push('');
  }
  for (const s of m.steps) {
    out.push(`## ${s.step}. ${s.title}`, '');
    if (s.note) out.push(`> ${mdText(s.note)}`, '');
    if (!s.present) out.push('*Not written yet.*', '');
    for (const b of s.blocks) out.push(blockMarkdown(b), '');
    if (s.findings.length) out.push(`*Review notes: ${reviewCounts(s.findings)} (see below).*`, '');
  }
  if (m.extra.length) {
    out.push('## Also in this doc', '');
    for (const b of m.extra) out.push(blockMarkdown(b), '');
  }
  out.push('## Review notes', '');
  const all = [...m.docFindings, ...m.steps.flatMap((s) => s.findings)];
  if (!all.length) out.push('No findings: mlsd has nothing to add.', '');
  if (m.docFindings.length) {
    out.push('### Document', '');
    for (const f of m.docFindings) out.push(findingMarkdown(f));
    out.push('');
  }
  for (const s of m.steps) {
    if (!s.findings.length) continue;
    out.push(`### ${s.step}. ${s.title}`, '');
    for (const f of s.findings) out.push(findingMarkdown(f));
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function reviewCounts(fs: readonly RenderFinding[]): string {
  const e = fs.filter((f) => f.severity === 'error').length;
  const w = fs.filter((f) => f.severity === 'warning').length;
  const n = fs.length - e - w;
  return [e ? plural(e, 'error') : '', w ? plural(w, 'warning') : '', n ? plural(n, 'note') : '']
    .filter(Boolean)
    .join(', ');
}
