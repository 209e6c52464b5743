import { fillField } from '../engine/edits';
import { labelsOnTheirOwn } from '../engine/facts';
import { formatDuration as dur, formatPercent as pct, round } from '../engine/values';
import { fitHeadline } from './support';
import type { Fix, Related, Rule } from './types';

export const mlsd309: Rule = {
  meta: {
    id: 'MLSD309',
    alias: 'immature-labels',
    title: 'Training uses examples whose labels have not arrived yet',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'Labels arrive on their own with a stated `data.labels.delay` d not covered by `maturity` m or `delay_handling`, and the unmatured share min(1, (d − m) / `data.training_window`) is at least `immature_label_share`, or (no window stated) d − m exceeds `monitoring.retraining.cadence`.',
    options: ['immature_label_share'],
  },
  check({ doc, options, report }) {
    const labels = labelsOnTheirOwn(doc);
    if (!labels) return;
    const dNode = doc.node('data.labels.delay');
    const d = doc.durationOf(dNode);
    if (!dNode || d === undefined || !(d > 0)) return;
    if (doc.stated('data.labels.delay_handling')) return;
    const mNode = doc.node('data.labels.maturity');
    // a stated maturity that does not parse is unknown: do not guess
    if (mNode && doc.isStated(mNode) && doc.durationOf(mNode) === undefined) return;
    const m = doc.durationOf(mNode) ?? 0;
    if (m >= d) return;
    const gap = d - m;

    const related: Related[] = [];
    const wNode = doc.node('data.training_window');
    const W = doc.durationOf(wNode);
    const cNode = doc.node('monitoring.retraining.cadence');
    const c = doc.durationOf(cNode);
    const mStated = mNode && doc.isStated(mNode);
    const wait = mStated ? ` after \`maturity: ${dur(m)}\`` : '';
    const matured = `maturity: ${dur(d)}`;
    let message: string;
    let explanation: string;
    const fixes =
      'Examples whose positive has not arrived yet are trained as negatives, so the newest patterns look safe and scores run low.';

    if (W !== undefined && wNode && W > 0) {
      const share = Math.min(1, gap / W);
      if (share < options.immature_label_share) return;
      related.push({ ...doc.valueSpan(wNode), message: `training window ${dur(W)}` });
      const formula = mStated ? `min(1, (${dur(d)} − ${dur(m)}) / ${dur(W)})` : `min(1, ${dur(d)} / ${dur(W)})`;
      message = fitHeadline([
        `Labels arrive up to ${dur(d)} late, yet ${pct(round(share, 3))} of the ${dur(W)} training window is younger than that`,
        `${pct(round(share, 3))} of the ${dur(W)} training window is younger than the ${dur(d)} label delay`,
        `${pct(round(share, 3))} of the training window is younger than the label delay`,
      ]);
      explanation =
        `Labels arrive up to ${dur(d)} after the event, but each training run uses the last ${dur(W)}` +
        (mStated ? ` and waits only ${dur(m)} for them` : ' with no wait for them') +
        `: ${pct(round(share, 3))} of the training window (${formula}) is younger than the label delay${wait}. ${fixes} ` +
        `Train on matured examples (\`${matured}\`: the window becomes t − ${dur(W + d)} … t − ${dur(d)}), ` +
        'lengthen `training_window` so unmatured rows are a small share, or correct for delayed feedback and say how in `delay_handling`.';
    } else if (!doc.stated('data.training_window') && c !== undefined && cNode && gap > c) {
      // (b) reads "no window stated": a window that is stated but invalid is unknown (MLSD003), not absent
      related.push({ ...doc.valueSpan(cNode), message: `retrains every ${dur(c)}` });
      message = fitHeadline([
        `Labels arrive up to ${dur(d)} late, but the model retrains every ${dur(c)} with no maturity wait`,
        `Labels arrive up to ${dur(d)} late, but the model retrains every ${dur(c)}`,
      ]);
      explanation =
        `Labels arrive up to ${dur(d)} after the event, but the model retrains every ${dur(c)} with no \`training_window\`` +
        (mStated ? ` and a maturity of only ${dur(m)}` : ' or `maturity` stated') +
        ': every retrain adds examples whose labels are not in yet, and they enter as negatives. ' +
        `State \`maturity\` (wait ${dur(d)} before an example counts as negative) or \`delay_handling\` ` +
        '(e.g. fake-negative correction), and `training_window`.';
    } else return;

    if (mStated) related.push({ ...doc.valueSpan(mNode!), message: `maturity ${dur(m)}` });
    const edit = fillField(doc, ['data', 'labels'], 'maturity', dur(d));
    const suggestions: Fix[] = edit
      ? [{ title: `Add \`${matured}\` under \`data.labels\` (train on matured examples)`, edits: [edit], safe: false }]
      : [];
    report({
      ...doc.valueSpan(dNode),
      message,
      explanation,
      suggestions: suggestions.length ? suggestions : undefined,
      related,
    });
  },
};
