import type { MlsdDoc } from './model';
import { child, type MNode } from './parse';
import { abSampleSizePerArm } from './figures';

/**
 * The v1.1 experiment model (rules.md "MLSD510", domain.md F13): distinct units reached over the days
 * whose outcomes can be read out, for persistent units growing as days^β from DAU/MAU.
 */

export const EXPERIMENT = 'evaluation.online.experiment';
const DAY_MS = 86_400_000;

/** rules.md Interpretation: *persistent units*. */
export const PERSISTENT_UNITS: readonly string[] = ['user', 'device', 'item', 'store', 'geo', 'cluster'];

/** The online metric that `evaluation.online.primary` names and its `delay` in days, when stated. */
export function primaryMetricDelay(
  doc: MlsdDoc,
): { name: string; days: number; node: MNode; delayNode: MNode } | undefined {
  const primary = doc.str('evaluation.online.primary');
  if (!primary) return undefined;
  const want = primary.trim().toLowerCase();
  for (const item of doc.entries('evaluation.online.metrics')) {
    const name = child(item, 'name');
    const delay = child(item, 'delay');
    const written = doc.textOf(name)?.trim();
    if (!written || written.toLowerCase() !== want || !delay) continue;
    const ms = doc.durationOf(delay);
    if (ms === undefined || !(ms >= 0)) return undefined;
    return { name: written, days: ms / DAY_MS, node: item, delayNode: delay };
  }
  return undefined;
}

export type ReachModel = 'eligible_units' | 'dau-mau' | 'linear';

export interface ExperimentPlan {
  p: number;
  mde: number;
  /** sample size per arm */
  n: number;
  f: number;
  /** duration_days */
  D: number;
  /** eligible_units_per_day (undefined with eligible_units only) */
  E?: number;
  /** eligible_units */
  total?: number;
  /** primary metric delay, days (0 when none) */
  L: number;
  delayName?: string;
  /** D − L */
  readable: number;
  model: ReachModel;
  /** β of the DAU/MAU model */
  beta?: number;
  dauMau?: number;
  /** the linear figure for a persistent or unstated unit: an upper bound */
  upperBound: boolean;
  unit?: string;
  /** distinct units reached over the readable days */
  U: number;
  perArm: number;
  underpowered: boolean;
  /** smallest whole-week duration (≥ min days) that reaches n; undefined when none within 364 days */
  daysNeeded?: number;
  trafficNeeded: number;
  mdeFeasible: number;
}

/**
 * The plan of an A/B test (type `ab` or missing) with p, mde, f, D and one of E, U_total stated; undefined
 * otherwise or when D − L ≤ 0 (MLSD515's case).
 */
export function experimentPlan(doc: MlsdDoc, minDays: number): ExperimentPlan | undefined {
  const X = EXPERIMENT;
  if (doc.stated(`${X}.type`) && doc.enumOf(`${X}.type`) !== 'ab') return undefined;
  const p = doc.rate(`${X}.baseline_rate`);
  const mde = doc.rate(`${X}.mde_relative`);
  const f = doc.rate(`${X}.traffic_fraction`);
  const D = doc.number(`${X}.duration_days`);
  if (p === undefined || mde === undefined || f === undefined || D === undefined) return undefined;
  if (!(p > 0 && p < 1 && mde > 0 && f > 0 && D > 0)) return undefined;
  const eQ = doc.quantity(`${X}.eligible_units_per_day`)?.value;
  const tQ = doc.quantity(`${X}.eligible_units`)?.value;
  const E = eQ !== undefined && eQ > 0 ? eQ : undefined;
  const total = tQ !== undefined && tQ > 0 ? tQ : undefined;
  if (E === undefined && total === undefined) return undefined;
  const delay = primaryMetricDelay(doc);
  const L = delay?.days ?? 0;
  const readable = D - L;
  if (!(readable > 0)) return undefined;
  const unit = doc.enumOf(`${X}.unit`);
  const persistent = unit === undefined || PERSISTENT_UNITS.includes(unit);
  const dau = doc.quantity('requirements.scale.dau')?.value;
  const mau = doc.quantity('requirements.scale.mau')?.value;
  let model: ReachModel = 'linear';
  let beta: number | undefined;
  if (total !== undefined) model = 'eligible_units';
  else if (unit !== undefined && persistent && dau !== undefined && mau !== undefined && mau > dau && dau > 0) {
    model = 'dau-mau';
    beta = Math.min(1, Math.log(mau / dau) / Math.log(30));
  }
  const reach = (r: number, dur: number): number => {
    if (model === 'eligible_units') return (total! * r) / dur;
    if (model === 'dau-mau') return E! * r ** beta!;
    return E! * r;
  };
  const U = reach(readable, D);
  const n = abSampleSizePerArm(p, mde);
  const perArm = (U * f) / 2;
  let daysNeeded: number | undefined;
  const start = Math.max(7, Math.ceil(minDays / 7) * 7);
  for (let d = start; d <= 364; d += 7) {
    const r = d - L;
    if (r > 0 && (reach(r, model === 'eligible_units' ? D : d) * f) / 2 >= n) {
      daysNeeded = d;
      break;
    }
  }
  return {
    p,
    mde,
    n,
    f,
    D,
    E,
    total,
    L,
    delayName: delay?.name,
    readable,
    model,
    beta,
    dauMau: model === 'dau-mau' ? dau! / mau! : undefined,
    upperBound: model === 'linear' && persistent,
    unit,
    U,
    perArm,
    underpowered: n > perArm,
    daysNeeded,
    trafficNeeded: (2 * n) / U,
    mdeFeasible: Math.sqrt((16 * (1 - p)) / (p * perArm)),
  };
}
