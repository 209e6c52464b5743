import { RANKING_TASKS } from '../engine/domain';
import { isGenerative } from '../engine/facts';
import type { MlsdDoc } from '../engine/model';
import { capitalize, reportMissing } from './support';
import type { Related, Rule } from './types';

const ONLINE = ['online', 'hybrid', 'streaming'];

/** The evidence that the system serves online, or undefined when it does not (or a batch mode is stated). */
function servesOnline(
  doc: MlsdDoc,
): { why: string; because: string; related?: Related; batchHint?: boolean } | undefined {
  for (const path of ['requirements.performance.mode', 'serving.mode']) {
    const mode = doc.enumOf(path);
    if (mode && ONLINE.includes(mode)) {
      const n = doc.node(path)!;
      return {
        why: `\`${path}: ${mode}\` means predictions are computed as requests arrive`,
        because: `though the prediction mode is \`${mode}\``,
        related: { ...doc.valueSpan(n), message: `the system serves ${mode} here` },
      };
    }
  }
  // a stated mode (batch, or a value MLSD003 reports) settles it: no latency requirement is implied
  if (doc.stated('requirements.performance.mode') || doc.stated('serving.mode')) return undefined;
  const t = doc.taskType();
  if (t && RANKING_TASKS.includes(t)) {
    const n = doc.node('framing.task_type')!;
    return {
      why: `a ${t} system (\`task_type: ${t}\`) computes its lists per request, and no prediction mode says otherwise`,
      because: `though a ${t} system serves per request`,
      related: { ...doc.valueSpan(n), message: `${t} is served per request` },
      batchHint: true,
    };
  }
  return undefined;
}

export const mlsd102: Rule = {
  meta: {
    id: 'MLSD102',
    alias: 'missing-latency-constraint',
    title: 'No latency requirement for an online system',
    step: 1,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`requirements.performance.latency` is missing while the system serves online: `requirements.performance.mode` or `serving.mode` is `online`/`hybrid`/`streaming`; or both modes are missing and `framing.task_type` is ranking, recommendation, retrieval or link-prediction. A stated `batch` mode means no latency is needed. On a generative doc (genai.md §8) a stated `requirements.performance.ttft` satisfies it.',
  },
  check(ctx) {
    const path = 'requirements.performance.latency';
    if (ctx.doc.stated(path)) return;
    // genai.md §8: on a generative doc a stated time to first token is the latency requirement users feel
    const generative = isGenerative(ctx.doc);
    if (generative && ctx.doc.stated('requirements.performance.ttft')) return;
    const online = servesOnline(ctx.doc);
    if (!online) return;
    if (generative) {
      reportMissing(ctx, {
        path,
        because: `as is \`ttft\`, ${online.because}`,
        explanation: `${capitalize(online.why)}, but neither a latency nor a time to first token is stated: without a budget nobody can check that retrieval, prompt assembly and generation fit in time, or choose the model size, GPU and decoding settings. Add \`requirements.performance.ttft: {p95: 1s}\` for streamed text (first visible output), or \`latency: {p99: 5s}\` for the complete output (an image, a translation).`,
        value: { p99: 'TBD' },
        title: 'Add a p99 latency requirement',
        related: online.related ? [online.related] : undefined,
      });
      return;
    }
    reportMissing(ctx, {
      path,
      because: online.because,
      explanation: `${capitalize(online.why)}, but no latency requirement is stated: without a budget nobody can check that feature fetching, candidate generation and ranking fit in time, or choose between a DNN and a cheaper model. Add \`requirements.performance.latency: {p99: 200ms}\` (feeds and recommendations usually get 100–200ms)${online.batchHint ? '; if the lists are precomputed, state `requirements.performance.mode: batch` instead' : ''}.`,
      value: { p99: 'TBD' },
      title: 'Add a p99 latency requirement',
      related: online.related ? [online.related] : undefined,
    });
  },
};
