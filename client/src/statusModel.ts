/**
 * What the `mlsd` language status item shows, from the client state, the server's `mlsd/status`
 * notification and the doc's diagnostics. No `vscode` import: unit-testable.
 */
import type { SeverityName, StatusParams } from '../../server/src/protocol';
import { formatCounts } from './outlineModel';

export type ClientState = 'starting' | 'running' | 'stopped' | 'failed';

export interface StatusPresentation {
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
}

/**
 * @param client  the language client's state
 * @param status  the last `mlsd/status` for the doc, if any
 * @param counts  the doc's findings from its diagnostics (preferred over `status.counts`: always current)
 */
export function statusPresentation(
  client: ClientState,
  status: StatusParams | undefined,
  counts: Partial<Record<SeverityName, number>> | undefined,
): StatusPresentation {
  if (client === 'starting')
    return {
      text: '$(loading~spin) mlsd',
      detail: 'Starting the language server…',
      severity: 'information',
      busy: true,
    };
  if (client === 'failed')
    return {
      text: '$(error) mlsd',
      detail: 'The language server failed to start: see the output',
      severity: 'error',
      busy: false,
    };
  if (client === 'stopped')
    return {
      text: '$(debug-stop) mlsd',
      detail: 'The language server is stopped: restart it',
      severity: 'warning',
      busy: false,
    };
  if (status?.state === 'disabled')
    return {
      text: 'mlsd: off',
      detail: status.message ?? 'Validation is disabled (mlsd.validate.enable)',
      severity: 'information',
      busy: false,
    };
  if (status?.state === 'error')
    return {
      text: '$(error) mlsd',
      detail: status.message ?? 'Validation failed: see the output',
      severity: 'error',
      busy: false,
    };
  const c = counts ?? status?.counts;
  const summary = formatCounts(c);
  const text = summary ? `mlsd: ${summary}` : '$(check) mlsd';
  const timing = status?.elapsedMs !== undefined ? ` · validated in ${Math.round(status.elapsedMs)} ms` : '';
  const detail =
    status?.state === 'validating'
      ? 'Validating…'
      : `${summary ? `${summary} in this doc` : 'No problems in this doc'}${timing}`;
  return { text, detail, severity: 'information', busy: status?.state === 'validating' };
}

/** Counts diagnostics by severity name (VS Code's DiagnosticSeverity: 0 error, 1 warning, 2 information, 3 hint). */
export function countSeverities(severities: Iterable<number>): Record<SeverityName, number> {
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const s of severities) {
    if (s === 0) counts.error++;
    else if (s === 1) counts.warning++;
    else if (s === 2) counts.info++;
    else counts.hint++;
  }
  return counts;
}
