/**
 * The edge between offsets (inside) and LSP positions (outside). Pure: imports only the LSP types.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver-types';
import type { MlsdDoc } from './engine/model';
import { offsetAt, positionAt } from './engine/parse';
import { ruleDocsUri } from './lint/docs';
import type { Finding, Severity, TextEdit } from './rules/types';

export function toRange(doc: MlsdDoc, start: number, end: number): Range {
  return { start: positionAt(doc.parsed, start), end: positionAt(doc.parsed, end) };
}

export function toOffset(doc: MlsdDoc, pos: { line: number; character: number }): number {
  return offsetAt(doc.parsed, pos);
}

export function toLspEdit(doc: MlsdDoc, e: TextEdit): LspTextEdit {
  return { range: toRange(doc, e.start, e.end), newText: e.newText };
}

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function severityName(s: DiagnosticSeverity | undefined): Severity {
  return s === DiagnosticSeverity.Error
    ? 'error'
    : s === DiagnosticSeverity.Warning
      ? 'warning'
      : s === DiagnosticSeverity.Information
        ? 'info'
        : 'hint';
}

export interface DiagnosticData {
  ruleId: string;
  index: number;
}

export function toDiagnostic(doc: MlsdDoc, f: Finding, index: number, relatedSupport = true): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUri(f.ruleId) },
    source: 'mlsd',
    // the Problems panel shows the first line (the headline); the hover over the squiggle shows it all
    message: f.explanation ? `${f.message}\n${f.explanation}` : f.message,
    data: { ruleId: f.ruleId, index } satisfies DiagnosticData,
  };
  if (f.ruleId === 'MLSD009') d.tags = [DiagnosticTag.Unnecessary];
  if (relatedSupport && f.related?.length && doc.uri) {
    d.relatedInformation = f.related.map((r) => ({
      location: { uri: doc.uri, range: toRange(doc, r.start, r.end) },
      message: r.message,
    }));
  }
  return d;
}
