import { type Distortion, probabilityDistortions, trueMixOperatingPoint } from '../engine/facts';
import { recalibrate } from '../engine/figures';
import { fillField } from '../engine/edits';
import { formatPercent, round } from '../engine/values';
import { code, defined, fitHeadline, listSuggestion } from './support';
import type { Fix, Related, Rule } from './types';

/** The correction for one distortion: the figure for a raw score of 0.5, and the calibration to write. */
interface Correction {
  /** short, for the headline: "negatives kept at w = 2%" */
  short: string;
  /** what a raw 0.5 means, when it can be computed */
  q?: number;
  /** one or two sentences: the distortion and its correction, with the doc's figures */
  text: string;
  /** the `model.calibration` value the suggestion writes */
  calibration: string;
}

const fig = (x: number) => String(round(x, 3));

function correction(d: Distortion, pi: number | undefined): Correction {
  const trueMix = 'ECE checked on data with the true class mix';
  if (d.kind === 'negative-sampling-rate' && d.w !== undefined && d.w > 0) {
    const q = recalibrate(0.5, d.w);
    return {
      short: `negatives kept at w = ${formatPercent(d.w)}`,
      q,
      text: `Negatives are kept at w = ${formatPercent(d.w)} (\`negative_sampling_rate\`), so a raw score of 0.5 means a true probability of q = p / (p + (1 − p) / w) = ${fig(q)}.`,
      calibration: `q = p / (p + (1 − p) / ${round(d.w, 6)}) on the raw score; ${trueMix}`,
    };
  }
  if (d.kind === 'negative-sampling-rate')
    return {
      short: 'training keeps no negatives',
      text: '`negative_sampling_rate: 0` keeps no negatives at all, so the raw scores say nothing about the true probability.',
      calibration: `Platt scaling or isotonic regression fitted on data with the true class mix; ${trueMix}`,
    };
  if (d.kind === 'negative-downsampling' || d.kind === 'undersampling')
    return {
      short: `\`${d.kind}\` inflates the scores`,
      text: `\`data.imbalance.handling\` includes \`${d.kind}\`: with a share w of the negatives kept, a raw score p means a true probability of q = p / (p + (1 − p) / w) (w = 2% turns a raw 0.5 into 0.0196); state w as \`model.training.negative_sampling_rate\`.`,
      calibration: `q = p / (p + (1 − p) / w) on the raw score, w = the share of negatives kept; ${trueMix}`,
    };
  // class weights, class-balanced loss, oversampling: read as balanced (c = (1 − π) / π)
  const how =
    d.kind === 'oversampling'
      ? 'positives oversampled to balance the classes'
      : d.kind === 'class-balanced-loss'
        ? 'a class-balanced loss'
        : 'balanced class weights';
  if (pi !== undefined && pi > 0 && pi < 1) {
    const c = (1 - pi) / pi;
    const q = 0.5 / (0.5 + c * 0.5);
    return {
      short: `${d.kind === 'oversampling' ? 'oversampled positives' : how} (π = ${formatPercent(pi)})`,
      q,
      text: `With ${how} at a ${formatPercent(pi)} positive rate (\`data.imbalance.handling\`: \`${d.kind}\`), c = (1 − π) / π = ${round(c, 4)}, so a raw score of 0.5 means about ${formatPercent(q)}: q = p / (p + c(1 − p)).`,
      calibration: `q = p / (p + ${round(c, 4)}·(1 − p)) on the raw score (balanced weights at π = ${formatPercent(pi)}); ${trueMix}`,
    };
  }
  return {
    short: `\`${d.kind}\` inflates the scores`,
    text: `\`data.imbalance.handling\` includes \`${d.kind}\`: with ${how} and a positive rate π, a raw score p means q = p / (p + c(1 − p)) with c = (1 − π) / π (at π = 1%, a raw 0.5 means about 1%); state \`data.labels.positive_rate\`.`,
    calibration: `q = p / (p + c·(1 − p)) on the raw score, c = (1 − π) / π; ${trueMix}`,
  };
}

