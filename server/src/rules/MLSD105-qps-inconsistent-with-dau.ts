import { replaceScalar } from '../engine/edits';
import { qpsFigures } from '../engine/figures';
import { clip, formatCount, round } from '../engine/values';
import type { Fix, Rule } from './types';

/** A QPS or count the way a reviewer writes it: 6.9k, 93k, 1.2M, 35. */
function fmt(n: number): string {
  if (Math.abs(n) >= 1000 && Math.abs(n) < 1e4) return `${round(n / 1000, 2)}k`;
  if (Math.abs(n) >= 1e4) return formatCount(round(n, 2));
  return String(round(n, 2));
}

function times(r: number): string {
  return r >= 10 ? String(Math.round(r)) : String(round(r, 2));
}

export const mlsd105: Rule = {
  meta: {
    id: 'MLSD105',
    alias: 'qps-inconsistent-with-dau',
    title: 'Peak QPS does not match DAU × requests per user',
    step: 1,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`dau`, `requests_per_user_per_day` and `qps_peak` are all stated, and `qps_peak` is outside [1/t, t] × dau × requests_per_user_per_day / 86,400 × peak_factor (t = `qps_tolerance`, peak_factor = `requirements.scale.peak_factor` or `default_peak_factor`).',
    options: ['qps_tolerance', 'default_peak_factor'],
  },
  check({ doc, options, report }) {
    const q = qpsFigures(doc, options.default_peak_factor);
    const qpsNode = doc.node('requirements.scale.qps_peak');
    const qps = q?.qpsPeak;
    if (!q || qps === undefined || !qpsNode || qps < 0) return;
    const { dau, requestsPerUserPerDay: rpu, peakFactor: pf, statedPeakFactor: statedPf, peak: expected } = q;
    const t = options.qps_tolerance > 0 ? options.qps_tolerance : 3;
    if (qps >= expected / t && qps <= expected * t) return;
    const more = qps > expected;
    const ratio = qps === 0 ? Infinity : more ? qps / expected : expected / qps;
    const stated = doc.textOf(qpsNode) ?? String(qps);
    const formula = `dau ${fmt(dau)} × ${fmt(rpu)} requests/user/day / 86,400 × peak factor ${fmt(pf)}${statedPf === undefined ? ' (default)' : ''} ≈ ${fmt(expected)} QPS at peak`;
    const compare =
      qps === 0
        ? `but \`qps_peak\` says 0`
        : `but \`qps_peak\` says ${stated} (${times(ratio)}× ${more ? 'more' : 'less'})`;
    const headline =
      qps === 0
        ? `\`qps_peak\` is 0, but DAU × requests per user give ≈ ${fmt(expected)} QPS at peak`
        : `\`qps_peak\` ${clip(stated, 20)} is ${times(ratio)}× ${more ? 'above' : 'below'} the DAU-derived peak of ${fmt(expected)} QPS`;
    const suggestion = replaceScalar(qpsNode, fmt(expected));
    const suggestions: Fix[] | undefined = suggestion
      ? [{ title: `Set \`qps_peak\` to the computed ${fmt(expected)}`, edits: [suggestion], safe: false }]
      : undefined;
    const related = ['dau', 'requests_per_user_per_day', 'peak_factor']
      .map((k) => doc.node(`requirements.scale.${k}`))
      .filter((n) => n && doc.isStated(n))
      .map((n) => ({ ...doc.valueSpan(n!), message: `\`${n!.key}\` used in the estimate` }));
    report({
      ...doc.valueSpan(qpsNode),
      message: headline,
      explanation: `${formula}, ${compare}. Fleet size, cost and the latency headroom all follow from peak QPS, so one of these figures is wrong: fix the one that is off (a difference within ${t}× is accepted).`,
      suggestions,
      related,
    });
  },
};
