/** Output formats of `mlsd lint`: stylish (ESLint-like, for people), json (ESLint's shape), sarif (2.1.0). */
import * as path from 'node:path';
import { ruleDocsUri } from '../lint/docs';
import { folderUri, pathToUri } from '../lint/uri';
import { RULES } from '../rules';
import type { RuleMeta, Severity } from '../rules/types';
import { VERSION } from '../features/version';
import type { Style } from './color';
import { display } from './configs';
import type { FileResult } from './lintFiles';

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  fixable: number;
  fixed: number;
  fixedFiles: number;
}

export function totals(results: FileResult[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0, fixed: 0, fixedFiles: 0 };
  for (const r of results) {
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.infos += r.infoCount;
    t.hints += r.hintCount;
    t.fixable += r.fixableCount;
    t.fixed += r.fixedCount;
    if (r.fixedCount) t.fixedFiles++;
  }
  return t;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function paint(style: Style, sev: Severity, s: string): string {
  switch (sev) {
    case 'error':
      return style.red(s);
    case 'warning':
      return style.yellow(s);
    case 'info':
      return style.blue(s);
    default:
      return style.dim(s);
  }
}

// ------------------------------------------------------------------------------------------ stylish

/** Splits `text` into lines of at most `width` visible characters, at spaces (a longer word is cut). */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > w) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, w));
      word = word.slice(w);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= w) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/** The narrowest headline column before stylish stops shrinking it (the line may then exceed the width). */
const MIN_MESSAGE_WIDTH = 40;

export interface StylishMode {
  fix: boolean;
  fixDryRun: boolean;
  /** print each finding's explanation under it */
  verbose?: boolean;
  /** the terminal width (80 when not a terminal) */
  width?: number;
}

