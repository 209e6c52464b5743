import { OVERLAP_INTRINSIC_METRICS } from '../engine/domain';
import { generatorMetrics } from '../engine/facts';
import { clip, code, fitHeadline, listNames } from './support';
import type { Rule } from './types';

/** Archetypes whose text output has references by nature (a completion, a translation, a caption). */
const REFERENCE_ARCHETYPES = ['smart-compose', 'machine-translation', 'image-captioning'];

export const mlsd551: Rule = {
  meta: {
    id: 'MLSD551',
    alias: 'overlap-metrics-only',
    title: 'Open-ended text generation measured only by reference overlap or perplexity',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      "the generator's task type is text-generation, the archetype is not smart-compose, machine-translation or image-captioning, and the metrics that apply to the generator are not empty and all belong to the reference-overlap and intrinsic set (bleu, rouge, meteor, chrf, ter, cider, spice, bertscore, perplexity)",
  },
  check({ doc, report }) {
    const g = generatorMetrics(doc);
    if (g?.type !== 'text-generation' || !g.complete) return;
    const a = doc.archetype();
    if (a && REFERENCE_ARCHETYPES.includes(a)) return;
    const ms = g.metrics;
    if (!ms.length || !ms.every((m) => m.ref.info && OVERLAP_INTRINSIC_METRICS.includes(m.ref.info.name))) return;
    const names = [...new Set(ms.map((m) => m.ref.written))];
    const shown = listNames(
      names.map((n) => code(clip(n, 24))),
      4,
    );
    const likelihood = ms.filter((m) => m.ref.info?.name === 'perplexity').length;
    const kind =
      likelihood === ms.length ? 'likelihood' : likelihood ? 'reference overlap and likelihood' : 'reference overlap';
    report({
      ...ms[0].ref.span,
      message: fitHeadline([
        `Text generator measured only by ${kind}: ${shown}`,
        `The text generator is measured only by ${kind} (${names.length} metrics)`,
        'The text generator is measured only by reference overlap or likelihood',
      ]),
      explanation:
        `Every metric for the text generator (${shown}) compares wording with a reference or measures likelihood. Open-ended answers can be correct with little overlap, or fluent and wrong with a lot; these scores correlate weakly with what users judge, and perplexity says nothing about truth or helpfulness. ` +
        'Add a judged or task metric: `win-rate` against the current model (human raters or a calibrated LLM judge), `answer-correctness` on a golden set, `exact-match` on closed questions, `pass@1` for code, or `faithfulness` for grounded answers. ' +
        'When the output rewrites the input (summarization, paraphrase), the task is `sequence-to-sequence`, where reference metrics are expected.',
    });
  },
};
