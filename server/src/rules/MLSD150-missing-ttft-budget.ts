import { predictsInBatch, streamed } from '../engine/facts';
import { latencyRequirement } from '../engine/figures';
import { formatCount, formatDuration } from '../engine/values';
import { reportMissing } from './support';
import type { Rule } from './types';

export const mlsd150: Rule = {
  meta: {
    id: 'MLSD150',
    alias: 'missing-ttft-budget',
    title: 'Streamed responses without a time-to-first-token budget',
    step: 1,
    defaultSeverity: 'warning',
    fixable: 'none',
    options: ['streaming_output_tokens'],
    description:
      'the doc is streamed (genai.md §4: a user-facing text generator with `requirements.performance.streaming: true`, or streaming not stated and archetype chatbot or rag or responses of at least `streaming_output_tokens` tokens), it does not predict in batch, and `requirements.performance.ttft` is not stated',
  },
  check(ctx) {
    const { doc, options } = ctx;
    const path = 'requirements.performance.ttft';
    if (doc.stated(path) || predictsInBatch(doc)) return;
    if (!streamed(doc, options.streaming_output_tokens)) return;
    // the second sentence of the spec's message: only when the latency and the response length are stated
    const latency = latencyRequirement(doc);
    const n =
      doc.quantity('requirements.performance.output_tokens')?.value ??
      doc.quantity('requirements.scale.output_tokens')?.value;
    const lastToken =
      latency && n !== undefined
        ? ` The end-to-end latency${latency.percentile ? ` ${latency.percentile}` : ''} of ${formatDuration(latency.budget)} covers the last token of a ${formatCount(n)}-token answer.`
        : '';
    reportMissing(ctx, {
      path,
      because: 'though responses are streamed',
      span: doc.missingSpan(path),
      explanation:
        `Responses are streamed but no time-to-first-token budget is stated. Users judge responsiveness by when text starts to appear, not by when the answer ends.${lastToken} ` +
        'Add `ttft: {p95: …}` under `requirements.performance`, and `tpot` for the streaming speed: chat products typically budget about 1s at p95 (about 2s with retrieval) and 20–50ms per token.',
    });
  },
};
