import { replaceScalar } from '../engine/edits';
import type { MlsdDoc } from '../engine/model';
import { formatCount } from '../engine/values';
import { EXPERIMENT as X, experimentPlan, type ExperimentPlan, pct } from './support';
import type { Fix, Related, Rule } from './types';

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

const num = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 10) / 10));

/** "Over 14 days, 1M eligible users/day are about 1.71M distinct users (…)": how U was reached. */
function reachText(e: ExperimentPlan, units: string): string {
  const over =
    e.L > 0
      ? `Only units exposed at least ${num(e.L)} days (the \`${e.delayName}\` delay) before the readout count, so ${num(e.readable)} of ${num(e.D)} days`
      : `Over ${num(e.D)} days`;
  if (e.model === 'eligible_units')
    return `${over}, ${formatCount(e.total!)} eligible ${units} in all (\`eligible_units\`) give about ${formatCount(e.U)} distinct ${units}`;
  if (e.model === 'dau-mau')
    return `${over}, ${formatCount(e.E!)} eligible ${units}/day are about ${formatCount(e.U)} distinct ${units} (DAU/MAU ${num(Math.round(e.dauMau! * 100) / 100)}: distinct ${units} grow as days^${e.beta!.toFixed(3)}, not ${num(e.readable)}×)`;
  const bound = e.upperBound
    ? ` at most (returning ${units} are counted once per day; state \`eligible_units\` or \`requirements.scale.mau\` for the distinct count)`
    : '';
  return `${over}, ${formatCount(e.E!)} eligible ${units}/day are ${formatCount(e.U)} ${units}${bound}`;
}

export const mlsd510: Rule = {
  meta: {
    id: 'MLSD510',
    alias: 'ab-test-underpowered',
    title: 'A/B test too small to detect the effect',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    options: ['min_experiment_days'],
    description:
      'experiment type `ab` (or type missing), all needed fields stated, and n = 16·p(1−p)/(p·mde)² per arm exceeds the distinct units reachable per arm over the days that can be read out (primary metric `delay` subtracted; `eligible_units` or DAU/MAU for persistent units); message shows n, the reachable units and the days needed in whole weeks',
  },
  check({ doc, report, options }) {
    // domain.md F13 as revised in v1.1 (rules.md "MLSD510")
    const e = experimentPlan(doc, options.min_experiment_days);
    if (!e?.underpowered) return;
    const unitWord = e.unit;
    const units = unitWord && unitWord !== 'switchback' ? `${unitWord}s` : 'units';
    const atLeast = e.upperBound ? 'at least ' : '';
    const n = formatCount(e.n);
    const headline =
      e.daysNeeded !== undefined
        ? `Underpowered A/B test: it needs ${atLeast}${e.daysNeeded} days, not ${num(e.D)}, for ${n} ${units} per arm`
        : `Underpowered A/B test: ${n} ${units} per arm are not reachable within a year at ${pct(e.f)} traffic`;
    const trafficTo = e.trafficNeeded <= 1 ? Math.min(1, ceil2(e.trafficNeeded)) : undefined;
    const mdeTo = e.mdeFeasible < 1 ? ceil2(e.mdeFeasible) : undefined;
    const ways = [
      e.daysNeeded !== undefined ? `run ${atLeast}${e.daysNeeded} days (whole weeks)` : undefined,
      trafficTo !== undefined ? `raise \`traffic_fraction\` to ${pct(trafficTo)}` : undefined,
      mdeTo !== undefined ? `accept \`mde_relative: ${pct(mdeTo)}\`` : undefined,
      'reduce variance (CUPED with a pre-period covariate)',
    ].filter(Boolean);
    const noYear = e.daysNeeded === undefined ? ` The effect is not detectable within a year at this traffic.` : '';
    const explanation = `Detecting a ${pct(e.mde)} relative change on a ${pct(e.p)} baseline needs n ≈ 16·p(1−p)/(p·mde)² ≈ ${n} ${units} per arm. ${reachText(e, units)}, so ${pct(e.f)} traffic gives ${formatCount(e.perArm)} per arm.${noYear} An underpowered test misses real effects and overstates the ones it finds: ${ways.join(', or ')}.`;

    const durNode = doc.node(`${X}.duration_days`)!;
    const related: Related[] = [];
    for (const [key, what] of [
      ['traffic_fraction', 'traffic fraction'],
      ['mde_relative', 'minimum detectable effect'],
      ['eligible_units_per_day', 'eligible units per day'],
      ['eligible_units', 'distinct eligible units'],
    ] as const) {
      const nn = doc.node(`${X}.${key}`);
      if (nn && doc.stated(`${X}.${key}`)) related.push({ ...doc.valueSpan(nn), message: what });
    }
    const suggestions = [
      e.daysNeeded !== undefined
        ? setSuggestion(doc, 'duration_days', String(e.daysNeeded), `Run the test for ${e.daysNeeded} days`)
        : undefined,
      trafficTo !== undefined
        ? setSuggestion(
            doc,
            'traffic_fraction',
            rateText(doc, 'traffic_fraction', trafficTo),
            `Raise \`traffic_fraction\` to ${pct(trafficTo)}`,
          )
        : undefined,
      mdeTo !== undefined
        ? setSuggestion(
            doc,
            'mde_relative',
            rateText(doc, 'mde_relative', mdeTo),
            `Accept a minimum detectable effect of ${pct(mdeTo)}`,
          )
        : undefined,
    ].filter((f): f is Fix => !!f);
    report({ ...doc.valueSpan(durNode), message: headline, explanation, related, suggestions });
  },
};
