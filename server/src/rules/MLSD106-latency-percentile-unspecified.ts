import { replaceScalar } from '../engine/edits';
import { clip } from './support';
import type { Fix, Rule } from './types';

export const mlsd106: Rule = {
  meta: {
    id: 'MLSD106',
    alias: 'latency-percentile-unspecified',
    title: 'Latency requirement without a percentile',
    step: 1,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      '`requirements.performance.latency` is a bare duration (`latency: 200ms`) rather than a mapping of percentiles (`p50`, `p95`, `p99`).',
  },
  check({ doc, report }) {
    const n = doc.node('requirements.performance.latency');
    if (n?.kind !== 'scalar') return;
    if (doc.durationOf(n) === undefined) return; // not stated, or invalid (MLSD003)
    const written = doc.text.slice(n.start, n.end).trim() || String(n.value);
    const shown = /^\d+(\.\d+)?$/.test(written) ? `${written}ms` : written;
    const suggestions: Fix[] = [];
    for (const p of ['p99', 'p50']) {
      const edit = replaceScalar(n, `{${p}: ${written}}`);
      if (edit)
        suggestions.push({ title: `Make it the ${p} latency (\`{${p}: ${written}}\`)`, edits: [edit], safe: false });
    }
    report({
      ...doc.valueSpan(n),
      message: `\`latency: ${clip(written, 20)}\`${shown !== written ? ` (${clip(shown, 22)})` : ''} does not say which percentile`,
      explanation: `A ${shown} median and a ${shown} p99 are very different systems, and the tail is what users notice and what stage budgets are checked against. Write the percentile, e.g. \`latency: {p99: ${written}}\`.`,
      suggestions: suggestions.length ? suggestions : undefined,
    });
  },
};
