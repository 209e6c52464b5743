import { retrievalCorpus, trainsWeights } from '../engine/facts';
import { child, type MNode } from '../engine/parse';
import { clip, code, fitHeadline, listNames } from './support';
import type { Related, Rule } from './types';

/** Source kinds that carry web or user-written content (genai.md MLSD352). */
const UNFILTERED_KINDS = ['external', 'content', 'logs', 'interactions'];

export const mlsd352: Rule = {
  meta: {
    id: 'MLSD352',
    alias: 'training-data-unfiltered',
    title: 'Weights trained on web or user data without filtering',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'the doc trains weights (a production candidate adapted by fine-tuning, LoRA, RLHF …, or `model.training.from` scratch or fine-tune in a generative doc), some source outside the retrieval corpus has kind external, content, logs or interactions, and `data.filtering` is not stated',
  },
  check({ doc, report }) {
    if (doc.stated('data.filtering')) return;
    if (!trainsWeights(doc)) return;
    const corpus = new Set(retrievalCorpus(doc));
    const sources: { id: string; kind: string; node: MNode }[] = [];
    doc.entries('data.sources').forEach((s, i) => {
      if (corpus.has(s)) return;
      const kindNode = child(s, 'kind');
      const kind = doc.enumValueOf(kindNode);
      if (kindNode && kind && UNFILTERED_KINDS.includes(kind))
        sources.push({ id: doc.textOf(child(s, 'id')) ?? `source ${i + 1}`, kind, node: kindNode });
    });
    if (sources.length === 0) return;
    const first = sources[0];
    const named = `${code(clip(first.id, 24))} (${first.kind})`;
    const more = sources.length > 1 ? ` and ${sources.length - 1} more source${sources.length > 2 ? 's' : ''}` : '';
    const all = listNames(
      sources.map((s) => `${code(clip(s.id, 24))} (${s.kind})`),
      4,
    );
    const related: Related[] = sources.map((s) => ({ ...doc.valueSpan(s.node), message: `${s.id}: kind ${s.kind}` }));
    report({
      ...doc.field('data').span,
      message: fitHeadline([
        `Weights are trained on ${named}${more} with no \`data.filtering\``,
        `Weights are trained on ${sources.length} web or user sources with no \`data.filtering\``,
      ]),
      explanation:
        `Weights are trained on ${all} with no filtering step. Web and user data carry duplicates, toxic or sexual content, personal data and copies of evaluation sets; the model memorizes and reproduces them. ` +
        'State `data.filtering`: for text `[dedup, quality, toxicity, pii, decontamination]`; for images and video `[dedup, nsfw, watermark, clip-score, opt-out]`.',
      related,
    });
  },
};