export const mlsd405: Rule = {
  meta: {
    id: 'MLSD405',
    alias: 'downsampling-without-calibration',
    title: 'Probability-distorting training without recalibration',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'Probability-distorting training (`negative_sampling_rate` < 1, or `data.imbalance.handling` with negative-downsampling, undersampling, oversampling, class-weights or class-balanced-loss), `framing.output_use` is `probability` or `threshold` (or the archetype is ad-click-prediction), and `model.calibration` is missing; a threshold chosen on true-mix data (`threshold-tuning`, or an operating-point metric with a `target`) exempts a threshold output.',
  },
  check({ doc, report }) {
    if (doc.stated('model.calibration')) return;
    const distortions = probabilityDistortions(doc);
    if (!distortions.length) return;

    // the output is read as a probability or thresholded
    const useNode = doc.node('framing.output_use');
    const use = doc.enumOf('framing.output_use');
    const archNode = doc.node('archetype');
    let kind: 'probability' | 'threshold';
    let at = useNode;
    let consumer: string;
    if (use === 'probability' || use === 'threshold') {
      kind = use;
      consumer = `\`output_use: ${use}\``;
    } else if (!doc.stated('framing.output_use') && doc.archetype() === 'ad-click-prediction') {
      // reading chosen: the archetype stands for `probability` when output_use is not stated
      kind = 'probability';
      at = archNode;
      consumer = 'the archetype ad-click-prediction (pCTR × bid decides the auction)';
    } else return;
    if (!at) return;
    if (kind === 'threshold' && trueMixOperatingPoint(doc)) return;

    const pi = doc.rate('data.labels.positive_rate');
    const d = distortions[0];
    const c = correction(d, pi);
    const related: Related[] = distortions.map((x) => ({
      ...doc.valueSpan(x.node),
      message:
        x.kind === 'negative-sampling-rate'
          ? `negatives kept: ${x.w !== undefined ? formatPercent(x.w) : String(x.node.value)}`
          : `${x.kind} distorts the predicted probabilities`,
    }));

    const figure = c.q !== undefined ? `: a raw 0.5 means ≈ ${fig(c.q)}` : '';
    const tail = kind === 'probability' ? ', and no calibration is stated' : ', and no true-mix threshold';
    const noun = kind === 'probability' ? 'Probability output' : 'Thresholded output';
    const message = fitHeadline([
      `${noun} trained with ${c.short}${figure}${tail}`,
      `${noun} trained with ${c.short}${figure}`,
      `${noun} from probability-distorting training${figure}`,
    ]);
    const why =
      kind === 'probability'
        ? `The output is read as a probability (${consumer}): downstream consumers (auctions, expected value, log loss) read inflated numbers. Recalibrate (the formula above, or Platt scaling or isotonic regression on data with the true class mix) and say how in \`model.calibration\`.`
        : `The output is thresholded (${consumer}): a threshold tuned on resampled or reweighted validation data does not hold on live traffic, where the class mix is the true one. Choose it on data with the true class mix (\`threshold-tuning\` in \`data.imbalance.handling\`, or an operating-point metric with a \`target\` such as \`{name: recall@fpr=0.01, target: ">= 0.8"}\`), or recalibrate first and say how in \`model.calibration\`. A \`decision_policy\` alone is not enough: its cutoffs may be raw scores of the distorted model.`;

    const calibrate = fillField(doc, ['model'], 'calibration', c.calibration);
    const calibrateFix: Fix | undefined = calibrate
      ? { title: 'Add the recalibration to `model.calibration`', edits: [calibrate], safe: false }
      : undefined;
    const suggestions: Fix[] =
      kind === 'threshold'
        ? defined([
            listSuggestion(
              doc,
              'data.imbalance.handling',
              ['threshold-tuning'],
              `Choose the threshold on true-mix data: add ${code('threshold-tuning')} to \`data.imbalance.handling\``,
            ),
            calibrateFix,
          ])
        : defined([calibrateFix]);
    report({
      ...doc.valueSpan(at),
      message,
      explanation: `${c.text} ${why}`,
      related,
      suggestions: suggestions.length ? suggestions : undefined,
    });
  },
};
