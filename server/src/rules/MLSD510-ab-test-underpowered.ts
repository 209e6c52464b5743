import { formatCount } from '../engine/values';
import type { Related, Rule } from './types';
import { pct } from './MLSD5xx-evaluation-shared';

const X = 'evaluation.online.experiment';

export const mlsd510: Rule = {
  meta: {
    id: 'MLSD510',
    alias: 'ab-test-underpowered',
    title: 'A/B test too small to detect the effect',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'experiment type `ab` (or type missing), all other experiment fields stated, and n = 16·p(1−p)/(p·mde)² per arm exceeds eligible_units_per_day × duration_days × traffic_fraction / 2; message shows n and the days needed',
  },
  check({ doc, report }) {
    if (doc.stated(`${X}.type`) && doc.enumOf(`${X}.type`) !== 'ab') return;
    const p = doc.rate(`${X}.baseline_rate`);
    const mde = doc.rate(`${X}.mde_relative`);
    const days = doc.number(`${X}.duration_days`);
    const eligible = doc.quantity(`${X}.eligible_units_per_day`)?.value;
    const traffic = doc.rate(`${X}.traffic_fraction`);
    if (p === undefined || mde === undefined || days === undefined || eligible === undefined || traffic === undefined) return;
    if (!(p > 0 && p < 1 && mde > 0 && days > 0 && eligible > 0 && traffic > 0)) return;

    // domain.md F13: n ≈ 16·p(1−p)/Δ² per arm (80% power, α = 0.05), Δ = p × relative MDE
    const delta = p * mde;
    const n = (16 * p * (1 - p)) / (delta * delta);
    const perDayPerArm = (eligible * traffic) / 2;
    const capacity = perDayPerArm * days;
    if (!(n > capacity)) return;

    const daysNeeded = Math.ceil((2 * n) / (eligible * traffic));
    const trafficNeeded = (2 * n) / (eligible * days);
    const mdeFeasible = Math.sqrt((16 * (1 - p)) / (p * capacity));
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
    for (const [key, what] of [['traffic_fraction', 'traffic fraction'], ['mde_relative', 'minimum detectable effect'], ['eligible_units_per_day', 'eligible units per day']] as const) {
      const nn = doc.node(`${X}.${key}`);
      if (nn) related.push({ ...doc.valueSpan(nn), message: what });
    }
    report({
      ...doc.valueSpan(durNode),
      message: `Underpowered A/B test: detecting a ${pct(mde)} relative change on a ${pct(p)} baseline needs n ≈ 16·p(1−p)/(p·mde)² ≈ ${formatCount(n)} ${units} per arm; at ${formatCount(eligible)} eligible/day × ${pct(traffic)} traffic you get ${formatCount(perDayPerArm)} per arm per day and need ${daysNeeded} days, not ${daysText}. An underpowered test misses real effects and overstates the ones it finds: ${ways.join(', or ')}.`,
      related,
      data: { n, perArmCapacity: capacity, perArmPerDay: perDayPerArm, daysNeeded, durationDays: days, trafficNeeded, mdeFeasible },
    });
  },
};
