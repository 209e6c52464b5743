import { percentileBudget } from '../engine/facts';
import { formatCount, formatDuration, round } from '../engine/values';
import type { Rule } from './types';

const PERCENTILES = ['p50', 'p95', 'p99'] as const;
/** genai.md §6: durations of 10s and more in seconds with one decimal; shorter ones as authors write them. */
const ms = (n: number) => (n >= 10_000 ? `${Math.round(n / 100) / 10}s` : formatDuration(round(n, 3)));

export const mlsd151: Rule = {
  meta: {
    id: 'MLSD151',
    alias: 'streaming-latency-inconsistent',
    title: 'TTFT and per-token budgets exceed the end-to-end latency',
    step: 1,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      '`requirements.performance.latency`, `.ttft` and `.tpot` are stated, the response length N (`requirements.performance.output_tokens`, else `requirements.scale.output_tokens`) is stated, and at the first of p50, p95, p99 stated by all three (a bare value states every percentile) ttft + (N − 1) × tpot exceeds latency',
  },
  check({ doc, report }) {
    const latency = percentileBudget(doc, 'requirements.performance.latency');
    const ttft = percentileBudget(doc, 'requirements.performance.ttft');
    const tpot = percentileBudget(doc, 'requirements.performance.tpot');
    if (!latency || !ttft || !tpot) return;
    const nPath = doc.stated('requirements.performance.output_tokens')
      ? 'requirements.performance.output_tokens'
      : 'requirements.scale.output_tokens';
    const nq = doc.quantity(nPath);
    if (!nq || !(nq.value >= 1)) return;
    const n = nq.value;
    const q = PERCENTILES.find((p) => latency.byPercentile[p] && ttft.byPercentile[p] && tpot.byPercentile[p]);
    if (!q) return;
    const L = latency.byPercentile[q]!;
    const T = ttft.byPercentile[q]!;
    const D = tpot.byPercentile[q]!;
    const sum = T.ms + (n - 1) * D.ms;
    if (!(sum > L.ms)) return;
    // a percentile label only where one was written: three bare values compare as they are
    const label = latency.bare && ttft.bare && tpot.bare ? '' : ` ${q}`;
    const N = formatCount(n);
    const ratio = sum / L.ms >= 2 ? ` (${round(sum / L.ms, 2)}×)` : '';
    const formula = `ttft${label} ${ms(T.ms)} + (${N} − 1) × tpot${label} ${ms(D.ms)} = ${ms(sum)}`;
    const maxTpot = n > 1 && L.ms > T.ms ? Math.floor(((L.ms - T.ms) / (n - 1)) * 10) / 10 : undefined;
    const lowerTpot =
      maxTpot !== undefined
        ? `lower \`tpot\` to at most (${ms(L.ms)} − ${ms(T.ms)}) / (${N} − 1) = ${ms(maxTpot)}`
        : `lower \`ttft\` below the latency of ${ms(L.ms)} (no per-token speed fits while the first token alone takes ${ms(T.ms)})`;
    report({
      ...doc.valueSpan(L.node),
      message:
        `${formula} exceeds the end-to-end latency${label} of ${ms(L.ms)}${ratio}`.length <= 100
          ? `${formula} exceeds the end-to-end latency${label} of ${ms(L.ms)}${ratio}`
          : `ttft + (N − 1) × tpot = ${ms(sum)} exceeds the end-to-end latency${label} of ${ms(L.ms)}${ratio}`,
      explanation:
        `${formula} exceeds the end-to-end latency${label} of ${ms(L.ms)} for a ${N}-token response (\`${nPath}\`): the three budgets cannot all hold, so at least one of them is not a real requirement and the serving design cannot be checked against it. ` +
        `Raise \`latency\` to at least ${ms(sum)}, ${lowerTpot}, or state the output length the latency is meant for in \`requirements.performance.output_tokens\`.`,
      related: [
        { ...doc.valueSpan(T.node), message: `ttft${label}: ${ms(T.ms)}` },
        { ...doc.valueSpan(D.node), message: `tpot${label}: ${ms(D.ms)}` },
        { ...doc.valueSpan(doc.node(nPath)!), message: `${N} output tokens` },
      ],
    });
  },
};
