import { appendToList } from '../engine/edits';
import { reportMissing } from './support';
import type { Rule } from './types';

/**
 * What counts as drift monitoring in free text: drift (input-drift, feature drift …), a distribution
 * shift (covariate/label/concept/data/domain shift), PSI / population stability, KL divergence, and the
 * usual two-sample distances (Jensen-Shannon, Kolmogorov-Smirnov, Wasserstein).
 */
export const DRIFT_RE =
  /drift|(?:distribution|covariate|concept|label|prior|data|dataset|domain)[\s_-]*shift|\bpsi\b|population[\s_-]*stability|\bkl\b|kl[\s_-]*div|kullback|jensen[\s_-]*shannon|\bjs[\s_-]*div|kolmogorov|\bks[\s_-]*(?:test|stat)|wasserstein/i;

export const mlsd701: Rule = {
  meta: {
    id: 'MLSD701',
    alias: 'no-drift-monitoring',
    title: 'No drift monitoring',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'No item of `monitoring.ml` mentions drift, distribution shift, PSI or KL divergence (free text, matched case-insensitively).',
  },
  check(ctx) {
    const { doc, report } = ctx;
    const items = doc.textList('monitoring.ml');
    if (items.some((t) => DRIFT_RE.test(t))) return;
    const explanation =
      'Data distribution shift is the main reason deployed models decay, and it is silent (no errors, just worse predictions). ' +
      'Monitor input and prediction distributions against the training window, e.g. `ml: [feature-drift (PSI per feature), prediction-drift]`.';
    const title = 'Add drift monitoring';
    if (!items.length) {
      reportMissing(ctx, {
        path: 'monitoring.ml',
        because: 'so nothing watches for drift',
        explanation,
        value: ['feature-drift', 'prediction-drift'],
        title,
      });
      return;
    }
    const node = doc.node('monitoring.ml')!;
    const edit =
      node.kind === 'seq'
        ? appendToList(doc, node, 'feature-drift (PSI per feature vs the training window)')
        : undefined;
    report({
      ...(node.keyStart !== undefined && !node.aliased ? doc.keySpan(node) : doc.missingSpan('monitoring.ml')),
      message:
        items.length === 1
          ? 'The only item of `monitoring.ml` does not watch for drift'
          : `None of the ${items.length} items of \`monitoring.ml\` watches for drift`,
      explanation,
      suggestions: edit ? [{ title, edits: [edit], safe: false }] : undefined,
    });
  },
};
