import { capacityFigures } from '../engine/genaiServing';
import { fitHeadline } from './support';
import { formatFigure, formatInt, ratioNote, servingOptions } from './support/serving';
import type { Rule } from './types';

const FIX =
  'Add accelerators, raise per-replica throughput (continuous batching, fp8, speculative decoding), or route part of the traffic to a smaller model.';

export const mlsd652: Rule = {
  meta: {
    id: 'MLSD652',
    alias: 'gpu-capacity-insufficient',
    title: 'Peak demand exceeds what the stated accelerators serve',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    options: ['default_peak_factor'],
    description:
      '`serving.gpu.count` and peak QPS are known, and with replicas = count ÷ `per_replica`: (a) peak QPS × `scale.output_tokens` exceeds replicas × `throughput.output_tokens_per_s` (text generators), (b) peak QPS exceeds replicas × `throughput.requests_per_s`, or (c) peak QPS × the latency (p50, else its first value) exceeds replicas × `max_batch`; one finding per part',
  },
  check({ doc, options, report }) {
    const c = capacityFigures(doc, servingOptions(options));
    if (!c) return;
    const span = doc.valueSpan(c.nodes.count);
    const qps = formatFigure(c.qps);
    const R = formatInt(c.replicas);
    const replicas = c.perReplica > 1 ? `${R} replicas (${formatInt(c.count)} ÷ ${c.perReplica})` : `${R} replicas`;
    if (c.tokens?.exceeds) {
      const t = c.tokens;
      report({
        ...span,
        message: fitHeadline([
          `Peak needs ${formatInt(t.need)} output tokens/s, but ${R} replicas serve ${formatInt(t.capacity)} tokens/s${ratioNote(t.need, t.capacity)}`,
          `Peak needs ${formatInt(t.need)} output tokens/s; the replicas serve ${formatInt(t.capacity)}`,
        ]),
        explanation:
          `Peak needs ${qps} requests/s × ${formatInt(t.outputTokens)} output tokens = ${formatInt(t.need)} tokens/s, but ${replicas} × ${formatInt(t.tokensPerSecondPerReplica)} = ${formatInt(t.capacity)} tokens/s${ratioNote(t.need, t.capacity)}. ` +
          `At least ${formatInt(t.replicasNeeded)} replicas (${formatInt(t.acceleratorsNeeded)} accelerators) are needed before headroom (add 20–30%); below that, queues grow without bound at peak and time to first token with them. ${FIX}`,
      });
    }
    if (c.requests?.exceeds) {
      const r = c.requests;
      report({
        ...span,
        message: fitHeadline([
          `Peak ${qps} requests/s, but ${R} replicas serve ${formatFigure(r.capacity)} requests/s${ratioNote(r.need, r.capacity)}`,
          `Peak ${qps} requests/s exceeds what the replicas serve (${formatFigure(r.capacity)} requests/s)`,
        ]),
        explanation:
          `Peak ${qps} requests/s, but ${replicas} × ${formatFigure(r.requestsPerSecondPerReplica)} = ${formatFigure(r.capacity)} requests/s${ratioNote(r.need, r.capacity)}: requests queue at peak and latency grows with the queue. ` +
          `At least ${formatInt(Math.ceil(r.need / r.requestsPerSecondPerReplica))} replicas are needed before headroom. ${FIX}`,
      });
    }
    if (c.concurrency?.exceeds) {
      const k = c.concurrency;
      report({
        ...span,
        message: fitHeadline([
          `About ${formatFigure(k.inFlight)} requests in flight at peak, but ${R} replicas × ${formatInt(k.maxBatch)} = ${formatInt(k.slots)} sequences fit`,
          `About ${formatFigure(k.inFlight)} requests in flight at peak, but only ${formatInt(k.slots)} sequences fit`,
        ]),
        explanation:
          `At peak about ${qps} requests/s × ${formatFigure(k.latencyMs / 1000)} s = ${formatFigure(k.inFlight)} requests are in flight (Little's law), but ${replicas} × max_batch ${formatInt(k.maxBatch)} = ${formatInt(k.slots)} sequences fit${ratioNote(k.inFlight, k.slots)}: requests queue and time to first token grows. ` +
          `At least ${formatInt(Math.ceil(k.inFlight / k.maxBatch))} replicas at this max_batch are needed. ${FIX}`,
      });
    }
  },
};
