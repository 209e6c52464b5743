import type { Rule } from './types';

const LABELS = 'data.labels';

/** Why each noisy source misgrades a model (rules.md "MLSD514"). */
const WHY: Record<string, { words: string; short: string; why: string }> = {
  'user-reports': {
    words: 'user reports',
    short: 'scores measure agreement, not quality',
    why: 'reports cover only content people saw and chose to flag, are noisy, and miss exactly the harm nobody reported, so precision and recall measured on them describe agreement with reporters, not quality',
  },
  weak: {
    words: 'weak labels',
    short: 'the model is graded against its own heuristics',
    why: 'weak labels repeat the labelling heuristics, so the model is graded against the rules it learned from, and its errors where the heuristics are wrong stay invisible',
  },
};

export const mlsd514: Rule = {
  meta: {
    id: 'MLSD514',
    alias: 'eval-on-noisy-labels',
    title: 'Evaluation on user reports or weak labels',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`data.labels.eval_source` is `user-reports` or `weak`, or it is missing and `data.labels.source` is `user-reports` or `weak`',
  },
  check({ doc, report }) {
    // a stated eval_source decides alone (an invalid one is unknown: no guess from `source`)
    const key = doc.stated(`${LABELS}.eval_source`) ? 'eval_source' : 'source';
    const value = doc.enumOf(`${LABELS}.${key}`);
    const node = doc.node(`${LABELS}.${key}`);
    const w = value ? WHY[value] : undefined;
    if (!w || !node) return;
    const cited = `\`${key}: ${value}\``;
    const cause = key === 'eval_source' ? cited : `${cited} and no \`eval_source\``;
    const keep = key === 'source' ? `; training may keep ${cited}` : '';
    report({
      ...doc.valueSpan(node),
      message: `Evaluated on ${w.words} (${cited}): ${w.short}`,
      explanation: `Evaluation labels are ${w.words} (${cause}): ${w.why}. Evaluate on a sample labelled by trained reviewers (\`eval_source: hand\`), sized for the rare class${keep}.`,
    });
  },
};
