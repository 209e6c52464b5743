import { containsWord, STREAMING_TELEMETRY_WORDS, TEXT_OUTPUT_TASKS, TOKEN_TELEMETRY_WORDS } from '../engine/domain';
import { allDocMetrics, generatorTaskType, isGenerative, judgeOf, retrieves, streamed } from '../engine/facts';
import type { MlsdDoc } from '../engine/model';
import { child, pathOf } from '../engine/parse';
import { clip, code, fitHeadline, listNames } from './support';
import type { Rule } from './types';

/** Every free-text item the monitoring section states: its lists (ml, operational, feedback, safety) and alert metrics. */
function monitoringItems(doc: MlsdDoc): string[] {
  const out: string[] = [];
  for (const k of ['ml', 'operational', 'feedback', 'safety']) out.push(...doc.textList(`monitoring.${k}`));
  for (const a of doc.entries('monitoring.alerts')) {
    const m = doc.textOf(child(a, 'metric'));
    if (m !== undefined) out.push(m);
  }
  return out;
}

interface Gap {
  /** the gap as the headline and the message list it */
  what: string;
  short: string;
  /** why it matters and what to write */
  why: string;
}

export const mlsd752: Rule = {
  meta: {
    id: 'MLSD752',
    alias: 'generation-telemetry-gaps',
    title: 'Generation telemetry not tracked: versions, tokens and cost, TTFT, judge drift, prompt version',
    step: 7,
    defaultSeverity: 'info',
    fixable: 'none',
    options: ['streaming_output_tokens'],
    description:
      "a generative doc has a telemetry gap: (a) no `monitoring.ml`/`operational` item mentions a version; (b) a text generator and no `monitoring.operational` item mentions tokens or cost; (c) streamed output and no operational item mentions TTFT, first token, TPOT or inter-token latency; (d) an online metric's LLM judge states no `calibration.cadence` and no monitoring item mentions the judge; (e) `model.prompt` is stated without `version`; one finding lists every gap",
  },
  check({ doc, options, report }) {
    if (!isGenerative(doc)) return;
    const ml = doc.textList('monitoring.ml');
    const operational = doc.textList('monitoring.operational');
    const gaps: Gap[] = [];

    if (![...ml, ...operational].some((i) => containsWord(i, ['version']))) {
      const parts = retrieves(doc) ? 'model, prompt and index version' : 'model and prompt version';
      gaps.push({
        what: `${parts} per request`,
        short: 'versions',
        why: `Without the ${parts} logged with each request, a quality or cost shift cannot be traced to the change that caused it (add \`${parts} per request\` to \`monitoring.ml\`).`,
      });
    }

    const t = generatorTaskType(doc);
    if (t && TEXT_OUTPUT_TASKS.includes(t) && !operational.some((i) => containsWord(i, TOKEN_TELEMETRY_WORDS)))
      gaps.push({
        what: 'input/output tokens and cost per request',
        short: 'tokens and cost',
        why: 'Tokens per request drive cost and latency, and they creep up with longer histories, more retrieved chunks and verbose model updates (add `tokens and cost per request` to `monitoring.operational`).',
      });

    if (
      streamed(doc, options.streaming_output_tokens) &&
      !operational.some((i) => containsWord(i, STREAMING_TELEMETRY_WORDS))
    )
      gaps.push({
        what: 'TTFT and TPOT percentiles',
        short: 'TTFT and TPOT',
        why: 'Responses are streamed, so users feel time to first token and the streaming speed, not the end-to-end latency; queueing and long prompts move TTFT first (add `ttft p95` and `tpot p95` to `monitoring.operational`).',
      });

    const items = monitoringItems(doc);
    if (!items.some((i) => containsWord(i, ['judge']))) {
      const drifting = new Set<string>();
      for (const m of allDocMetrics(doc)) {
        if (m.list !== 'online' && m.list !== 'guardrail') continue;
        const j = judgeOf(doc, m.ref.node);
        if (!j || doc.enumValueOf(child(j, 'kind')) !== 'llm') continue;
        if (doc.stated([...pathOf(j), 'calibration', 'cadence'])) continue;
        drifting.add(code(clip(doc.textOf(child(j, 'id')) ?? 'judge', 24)));
      }
      if (drifting.size)
        gaps.push({
          what: 'judge agreement on fresh human labels',
          short: 'judge drift',
          why: `LLM judge ${listNames([...drifting])} scores live traffic, but nothing re-measures its agreement with people as traffic and the judge's provider change (state \`calibration.cadence\` on the judge, or add \`judge agreement drift\` to \`monitoring.ml\`).`,
        });
    }

    const prompt = doc.node('model.prompt');
    if (prompt && doc.isStated(prompt) && prompt.kind === 'map' && !doc.stated('model.prompt.version'))
      gaps.push({
        what: 'a prompt template version',
        short: 'prompt version',
        why: 'The prompt template changes behaviour as much as a model change, yet `model.prompt` names no `version` to log, gate and roll back (add `version: <name>-v1`).',
      });

    if (!gaps.length) return;
    const at = doc.node('monitoring');
    report({
      ...(at ? doc.keySpan(at) : doc.docSpan()),
      message: fitHeadline([
        `Generation telemetry gaps: ${gaps.map((g) => g.what).join('; ')}`,
        `Generation telemetry gaps: ${gaps.map((g) => g.short).join(', ')}`,
        `Generation telemetry gaps: ${gaps.length} signals not tracked`,
      ]),
      explanation: `Generation telemetry gaps: ${gaps.map((g) => g.what).join('; ')}. ${gaps.map((g) => g.why).join(' ')}`,
    });
  },
};
