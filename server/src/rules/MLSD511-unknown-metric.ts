import { metricSpellings, nearestNames } from '../engine/domain';
import { clip, code, fitHeadline, GUARDRAILS, OFFLINE, ONLINE } from './support';
import type { Fix, Rule } from './types';

/**
 * System metrics that are fine as online guardrails though they are not in the ML metric catalogue
 * (format.md names `latency` as a guardrail example).
 */
const OPERATIONAL =
  /(^|-)(latency|p50|p90|p95|p99|error-rate|errors|timeouts?|timeout-rate|availability|uptime|throughput|qps|crash-rate|crashes|cost|cpu|memory)($|-)/;

const WHERE: Record<string, string> = {
  [OFFLINE]: 'offline metric',
  [ONLINE]: 'online metric',
  [GUARDRAILS]: 'guardrail',
};

export const mlsd511: Rule = {
  meta: {
    id: 'MLSD511',
    alias: 'unknown-metric',
    title: 'Metric name not in the catalogue',
    step: 5,
    defaultSeverity: 'hint',
    fixable: 'none',
    description: 'a metric name outside the catalogue; suggests nearest names',
  },
  check({ doc, report }) {
    const spellings = metricSpellings();
    for (const path of [OFFLINE, ONLINE, GUARDRAILS]) {
      for (const m of doc.metrics(path)) {
        if (m.info) continue;
        if (path === GUARDRAILS && OPERATIONAL.test(m.normalized)) continue;
        const at = m.written.indexOf('@');
        const name = (at >= 0 ? m.written.slice(0, at) : m.written).trim();
        const cutoff = at >= 0 ? m.written.slice(at).trim() : '';
        const near = nearestNames(name, spellings);
        const dym = near.length ? `Did you mean ${near.map((c) => code(`${c}${cutoff}`)).join(' or ')}? ` : '';
        const editable = !m.node.aliased && (m.node.kind === 'scalar' || m.node.kind === 'map');
        const suggestions: Fix[] = editable
          ? near.map((c) => ({
              title: `Change to \`${c}${cutoff}\``,
              edits: [{ start: m.span.start, end: m.span.end, newText: `${c}${cutoff}` }],
              safe: false,
            }))
          : [];
        report({
          ...m.span,
          message: fitHeadline([
            ...(near.length
              ? [`${code(clip(name))} is not a metric mlsd knows; did you mean ${code(`${near[0]}${cutoff}`)}?`]
              : []),
            `${code(clip(name))} is not a metric mlsd knows`,
          ]),
          explanation: `${dym}A custom ${WHERE[path]} gets no task-fit or cutoff check, so say how it is computed, e.g. \`{name: ${name}, rationale: …}\`, for reviewers to judge it.`,
          suggestions,
        });
      }
    }
  },
};
