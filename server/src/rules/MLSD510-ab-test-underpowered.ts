import { experimentFigures } from '../engine/figures';
import { replaceScalar } from '../engine/edits';
import type { MlsdDoc } from '../engine/model';
import { formatCount } from '../engine/values';
import { pct } from './support';
import type { Fix, Related, Rule } from './types';

const X = 'evaluation.online.experiment';

/** `x` rounded up to two significant digits (a value that is still enough). */
function ceil2(x: number): number {
  const p = 10 ** (Math.floor(Math.log10(x)) - 1);
  const c = Number((Math.ceil(x / p) * p).toPrecision(2));
  return c >= x ? c : Number((c + p).toPrecision(2));
}

/** A rate written like the doc wrote it: `37%` when the old value had a percent sign, else `0.37`. */
function rateText(doc: MlsdDoc, key: string, r: number): string {
  const n = doc.node(`${X}.${key}`);
  const old = n ? doc.text.slice(n.start, n.end) : '';
  return old.includes('%') ? `${Number((r * 100).toPrecision(6))}%` : String(r);
}

/** "Set `key: value`" on a stated experiment field (never safe: the author chooses the trade-off). */
function setSuggestion(doc: MlsdDoc, key: string, value: string, title: string): Fix | undefined {
  const n = doc.node(`${X}.${key}`);
  const edit = n ? replaceScalar(n, value) : undefined;
  return edit ? { title, edits: [edit], safe: false } : undefined;
}

export const mlsd510: Rule = {
  meta: {
    id: 'MLSD510',
    alias: 'ab-test-underpowered',
    title: 'A/B test too small to detect the effect',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'experiment type `ab` (or type missing), all other experiment fields stated, and n = 16·p(1−p)/(p·mde)² per arm exceeds eligible_units_per_day × duration_days × traffic_fraction / 2; message shows n and the days needed',
  },
  check({ doc, report }) {
    // domain.md F13, computed in engine/figures
    const f = experimentFigures(doc);
    if (!f || f.capacity === undefined || !f.underpowered) return;
    const { baselineRate: p, mdeRelative: mde, n, capacity } = f;
    const eligible = f.eligiblePerDay!;
    const traffic = f.trafficFraction!;
    const days = f.durationDays!;
    const perDayPerArm = f.perArmPerDay!;
    const daysNeeded = f.daysNeeded!;
    const trafficNeeded = f.trafficNeeded!;
    const mdeFeasible = f.mdeFeasible!;
    const unitWord = doc.enumOf(`${X}.unit`);
    const units = unitWord ? `${unitWord}s` : 'units';
    const daysText = Number.isInteger(days) ? String(days) : String(Math.round(days * 10) / 10);
    const ways = [
      trafficNeeded <= 1 ? `raise \`traffic_fraction\` to ${pct(Math.min(1, trafficNeeded))}` : undefined,
      `run ${daysNeeded} days`,
      mdeFeasible < 1 ? `accept \`mde_relative: ${pct(mdeFeasible)}\`` : undefined,
    ].filter(Boolean);

    const durNode = doc.node(`${X}.duration_days`)!;
    const related: Related[] = [];
    for (const [key, what] of [
      ['traffic_fraction', 'traffic fraction'],
      ['mde_relative', 'minimum detectable effect'],
      ['eligible_units_per_day', 'eligible units per day'],
    ] as const) {
      const nn = doc.node(`${X}.${key}`);
      if (nn) related.push({ ...doc.valueSpan(nn), message: what });
    }
    const trafficTo = trafficNeeded <= 1 ? Math.min(1, ceil2(trafficNeeded)) : undefined;
    const mdeTo = mdeFeasible < 1 ? ceil2(mdeFeasible) : undefined;
    const suggestions = [
      setSuggestion(doc, 'duration_days', String(daysNeeded), `Run the test for ${daysNeeded} days`),
      trafficTo !== undefined
        ? setSuggestion(
            doc,
            'traffic_fraction',
            rateText(doc, 'traffic_fraction', trafficTo),
            `Raise \`traffic_fraction\` to ${pct(trafficTo)}`,
          )
        : undefined,
      mdeTo !== undefined && mdeTo < 1
        ? setSuggestion(
            doc,
            'mde_relative',
            rateText(doc, 'mde_relative', mdeTo),
            `Accept a minimum detectable effect of ${pct(mdeTo)}`,
          )
        : undefined,
    ].filter((f): f is Fix => !!f);
    report({
      ...doc.valueSpan(durNode),
      message: `Underpowered A/B test: it needs ${daysNeeded} days, not ${daysText}, for ${formatCount(n)} ${units} per arm`,
      explanation: `Detecting a ${pct(mde)} relative change on a ${pct(p)} baseline needs n ≈ 16·p(1−p)/(p·mde)² ≈ ${formatCount(n)} ${units} per arm; at ${formatCount(eligible)} eligible/day × ${pct(traffic)} traffic you get ${formatCount(perDayPerArm)} per arm per day and need ${daysNeeded} days, not ${daysText}. An underpowered test misses real effects and overstates the ones it finds: ${ways.join(', or ')}.`,
      related,
      suggestions,
    });
  },
};
