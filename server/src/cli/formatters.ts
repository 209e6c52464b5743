/** Output formats of `mlsd lint`: stylish (ESLint-like, for people), json (ESLint's shape), sarif (2.1.0). */
import * as path from 'node:path';
import { ruleDocsUri } from '../lint/docs';
import { folderUri, pathToUri } from '../lint/uri';
import { RULES } from '../rules';
import type { Severity } from '../rules/types';
import { VERSION } from '../features/version';
import { visibleLength, type Style } from './color';
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

export function formatStylish(
  results: FileResult[],
  cwd: string,
  style: Style,
  mode: { fix: boolean; fixDryRun: boolean },
): string {
  let out = '';
  for (const r of results) {
    if (!r.messages.length) continue;
    out += `\n${style.underline(display(r.filePath, cwd))}\n`;
    const rows = r.messages.map((m) => [
      '',
      String(m.line),
      String(m.column),
      paint(style, m.severity, m.severity),
      m.message.replace(/\s*\r?\n\s*/g, ' ').replace(/([^ ])\.$/u, '$1'),
      style.dim(`${m.ruleId}/${m.alias}`),
    ]);
    const w = (i: number) => Math.max(...rows.map((row) => visibleLength(row[i])));
    const [wl, wc, ws, wm] = [w(1), w(2), w(3), w(4)];
    for (const row of rows) {
      const pos = style.dim(`${row[1].padStart(wl)}:${row[2].padEnd(wc)}`);
      const sev = row[3] + ' '.repeat(ws - visibleLength(row[3]));
      const msg = row[4] + ' '.repeat(wm - visibleLength(row[4]));
      out += `  ${pos}  ${sev}  ${msg}  ${row[5]}\n`;
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
      message: { text: m.message },
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
