import { appendToList } from '../engine/edits';
import { reportMissing } from './support';
import type { Rule, TextEdit } from './types';

/** Latency (also serving/response time, p50/p95/p99), throughput, QPS or requests per second. */
export const OPERATIONAL_RE =
  /latenc|throughput|\bqps\b|\brps\b|quer(?:y|ies)\s*(?:per\s*sec|\/\s*s)|requests?\s*(?:per\s*sec|\/\s*s)|(?:serving|response|inference)[\s_-]*time|\bp(?:50|90|95|99|999)\b/i;

export const mlsd702: Rule = {
  meta: {
    id: 'MLSD702',
    alias: 'no-operational-monitoring',
    title: 'Latency and throughput are not monitored',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'No item of `monitoring.operational` mentions latency, throughput or QPS.',
  },
  check(ctx) {
    const { doc, report } = ctx;
    const items = doc.textList('monitoring.operational');
    if (items.some((t) => OPERATIONAL_RE.test(t))) return;
    const explanation =
      'The latency budget and the traffic the fleet was sized for are the first things a model change or a traffic peak breaks. ' +
      'Track them, e.g. `operational: [p99 latency, throughput (QPS), error rate]`.';
    const title = 'Add latency and throughput monitoring';
    if (!items.length) {
      reportMissing(ctx, {
        path: 'monitoring.operational',
        because: 'so serving latency and throughput are not monitored',
        explanation,
        value: ['p99 latency', 'throughput (QPS)', 'error rate'],
        title,
      });
      return;
    }
    const node = doc.node('monitoring.operational')!;
    let edits: TextEdit[] | undefined;
    const a = node.kind === 'seq' ? appendToList(doc, node, 'p99 latency') : undefined;
    const b = node.kind === 'seq' ? appendToList(doc, node, 'throughput (QPS)') : undefined;
    if (a && b) edits = [a, b];
    report({
      ...(node.keyStart !== undefined && !node.aliased ? doc.keySpan(node) : doc.missingSpan('monitoring.operational')),
      message:
        items.length === 1
          ? 'The only item of `monitoring.operational` tracks neither latency nor throughput'
          : `None of the ${items.length} items of \`monitoring.operational\` tracks latency or throughput`,
      explanation,
      suggestions: edits ? [{ title, edits, safe: false }] : undefined,
    });
  },
};
