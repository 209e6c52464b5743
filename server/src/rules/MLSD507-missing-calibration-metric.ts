import {
  CALIBRATION_METRICS,
  allTaskTypes,
  offlineMetricSummary,
  offlineMetricLists,
  probabilityDistortions,
  trueMixOperatingPoint,
} from '../engine/facts';
import { metricFits } from '../engine/domain';
import { clip, code, defined, fitHeadline, listNames, listSuggestion, OFFLINE } from './support';
import type { Related, Rule } from './types';

export const mlsd507: Rule = {
  meta: {
    id: 'MLSD507',
    alias: 'missing-calibration-metric',
    formerAliases: ['auc-only-for-probability-output'],
    title: 'No calibration metric for scores read as probabilities',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`framing.output_use: probability` (or `threshold` with probability-distorting training, a stated `model.calibration` and no true-mix operating point), the offline metrics (offline list and stage lists) are stated and all known, and none is a calibration metric (log-loss, nce, brier, ece). v1 alias `auc-only-for-probability-output` still accepted.',
  },
  check({ doc, report }) {
    const use = doc.enumOf('framing.output_use');
    if (use !== 'probability' && use !== 'threshold') return;
    let distortion: string | undefined;
    if (use === 'threshold') {
      const ds = probabilityDistortions(doc);
      if (!ds.length || trueMixOperatingPoint(doc)) return;
      // one root cause, one finding: without `model.calibration`, MLSD405 reports the threshold case
      if (!doc.stated('model.calibration')) return;
      distortion =
        ds[0].kind === 'negative-sampling-rate'
          ? 'resampled'
          : ds[0].kind.includes('weight') || ds[0].kind.includes('balanced')
            ? 'reweighted'
            : 'resampled';
    }
    // "all known": a custom or invalid name may measure calibration, so stay silent then
    const { refs, allKnown } = offlineMetricSummary(doc);
    if (!allKnown) return;
    if (refs.some((m) => m.info && CALIBRATION_METRICS.includes(m.info.name))) return;

    const lists = offlineMetricLists(doc);
    const at = doc.node(OFFLINE) ?? lists.find((l) => l.node)?.node;
    if (!at) return;
    const written = [...new Set(refs.map((m) => m.written))];
    const names = listNames(
      written.map((w) => clip(w, 24)),
      3,
    );
    const useNode = doc.node('framing.output_use');
    const related: Related[] = useNode
      ? [
          {
            ...doc.valueSpan(useNode),
            message: use === 'probability' ? 'the scores are read as probabilities' : 'the scores are thresholded',
          },
        ]
      : [];
    const types = allTaskTypes(doc);
    const picks =
      use === 'probability'
        ? ['log-loss', 'ece']
        : ['log-loss', 'ece'].filter((c) => !types.length || types.some((t) => metricFits(c, t)));
    const add = picks.length ? picks : ['log-loss'];
    const suggestions = defined([
      listSuggestion(doc, OFFLINE, add, `Add ${add.map(code).join(' and ')} to \`evaluation.offline.metrics\``),
    ]);
    const message =
      use === 'probability'
        ? fitHeadline([
            `Scores are read as probabilities, but no offline metric (${names}) measures calibration`,
            'Scores are read as probabilities, but no offline metric measures calibration',
          ])
        : fitHeadline([
            `A threshold on ${distortion} scores, but no offline metric (${names}) measures calibration`,
            `A threshold on ${distortion} scores, but no offline metric measures calibration`,
          ]);
    const explanation =
      use === 'probability'
        ? `\`output_use: probability\`: the scores are consumed as probabilities, but none of the offline metrics (${names}) measures calibration — AUC is unchanged by any monotone distortion of the scores, so a model whose probabilities are off by 3× scores the same, and auctions or expected-value decisions built on it go wrong. Add \`log-loss\` or \`nce\` (and \`ece\` for a reliability check).`
        : `\`output_use: threshold\`: the threshold is applied to scores from ${distortion} training (\`model.calibration\` says how they are corrected), but none of the offline metrics (${names}) measures calibration, so nothing shows that the correction holds. Measure calibration on data with the true class mix (\`log-loss\`, \`ece\`), or state the operating point on true-mix data (an operating-point metric with a \`target\`).`;
    report({
      ...doc.keySpan(at),
      message,
      explanation,
      related: related.length ? related : undefined,
      suggestions: suggestions.length ? suggestions : undefined,
    });
  },
};