export function formatStylish(results: FileResult[], cwd: string, style: Style, mode: StylishMode): string {
  const width = mode.width && mode.width > 0 ? mode.width : 80;
  let out = '';
  for (const r of results) {
    if (!r.messages.length) continue;
    out += `\n${style.underline(display(r.filePath, cwd))}\n`;
    const rows = r.messages.map((m) => ({
      line: String(m.line),
      col: String(m.column),
      sev: m.severity,
      msg: m.message.replace(/\s*\r?\n\s*/g, ' ').replace(/([^ ])\.$/u, '$1'),
      rule: `${m.ruleId}/${m.alias}`,
      explanation: m.explanation,
    }));
    const w = (f: (x: (typeof rows)[number]) => string) => Math.max(...rows.map((x) => f(x).length));
    const [wl, wc, ws, wr] = [w((x) => x.line), w((x) => x.col), w((x) => x.sev), w((x) => x.rule)];
    // `  L:C  severity  headline  RULE/alias`: the headline column takes what the others leave; when that
    // is too narrow, the headline takes the whole line and the rule id sits at the right edge below it
    const indent = 2 + wl + 1 + wc + 2 + ws + 2;
    const maxMsg = w((x) => x.msg);
    const columnWidth = Math.min(maxMsg, width - indent - 2 - wr);
    const stacked = columnWidth < Math.min(maxMsg, MIN_MESSAGE_WIDTH);
    const wm = stacked ? Math.max(MIN_MESSAGE_WIDTH, width - indent) : columnWidth;
    const pad = ' '.repeat(indent);
    for (const row of rows) {
      const pos = style.dim(`${row.line.padStart(wl)}:${row.col.padEnd(wc)}`);
      const sev = paint(style, row.sev, row.sev) + ' '.repeat(ws - row.sev.length);
      const lines = wrapText(row.msg, wm);
      if (!stacked) {
        const [first, ...rest] = lines;
        out += `  ${pos}  ${sev}  ${first.padEnd(wm)}  ${style.dim(row.rule)}\n`;
        for (const more of rest) out += `${pad}${more}\n`;
      } else {
        const last = lines[lines.length - 1];
        const inline = last.length + 2 + row.rule.length <= wm;
        lines.forEach((l, i) => {
          const lead = i === 0 ? `  ${pos}  ${sev}  ` : pad;
          const tail =
            inline && i === lines.length - 1 ? ' '.repeat(wm - l.length - row.rule.length) + style.dim(row.rule) : '';
          out += `${lead}${l}${tail}\n`;
        });
        if (!inline) out += `${' '.repeat(Math.max(2, indent + wm - row.rule.length))}${style.dim(row.rule)}\n`;
      }
      if (mode.verbose && row.explanation) {
        for (const para of row.explanation.split(/\n\s*\n/)) {
          for (const l of wrapText(para, Math.max(MIN_MESSAGE_WIDTH, width - indent - 2)))
            out += `${pad}${style.dim(l)}\n`;
        }
        out += '\n';
      }
    }
  }
  const t = totals(results);
  const total = t.errors + t.warnings + t.infos + t.hints;
  if (total > 0) {
    const color = t.errors ? style.red : t.warnings ? style.yellow : style.blue;
    out +=
      '\n' +
      color(
        style.bold(
          `✖ ${plural(total, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')}, ${plural(t.hints, 'hint')})`,
        ),
      ) +
      '\n';
    if (t.fixable > 0 && !mode.fix)
      out += `${color(style.bold(`  ${plural(t.fixable, 'problem')} fixable with the \`--fix\` option.`))}\n`;
  }
  if (t.fixed > 0) {
    const verb = mode.fixDryRun ? 'Would fix' : 'Fixed';
    out +=
      (total ? '' : '\n') +
      style.green(`✔ ${verb} ${plural(t.fixed, 'problem')} in ${plural(t.fixedFiles, 'file')}.`) +
      '\n';
  }
  return out;
}

// --------------------------------------------------------------------------------------------- json

export function formatJson(results: FileResult[]): string {
  const out = results.map((r) => {
    const o: Record<string, unknown> = {
      filePath: r.filePath,
      messages: r.messages.map((m) => {
        const x: Record<string, unknown> = {
          ruleId: m.ruleId,
          alias: m.alias,
          severity: m.severity,
          message: m.message,
          ...(m.explanation ? { explanation: m.explanation } : {}),
          line: m.line,
          column: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
        };
        if (m.fix) x.fix = m.fix;
        if (m.suggestions) x.suggestions = m.suggestions;
        return x;
      }),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      hintCount: r.hintCount,
      fixableErrorCount: r.fixableErrorCount,
      fixableWarningCount: r.fixableWarningCount,
    };
    if (r.output !== undefined) o.output = r.output;
    return o;
  });
  return `${JSON.stringify(out)}\n`;
}

// -------------------------------------------------------------------------------------------- sarif

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

function sarifUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, file);
  if (!rel || path.isAbsolute(rel)) return { uri: pathToUri(file) };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** A rule's `help`: its description, and in Markdown a link to its page (`docs/rules/<ID>.md`). */
function ruleHelp(meta: RuleMeta): { text: string; markdown: string } {
  const text = meta.description || meta.title;
  return { text, markdown: `${text}\n\nSee [${meta.id} ${meta.alias}](${ruleDocsUri(meta.id)}).` };
}

export interface SarifExtras {
  /** file read errors and internal errors, as tool notifications */
  notifications: string[];
}

export function formatSarif(results: FileResult[], cwd: string, extras: SarifExtras = { notifications: [] }): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const sarifResults = results.flatMap((r) =>
    r.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: ruleIndex.get(m.ruleId) ?? -1,
      level: SARIF_LEVEL[m.severity],
      // text: the headline; markdown: the headline and the explanation (what code scanning shows in full)
      message: m.explanation ? { text: m.message, markdown: `${m.message}\n\n${m.explanation}` } : { text: m.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: sarifUri(r.filePath, cwd),
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mlsd',
            version: VERSION,
            semanticVersion: VERSION,
            rules: RULES.map((r) => ({
              id: r.meta.id,
              name: r.meta.alias,
              shortDescription: { text: r.meta.title },
              fullDescription: { text: r.meta.description || r.meta.title },
              helpUri: ruleDocsUri(r.meta.id),
              help: ruleHelp(r.meta),
              defaultConfiguration: { level: SARIF_LEVEL[r.meta.defaultSeverity] },
              properties: { step: r.meta.step, fixable: r.meta.fixable, defaultSeverity: r.meta.defaultSeverity },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: extras.notifications.length === 0,
            toolExecutionNotifications: extras.notifications.map((text) => ({ level: 'error', message: { text } })),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
