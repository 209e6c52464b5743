import { generatorStage, generatorTaskType } from '../engine/facts';
import type { MlsdDoc } from '../engine/model';
import { child, type MNode } from '../engine/parse';
import type { Rule } from './types';

/** The generator's decoding strategy (its stage's `decoding`, else `model.decoding`) and the temperature beside it. */
function decoding(doc: MlsdDoc): { strategy: string; node: MNode; temperature?: number } | undefined {
  const stage = generatorStage(doc);
  const maps = [stage ? child(stage.node, 'decoding') : undefined, doc.node('model.decoding')].filter(
    (m): m is MNode => m?.kind === 'map',
  );
  for (const m of maps) {
    const node = child(m, 'strategy');
    const strategy = doc.enumValueOf(node);
    if (!node || !strategy) continue;
    // the stage's temperature, else `model.decoding`'s (a stage's decoding overrides what it states)
    let temperature: number | undefined;
    for (const t of maps) {
      const tn = child(t, 'temperature');
      if (tn?.kind === 'scalar' && typeof tn.value === 'number' && doc.isStated(tn)) {
        temperature = tn.value;
        break;
      }
    }
    return { strategy, node, temperature };
  }
  return undefined;
}

const SAMPLING = ['top-k', 'top-p', 'sampling'];

/** What a reference-bound generator returns, for the message; undefined when the doc is not reference-bound. */
function referenceBound(doc: MlsdDoc): string | undefined {
  const a = doc.archetype();
  if (a === 'machine-translation') return 'translations';
  if (a === 'image-captioning') return 'captions';
  if (a === 'smart-compose') return 'suggestions';
  const t = generatorTaskType(doc);
  if (t === 'image-to-text') return 'captions';
  if (t === 'sequence-to-sequence') return 'rewrites';
  return undefined;
}

export const mlsd452: Rule = {
  meta: {
    id: 'MLSD452',
    alias: 'decoding-task-mismatch',
    title: 'Decoding strategy does not fit the task',
    step: 4,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      "(a) archetype chatbot decodes with `strategy: beam`; (b) a reference-bound generator (archetype machine-translation, image-captioning or smart-compose, or the generator's task type sequence-to-sequence or image-to-text) samples (`top-k`, `top-p`, `sampling`) with `temperature` not stated or above 0. The strategy is the generator stage's `decoding`, else `model.decoding`",
  },
  check({ doc, report }) {
    const d = decoding(doc);
    if (!d) return;
    if (doc.archetype() === 'chatbot' && d.strategy === 'beam') {
      report({
        ...doc.valueSpan(d.node),
        message: 'Beam search on open-ended chat favours short, generic and repetitive replies',
        explanation:
          'Beam search on open-ended chat favours short, generic and repetitive replies: it searches for the most probable sequence, and the most probable reply is the blandest one. Chat systems sample. ' +
          'Write `strategy: top-p` (p about 0.9) with a `temperature` of 0.6–0.9.',
      });
      return;
    }
    const outputs = referenceBound(doc);
    if (!outputs || !SAMPLING.includes(d.strategy)) return;
    if (d.temperature !== undefined && !(d.temperature > 0)) return;
    const temp = d.temperature === undefined ? 'no `temperature`' : `temperature ${d.temperature}`;
    report({
      ...doc.valueSpan(d.node),
      message: `Sampling (\`${d.strategy}\`, ${temp}) makes identical requests return different ${outputs}`,
      explanation:
        `Sampling (\`strategy: ${d.strategy}\` with ${temp}) makes identical requests return different ${outputs}; reference-bound tasks decode with beam search or greedily, so the output is the model's best guess and stays stable between calls, tests and evaluations. ` +
        'Write `strategy: beam` (`beam_width` 3–5) or `greedy`, or set `temperature: 0`.',
    });
  },
};
