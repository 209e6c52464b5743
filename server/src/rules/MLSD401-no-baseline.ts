import type { MlsdDoc } from '../engine/model';
import { child } from '../engine/parse';
import { reportMissing } from './support';
import type { Rule } from './types';

/** A baseline that fits the doc's task, for the message and the suggestion (plain text: no `:`, `,` or `#`). */
function typicalBaseline(doc: MlsdDoc): string {
  if (doc.ranksOrRecommends()) return "most popular items in the user's region over the last 7 days";
  const t = doc.taskType();
  switch (t) {
    case 'regression':
      return 'mean of the target per segment over the last 30 days';
    case 'forecasting':
      return 'seasonal naive forecast (same hour last week)';
    case 'object-detection':
    case 'segmentation':
      return 'an off-the-shelf pretrained model without fine-tuning';
    case 'text-generation':
    case 'image-generation':
      return 'a pretrained model with prompting only';
    case 'clustering':
      return 'k-means on standardized features';
    case 'anomaly-detection':
      return 'z-score thresholds on the key metrics';
    default:
      return 'logistic regression on a few hand-picked features (or the current rules)';
  }
}

export const mlsd401: Rule = {
  meta: {
    id: 'MLSD401',
    alias: 'no-baseline',
    title: 'No baseline to beat',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`model.baseline` is missing (a mapping baseline counts when its `name` or `description` is stated).',
  },
  check(ctx) {
    const { doc } = ctx;
    const n = doc.node('model.baseline');
    if (
      n && n.kind === 'map' ? doc.isStated(child(n, 'name')) || doc.isStated(child(n, 'description')) : doc.isStated(n)
    )
      return;
    const example = typicalBaseline(doc);
    reportMissing(ctx, {
      path: 'model.baseline',
      because: 'so nothing shows the model beats a simple heuristic',
      explanation:
        'Without a simple baseline (a heuristic, popularity, logistic regression) nobody can tell whether ' +
        'the ML model earns its complexity, and the first launch has nothing to be compared with offline or in the A/B test. ' +
        `Add e.g. \`baseline: ${example}\`.`,
      // a mapping baseline without name or description is filled in by hand
      value: n && n.kind === 'map' ? undefined : example,
      title: 'Add a `model.baseline`',
    });
  },
};
