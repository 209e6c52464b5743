import { fillField } from '../engine/edits';
import { CLASSIFIER_TASKS, docTaskTypes, lossPieces } from '../engine/facts';
import { RANKING_TASKS } from '../engine/domain';
import { DEFAULT_OPTIONS } from '../engine/options';
import { formatPercent as pct, round } from '../engine/values';
import { defined, reportMissing } from './support';
import type { Fix, Rule } from './types';

/** Losses that compare positives with negatives per query or batch: the global class ratio does not enter them. */
const COMPARISON_LOSSES = ['pairwise', 'listwise', 'sampled-softmax', 'infonce', 'contrastive', 'triplet'];
const IN_SCOPE = [...CLASSIFIER_TASKS, ...RANKING_TASKS];
const BATCH = 1024;

export const mlsd302: Rule = {
  meta: {
    id: 'MLSD302',
    alias: 'imbalance-unhandled',
    title: 'Rare positives with no imbalance handling',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`data.labels.positive_rate` is below `rare_positive_threshold` (or above 1 − it: the negatives are rare), `data.imbalance.handling` is missing, the doc task types include a classifier, ranking, recommendation, retrieval or link-prediction type, and `model.loss` is not purely a comparison loss (pairwise, listwise, sampled-softmax, infonce, contrastive, triplet).',
    options: ['rare_positive_threshold', 'imbalance_threshold'],
  },
  check(ctx) {
    const { doc, options } = ctx;
    if (doc.stated('data.imbalance.handling')) return;
    const rate = doc.rate('data.labels.positive_rate');
    // v1 compatibility: a config that sets `imbalance_threshold` but not `rare_positive_threshold` keeps its v1 meaning
    const v1 =
      options.imbalance_threshold !== DEFAULT_OPTIONS.imbalance_threshold &&
      options.rare_positive_threshold === DEFAULT_OPTIONS.rare_positive_threshold;
    const t = v1 ? options.imbalance_threshold : options.rare_positive_threshold;
    if (rate === undefined || !Number.isFinite(t)) return;
    const rarePositives = rate < t;
    const rareNegatives = !rarePositives && rate > 1 - t;
    if (!rarePositives && !rareNegatives) return;
    if (!docTaskTypes(doc).some((tt) => IN_SCOPE.includes(tt))) return;

    // a loss that only compares positives with negatives per query or batch does not see the class ratio
    const lossNode = doc.node('model.loss');
    if (lossNode && doc.isStated(lossNode)) {
      const known = lossPieces(doc, lossNode).filter((p) => p.loss);
      if (known.length && known.every((p) => COMPARISON_LOSSES.includes(p.loss!.name))) return;
    }

    const minority = rarePositives ? rate : 1 - rate;
    const cls = rarePositives ? 'positive' : 'negative';
    const classes = rarePositives ? 'positives' : 'negatives';
    const oneIn = minority > 0 ? Math.round(1 / minority).toLocaleString('en-US') : undefined;
    const perBatch = round(BATCH * minority, 2);
    const rateNode = doc.node('data.labels.positive_rate')!;
    const thresholdName = v1 ? '`imbalance_threshold`' : '`rare_positive_threshold`';

    const use = doc.enumOf('framing.output_use');
    const probabilityLike = use === 'probability' || use === 'threshold' || doc.archetype() === 'ad-click-prediction';
    const suggestions: Fix[] = [];
    const handling = (items: string[], title: string, extra?: Fix['edits']) => {
      const edit = fillField(doc, ['data', 'imbalance'], 'handling', items);
      if (edit) suggestions.push({ title, edits: defined([edit, ...(extra ?? [])]), safe: false });
    };
    if (probabilityLike) {
      if (use === 'threshold') {
        // the operating point is then set on true-mix validation data, so the distortion does not move it
        handling(
          ['negative-downsampling', 'threshold-tuning'],
          'Add `handling: [negative-downsampling, threshold-tuning]` (tune the threshold on true-mix data)',
        );
      } else {
        const calibration =
          doc.sectionPresent('model') && !doc.stated('model.calibration')
            ? fillField(
                doc,
                ['model'],
                'calibration',
                'recalibrate q = p / (p + (1 − p) / w) after negative downsampling with keep rate w',
              )
            : undefined;
        handling(
          ['negative-downsampling'],
          'Add `handling: [negative-downsampling]` and recalibrate in `model.calibration`',
          calibration ? [calibration] : undefined,
        );
      }
      handling(['none'], 'Add `handling: [none]` (train on the true mix)');
    } else {
      handling(['class-weights'], 'Add `handling: [class-weights]`');
      handling(['focal-loss'], 'Add `handling: [focal-loss]`');
    }

    const figure = rarePositives ? `with positives at ${pct(rate)}` : `with negatives at ${pct(minority)}`;
    const withOneIn = oneIn ? `${figure} (1 in ${oneIn})` : figure;
    const long = `${withOneIn}, below the ${pct(t)} threshold`;
    const because =
      `\`data.imbalance.handling\` is missing, ${long}`.length <= 100 ? long : `${figure}, below ${pct(t)}`;
    reportMissing(ctx, {
      path: 'data.imbalance.handling',
      because,
      explanation:
        `\`positive_rate\` is ${pct(rate)}` +
        (rarePositives ? '' : `, so negatives are the rare class (${pct(minority)})`) +
        (oneIn ? ` (1 ${cls} in ${oneIn} examples)` : '') +
        `, below the ${pct(t)} threshold (${thresholdName}), and \`data.imbalance.handling\` is missing. ` +
        `A batch of ${BATCH.toLocaleString('en-US')} examples holds ${perBatch} ${classes} on average, so the loss is dominated by easy ${rarePositives ? 'negatives' : 'positives'}, ` +
        'and a 0.5 threshold on such scores flags almost nothing. State the handling: `negative-downsampling` ' +
        '(keep a share w of negatives, then recalibrate in `model.calibration`: q = p / (p + (1 − p) / w)), ' +
        '`class-weights` or `focal-loss` (both change the scale of the scores, so recalibrate when they are read as ' +
        'probabilities or thresholds), or `none` if training on the true mix is deliberate (log loss then estimates the true rate).',
      suggestions,
      related: [{ ...doc.valueSpan(rateNode), message: `positive rate ${pct(rate)}` }],
    });
  },
};
