import { appendToList } from '../engine/edits';
import { fillField } from '../engine/edits';
import type { Rule, TextEdit } from './types';

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
  check({ doc, report }) {
    const items = doc.textList('monitoring.ml');
    if (items.some((t) => DRIFT_RE.test(t))) return;
    const node = doc.node('monitoring.ml');
    const span =
      node && node.keyStart !== undefined && !node.aliased ? doc.keySpan(node) : doc.missingSpan('monitoring.ml');
    let edit: TextEdit | undefined;
    if (node && doc.isStated(node)) {
      if (node.kind === 'seq') edit = appendToList(doc, node, 'feature-drift (PSI per feature vs the training window)');
    } else {
      edit = fillField(doc, ['monitoring'], 'ml', ['feature-drift', 'prediction-drift']);
    }
    report({
      ...span,
      message:
        (items.length
          ? 'No item of `monitoring.ml` watches for drift'
          : '`monitoring.ml` is missing, so nothing watches for drift') +
        ': data distribution shift is the main reason deployed models decay, and it is silent (no errors, just worse predictions). ' +
        'Monitor input and prediction distributions against the training window, e.g. `ml: [feature-drift (PSI per feature), prediction-drift]`.',
      suggestions: edit ? [{ title: 'Add drift monitoring', edits: [edit], safe: false }] : undefined,
      data: { items },
    });
  },
};
