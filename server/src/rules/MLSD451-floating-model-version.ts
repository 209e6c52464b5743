import { floatingCandidate, floatingJudge, generator, productionCandidates } from '../engine/facts';
import type { MlsdDoc } from '../engine/model';
import { normalizeName } from '../engine/domain';
import { child, type MNode, pathOf } from '../engine/parse';
import { clip, code, fitHeadline } from './support';
import type { Rule } from './types';

/** Where a floating model's finding goes: its `version` value, else `pinned`, else `base_model`, else its `id`. */
function anchor(doc: MlsdDoc, entry: MNode, keys: string[]): MNode {
  for (const k of keys) {
    const c = child(entry, k);
    if (c && doc.isStated(c)) return c;
  }
  return entry;
}

const GATE =
  'Pin a dated snapshot (`version: "2024-08-06"`, `pinned: true`) and add `evaluation.regression: {triggers: [model-change, prompt-change]}` so every upgrade is gated on the golden set.';

export const mlsd451: Rule = {
  meta: {
    id: 'MLSD451',
    alias: 'floating-model-version',
    title: 'Floating model version with no regression gate',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'a production candidate or an LLM judge is floating (`pinned: false`; a `version` such as latest, stable, preview or `*-latest`; an API model with no `version` and not pinned; a judge model ending in latest) and `evaluation.regression.triggers` contains neither `model-change` nor `schedule`; one finding per floating model',
  },
  check({ doc, report }) {
    const triggers = doc.list('evaluation.regression.triggers').map((i) => doc.enumValueOf(i));
    if (triggers.includes('model-change') || triggers.includes('schedule')) return;

    const gen = generator(doc);
    const embeddingId = doc.str('model.retrieval.embedding_model');
    for (const c of productionCandidates(doc)) {
      const why = floatingCandidate(doc, c);
      if (!why) continue;
      const at = anchor(doc, c, ['version', 'pinned', 'base_model', 'id']);
      const id = doc.textOf(child(c, 'id')) ?? 'candidate';
      const name = code(clip(id, 24));
      const base = doc.textOf(child(c, 'base_model'));
      const who = doc.textOf(child(c, 'vendor')) ?? doc.enumValueOf(child(c, 'provider'));
      const desc = [base, who].filter((x): x is string => !!x).map((x) => clip(x, 30));
      const what = desc.length ? ` (${desc.join(', ')})` : '';
      // the embedding model's message is about the index; a candidate that also generates gets the generator's
      const embedding = c !== gen && embeddingId !== undefined && normalizeName(embeddingId) === normalizeName(id);
      report({
        ...(at === c ? doc.keySpan(c) : doc.valueSpan(at)),
        message: embedding
          ? fitHeadline([
              `Embedding model ${name} is not pinned (${why}) and no regression run gates a model change`,
              `Embedding model ${name} is not pinned (${why}); no regression run gates a change`,
              `Embedding model ${name} is not pinned and no regression run gates a model change`,
            ])
          : fitHeadline([
              `${name}${what} is not pinned (${why}) and no regression run gates a model change`,
              `${name} is not pinned (${why}) and no regression run gates a model change`,
              `${name} is not pinned and no regression run gates a model change`,
            ]),
        explanation: embedding
          ? `Embedding model ${name}${what} is not pinned (${why}): a new embedding version makes stored vectors incomparable with new query vectors, so the whole index must be rebuilt together with the switch, and nothing re-runs the evaluation when it happens. ${GATE}`
          : `${name}${what} is not pinned (${why}): the provider can change the model behind the same name, and nothing re-runs the evaluation when it does — quality, refusals, format and cost can shift overnight without a change to this design. ${GATE}`,
      });
    }

    for (const [i, j] of doc.entries('evaluation.judges').entries()) {
      if (doc.enumValueOf(child(j, 'kind')) !== 'llm') continue;
      if (!floatingJudge(doc, j)) continue;
      const why = doc.bool([...pathOf(j), 'pinned']) === false ? '`pinned: false`' : 'its `model` ends in latest';
      const id = doc.textOf(child(j, 'id')) ?? `judge ${i + 1}`;
      const model = doc.textOf(child(j, 'model'));
      const at = anchor(doc, j, why === '`pinned: false`' ? ['pinned'] : ['model', 'id']);
      const what = model ? ` (${clip(model, 30)})` : '';
      report({
        ...(at === j ? doc.keySpan(j) : doc.valueSpan(at)),
        message: fitHeadline([
          `Judge ${code(clip(id, 24))}${what} is not pinned (${why}); no regression run gates a change`,
          `Judge ${code(clip(id, 24))} is not pinned (${why}); no regression run gates a change`,
          `Judge ${code(clip(id, 24))} is not pinned and no regression run gates a model change`,
        ]),
        explanation: `Judge ${code(clip(id, 24))}${what} is not pinned (${why}): scores move when the judge model changes, and trends stop being comparable — a quality drop and a judge upgrade look the same. Name a dated snapshot in the judge's \`model\` with \`pinned: true\`, add \`evaluation.regression: {triggers: [model-change, judge-change]}\`, and re-measure the judge's agreement with human labels after every judge change.`,
      });
    }
  },
};
