/**
 * The explicit rule registry, in id order. Adding a rule = a file here, a line below, a docs page
 * `docs/rules/<ID>.md` and fixtures `test/fixtures/rules/<ID>/` (a test enforces all four).
 */
import { mlsd001 } from './MLSD001-yaml-syntax';
import { mlsd002 } from './MLSD002-unknown-key';
import { mlsd003 } from './MLSD003-invalid-value';
import { mlsd004 } from './MLSD004-unresolved-reference';
import { mlsd005 } from './MLSD005-duplicate-id';
import { mlsd006 } from './MLSD006-missing-section';
import { mlsd007 } from './MLSD007-placeholder-value';
import { mlsd008 } from './MLSD008-format-version';
import { mlsd009 } from './MLSD009-unused-suppression';
import { mlsd010 } from './MLSD010-section-order';
import { mlsd011 } from './MLSD011-comma-split-value';
import { mlsd012 } from './MLSD012-invalid-descriptive-value';
import { mlsd101 } from './MLSD101-missing-business-objective';
import { mlsd102 } from './MLSD102-missing-latency-constraint';
import { mlsd103 } from './MLSD103-missing-scale';
import { mlsd104 } from './MLSD104-missing-data-availability';
import { mlsd105 } from './MLSD105-qps-inconsistent-with-dau';
import { mlsd106 } from './MLSD106-latency-percentile-unspecified';
import { mlsd107 } from './MLSD107-missing-out-of-scope';
import { mlsd150 } from './MLSD150-missing-ttft-budget';
import { mlsd151 } from './MLSD151-streaming-latency-inconsistent';
import { mlsd152 } from './MLSD152-missing-cost-budget';
import { mlsd201 } from './MLSD201-missing-ml-objective';
import { mlsd202 } from './MLSD202-missing-task-type';
import { mlsd203 } from './MLSD203-missing-io-spec';
import { mlsd204 } from './MLSD204-missing-output-use';
import { mlsd205 } from './MLSD205-missing-forecast-horizon';
import { mlsd206 } from './MLSD206-missing-decision-policy';
import { mlsd250 } from './MLSD250-archetype-task-type-mismatch';
import { mlsd301 } from './MLSD301-missing-labels';
import { mlsd302 } from './MLSD302-imbalance-unhandled';
import { mlsd303 } from './MLSD303-temporal-leakage';
import { mlsd304 } from './MLSD304-pii-without-privacy-plan';
import { mlsd305 } from './MLSD305-sensitive-feature-without-fairness';
import { mlsd306 } from './MLSD306-label-delay-unstated';
import { mlsd307 } from './MLSD307-missing-split';
import { mlsd308 } from './MLSD308-no-features';
import { mlsd309 } from './MLSD309-immature-labels';
import { mlsd310 } from './MLSD310-label-derived-feature';
import { mlsd311 } from './MLSD311-snapshot-feature-leakage';
import { mlsd312 } from './MLSD312-lag-shorter-than-horizon';
import { mlsd313 } from './MLSD313-selective-labels-unaddressed';
import { mlsd314 } from './MLSD314-retention-shorter-than-training-need';
import { mlsd315 } from './MLSD315-group-split-mixes-time';
import { mlsd350 } from './MLSD350-pii-in-prompts-or-logs';
import { mlsd351 } from './MLSD351-likeness-without-consent';
import { mlsd352 } from './MLSD352-training-data-unfiltered';
import { mlsd401 } from './MLSD401-no-baseline';
import { mlsd402 } from './MLSD402-loss-task-mismatch';
import { mlsd403 } from './MLSD403-cold-start-unaddressed';
import { mlsd404 } from './MLSD404-position-bias-unaddressed';
import { mlsd405 } from './MLSD405-downsampling-without-calibration';
import { mlsd406 } from './MLSD406-single-stage-large-corpus';
import { mlsd407 } from './MLSD407-feedback-loop-unaddressed';
import { mlsd408 } from './MLSD408-no-candidates';
import { mlsd409 } from './MLSD409-point-forecast-for-quantile-decision';
import { mlsd450 } from './MLSD450-context-window-overflow';
import { mlsd451 } from './MLSD451-floating-model-version';
import { mlsd452 } from './MLSD452-decoding-task-mismatch';
import { mlsd501 } from './MLSD501-missing-offline-metric';
import { mlsd502 } from './MLSD502-missing-online-metric';
import { mlsd503 } from './MLSD503-metric-task-mismatch';
import { mlsd504 } from './MLSD504-ranking-metric-missing-k';
import { mlsd505 } from './MLSD505-accuracy-on-imbalanced-data';
import { mlsd506 } from './MLSD506-relevance-metric-mismatch';
import { mlsd507 } from './MLSD507-missing-calibration-metric';
import { mlsd508 } from './MLSD508-no-slice-evaluation';
import { mlsd509 } from './MLSD509-no-guardrail-metric';
import { mlsd510 } from './MLSD510-ab-test-underpowered';
import { mlsd511 } from './MLSD511-unknown-metric';
import { mlsd512 } from './MLSD512-rare-positives-without-precision-metric';
import { mlsd513 } from './MLSD513-mape-with-zero-actuals';
import { mlsd514 } from './MLSD514-eval-on-noisy-labels';
import { mlsd515 } from './MLSD515-primary-metric-unobservable';
import { mlsd516 } from './MLSD516-experiment-shorter-than-a-week';
import { mlsd517 } from './MLSD517-experiment-unit-interference';
import { mlsd550 } from './MLSD550-rag-eval-incomplete';
import { mlsd551 } from './MLSD551-overlap-metrics-only';
import { mlsd552 } from './MLSD552-llm-judge-uncalibrated';
import { mlsd553 } from './MLSD553-media-eval-incomplete';
import { mlsd554 } from './MLSD554-no-safety-evaluation';
import { mlsd601 } from './MLSD601-serving-latency-exceeds-requirement';
import { mlsd602 } from './MLSD602-prediction-mode-unspecified';
import { mlsd603 } from './MLSD603-batch-with-realtime-features';
import { mlsd604 } from './MLSD604-no-rollout-strategy';
import { mlsd605 } from './MLSD605-no-rollback-plan';
import { mlsd606 } from './MLSD606-no-fallback';
import { mlsd607 } from './MLSD607-on-device-without-compression';
import { mlsd608 } from './MLSD608-index-exceeds-memory';
import { mlsd609 } from './MLSD609-mode-mismatch';
import { mlsd610 } from './MLSD610-prediction-refresh-exceeds-freshness';
import { mlsd611 } from './MLSD611-index-refresh-exceeds-freshness';
import { mlsd650 } from './MLSD650-weights-exceed-gpu-memory';
import { mlsd651 } from './MLSD651-kv-cache-exceeds-gpu-memory';
import { mlsd652 } from './MLSD652-gpu-capacity-insufficient';
import { mlsd653 } from './MLSD653-ttft-budget-exceeded';
import { mlsd654 } from './MLSD654-cost-exceeds-budget';
import { mlsd655 } from './MLSD655-no-provider-fallback';
import { mlsd656 } from './MLSD656-safety-guardrails-missing';
import { mlsd657 } from './MLSD657-indirect-injection-unaddressed';
import { mlsd658 } from './MLSD658-retrieval-without-access-control';
import { mlsd659 } from './MLSD659-missing-index-refresh';
import { mlsd701 } from './MLSD701-no-drift-monitoring';
import { mlsd702 } from './MLSD702-no-operational-monitoring';
import { mlsd703 } from './MLSD703-no-retraining-policy';
import { mlsd704 } from './MLSD704-retrain-slower-than-freshness';
import { mlsd705 } from './MLSD705-no-alerts';
import { mlsd706 } from './MLSD706-no-skew-check';
import { mlsd707 } from './MLSD707-manual-retraining-under-adversarial-drift';
import { mlsd750 } from './MLSD750-no-quality-monitoring';
import { mlsd751 } from './MLSD751-no-safety-monitoring';
import { mlsd752 } from './MLSD752-generation-telemetry-gaps';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  mlsd001,
  mlsd002,
  mlsd003,
  mlsd004,
  mlsd005,
  mlsd006,
  mlsd007,
  mlsd008,
  mlsd009,
  mlsd010,
  mlsd011,
  mlsd012,
  mlsd101,
  mlsd102,
  mlsd103,
  mlsd104,
  mlsd105,
  mlsd106,
  mlsd107,
  mlsd150,
  mlsd151,
  mlsd152,
  mlsd201,
  mlsd202,
  mlsd203,
  mlsd204,
  mlsd205,
  mlsd206,
  mlsd250,
  mlsd301,
  mlsd302,
  mlsd303,
  mlsd304,
  mlsd305,
  mlsd306,
  mlsd307,
  mlsd308,
  mlsd309,
  mlsd310,
  mlsd311,
  mlsd312,
  mlsd313,
  mlsd314,
  mlsd315,
  mlsd350,
  mlsd351,
  mlsd352,
  mlsd401,
  mlsd402,
  mlsd403,
  mlsd404,
  mlsd405,
  mlsd406,
  mlsd407,
  mlsd408,
  mlsd409,
  mlsd450,
  mlsd451,
  mlsd452,
  mlsd501,
  mlsd502,
  mlsd503,
  mlsd504,
  mlsd505,
  mlsd506,
  mlsd507,
  mlsd508,
  mlsd509,
  mlsd510,
  mlsd511,
  mlsd512,
  mlsd513,
  mlsd514,
  mlsd515,
  mlsd516,
  mlsd517,
  mlsd550,
  mlsd551,
  mlsd552,
  mlsd553,
  mlsd554,
  mlsd601,
  mlsd602,
  mlsd603,
  mlsd604,
  mlsd605,
  mlsd606,
  mlsd607,
  mlsd608,
  mlsd609,
  mlsd610,
  mlsd611,
  mlsd650,
  mlsd651,
  mlsd652,
  mlsd653,
  mlsd654,
  mlsd655,
  mlsd656,
  mlsd657,
  mlsd658,
  mlsd659,
  mlsd701,
  mlsd702,
  mlsd703,
  mlsd704,
  mlsd705,
  mlsd706,
  mlsd707,
  mlsd750,
  mlsd751,
  mlsd752,
];

const byName = new Map<string, Rule>();
for (const r of RULES) {
  for (const n of [r.meta.id, r.meta.alias, ...(r.meta.formerAliases ?? [])]) {
    const k = n.toLowerCase();
    if (byName.has(k)) throw new Error(`duplicate rule name ${n}`);
    byName.set(k, r);
  }
}

/** Finds a rule by id, alias or former alias, case-insensitive. */
export function ruleByName(name: string): Rule | undefined {
  return byName.get(name.trim().toLowerCase());
}
export function ruleById(id: string): Rule | undefined {
  return ruleByName(id);
}
