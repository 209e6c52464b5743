/**
 * The framework checklist (domain.md §1, genai-domain.md §1) as data: what a good answer states at each
 * of the seven steps, the keys that satisfy each item, and when an item applies. The review scorecard
 * (`engine/scorecard.ts`) counts the applicable items a doc states; the render model lists them.
 *
 * Keys: an item is stated when ANY of its keys is stated (`all: true`: every key). A key with `[]`
 * (`data.features[].transform`) is stated when at least one item of the list states the rest of the path.
 *
 * Applicability is declarative (`when`) and evaluated by the scorecard: an item whose condition does not
 * hold is not expected of the doc, so a good design is never marked down for it.
 */
import type { TaskType } from './tasks';

/** When an item is expected. Every given condition must hold; no `when` = every doc. */
export interface ChecklistCondition {
  /** true: generative docs only; false: classic (predictive) docs only */
  generative?: boolean;
  /** the doc ranks or recommends (ranking task type, or a recommendation archetype) */
  ranks?: boolean;
  /** the doc retrieves documents for a generator (genaiFacts `retrieves`) */
  retrieves?: boolean;
  /** end users see the generated output (genaiFacts `userFacing`) */
  userFacing?: boolean;
  /** the doc trains or tunes weights (genaiFacts `trainsWeights`; classic docs always train) */
  trainsWeights?: boolean;
  /** any of these task types (framing, heads or stages) */
  taskTypes?: readonly TaskType[];
  /** `framing.output_use` is one of these */
  outputUse?: readonly string[];
  /** online serving that reads streaming features, precomputed from an event stream (facts `servingOnline`, `dynamicFeatures`); realtime features are computed from the request and need no store */
  dynamicFeatures?: boolean;
}

export interface ChecklistItem {
  /** stable id: `<step key>.<slug>` */
  id: string;
  /** framework step 1–7 */
  step: number;
  /** what a good answer states, as a reviewer says it */
  title: string;
  /** the keys that satisfy the item (any one; `all`: every one) */
  keys: readonly string[];
  all?: boolean;
  when?: ChecklistCondition;
  /** where the item comes from (domain.md §1 step.item, genai-domain.md §1) */
  source: string;
}

const CLASSIFICATION: readonly TaskType[] = [
  'binary-classification',
  'multiclass-classification',
  'multilabel-classification',
  'multitask-classification',
] as TaskType[];

const CLASSIC = { generative: false } as const;
const GEN = { generative: true } as const;

export const CHECKLIST: readonly ChecklistItem[] = [
  // ---------------------------------------------------------------- step 1: requirements
  {
    id: 'requirements.business-objective',
    step: 1,
    title: 'Business objective',
    keys: ['requirements.business_objective'],
    source: 'domain §1 1.1',
  },
  {
    id: 'requirements.interactions',
    step: 1,
    title: 'User interactions that can become labels',
    keys: ['requirements.interactions'],
    when: { ...CLASSIC, ranks: true },
    source: 'domain §1 1.2',
  },
  {
    id: 'requirements.data',
    step: 1,
    title: 'Available data: size, labelled or not',
    keys: ['requirements.data', 'data.sources[].volume'],
    when: CLASSIC,
    source: 'domain §1 1.3',
  },
  {
    id: 'requirements.constraints',
    step: 1,
    title: 'Constraints: compute, cloud or device, privacy, fairness',
    keys: ['requirements.constraints'],
    source: 'domain §1 1.4, 1.8',
  },
  {
    id: 'requirements.scale',
    step: 1,
    title: 'Scale: users, items, requests',
    keys: ['requirements.scale'],
    source: 'domain §1 1.5; genai §1.1',
  },
  {
    id: 'requirements.performance',
    step: 1,
    title: 'Latency budget and real-time vs batch',
    keys: ['requirements.performance.latency', 'requirements.performance.mode', 'requirements.performance.ttft'],
    source: 'domain §1 1.6',
  },
  {
    id: 'requirements.out-of-scope',
    step: 1,
    title: 'What is out of scope',
    keys: ['requirements.out_of_scope'],
    source: 'domain §1 1.7',
  },
  {
    id: 'requirements.summary',
    step: 1,
    title: 'A short problem summary',
    keys: ['summary'],
    source: 'domain §1 1.9',
  },
  {
    id: 'requirements.output',
    step: 1,
    title: 'Output modality, length or resolution',
    keys: ['requirements.output'],
    when: GEN,
    source: 'genai §1.1',
  },
  {
    id: 'requirements.token-traffic',
    step: 1,
    title: 'Traffic in tokens or images per request',
    keys: [
      'requirements.scale.input_tokens',
      'requirements.scale.output_tokens',
      'requirements.scale.images_per_request',
      'requirements.performance.output_tokens',
    ],
    when: GEN,
    source: 'genai §1.1',
  },
  {
    id: 'requirements.budget',
    step: 1,
    title: 'A cost budget',
    keys: ['requirements.budget', 'serving.cost'],
    when: GEN,
    source: 'genai §1.1',
  },

  // ---------------------------------------------------------------- step 2: framing
  {
    id: 'framing.ml-objective',
    step: 2,
    title: 'ML objective derived from the business objective',
    keys: ['framing.ml_objective'],
    source: 'domain §1 2.1',
  },
  {
    id: 'framing.alternatives',
    step: 2,
    title: 'Alternative objectives and why they were rejected',
    keys: ['framing.alternatives', 'alternatives'],
    when: CLASSIC,
    source: 'domain §1 2.2',
  },
  {
    id: 'framing.input-output',
    step: 2,
    title: 'System input and output',
    keys: ['framing.input', 'framing.output'],
    all: true,
    source: 'domain §1 2.3',
  },
  {
    id: 'framing.task-type',
    step: 2,
    title: 'ML category (task type)',
    keys: ['framing.task_type', 'framing.heads', 'model.stages[].task_type'],
    source: 'domain §1 2.4',
  },
  {
    id: 'framing.output-use',
    step: 2,
    title: 'What the output is used for',
    keys: ['framing.output_use'],
    when: CLASSIC,
    source: 'domain §1 2.6',
  },
  {
    id: 'framing.decision-policy',
    step: 2,
    title: 'Decision policy and the cost of each error type',
    keys: ['framing.decision_policy', 'framing.error_costs'],
    when: { ...CLASSIC, outputUse: ['threshold', 'action'] },
    source: 'domain §1 Additions, step 2',
  },
  {
    id: 'framing.users-and-prompts',
    step: 2,
    title: 'Who writes the prompt and who sees the output',
    keys: ['framing.user_prompt', 'framing.user_facing'],
    when: GEN,
    source: 'genai §1.2',
  },

  // ---------------------------------------------------------------- step 3: data
  {
    id: 'data.sources',
    step: 3,
    title: 'Data sources and how they are collected',
    keys: ['data.sources'],
    source: 'domain §1 3.1',
  },
  {
    id: 'data.storage',
    step: 3,
    title: 'Where each source is stored',
    keys: ['data.sources[].store'],
    when: CLASSIC,
    source: 'domain §1 3.2',
  },
  {
    id: 'data.labels',
    step: 3,
    title: 'Labels: where they come from, positives and negatives',
    keys: ['data.labels'],
    when: CLASSIC,
    source: 'domain §1 4.3',
  },
  {
    id: 'data.features',
    step: 3,
    title: 'Features and their engineering',
    keys: ['data.features[].transform'],
    when: CLASSIC,
    source: 'domain §1 3.4, 3.5',
  },
  {
    id: 'data.feature-freshness',
    step: 3,
    title: 'Batch vs streaming features',
    keys: ['data.features[].freshness'],
    when: CLASSIC,
    source: 'domain §1 3.5',
  },
  {
    id: 'data.split',
    step: 3,
    title: 'Train / validation / test split',
    keys: ['data.split'],
    when: { trainsWeights: true },
    source: 'domain §1 4.3',
  },
  {
    id: 'data.imbalance',
    step: 3,
    title: 'Class imbalance handling',
    keys: ['data.imbalance', 'model.training.negative_sampling_rate'],
    when: { ...CLASSIC, taskTypes: CLASSIFICATION },
    source: 'domain §1 4.3',
  },
  {
    id: 'data.privacy',
    step: 3,
    title: 'Privacy: sensitivity, anonymization, retention',
    keys: ['data.privacy', 'requirements.constraints.privacy'],
    source: 'domain §1 3.6',
  },
  {
    id: 'data.bias',
    step: 3,
    title: 'Biases in the data and their correction',
    keys: ['data.bias'],
    when: CLASSIC,
    source: 'domain §1 3.7',
  },
  {
    id: 'data.chunking',
    step: 3,
    title: 'Parsing and chunking of the retrieval corpus',
    keys: ['data.chunking'],
    when: { ...GEN, retrieves: true },
    source: 'genai §1.3',
  },
  {
    id: 'data.access',
    step: 3,
    title: 'Who may read and who can write each retrieved source',
    keys: ['data.sources[].access', 'data.sources[].untrusted', 'model.retrieval.access_control'],
    when: { ...GEN, retrieves: true },
    source: 'genai §1.3',
  },
  {
    id: 'data.filtering',
    step: 3,
    title: 'Cleaning and filtering of training data',
    keys: ['data.filtering'],
    when: { ...GEN, trainsWeights: true },
    source: 'genai §1.3',
  },

  // ---------------------------------------------------------------- step 4: model
  {
    id: 'model.baseline',
    step: 4,
    title: 'A baseline first',
    keys: ['model.baseline'],
    source: 'domain §1 4.1',
  },
  {
    id: 'model.candidates',
    step: 4,
    title: 'Candidate models and their trade-offs',
    keys: ['model.candidates[].pros', 'model.candidates[].cons'],
    source: 'domain §1 4.2',
  },
  {
    id: 'model.loss',
    step: 4,
    title: 'Loss function matched to the framing',
    keys: ['model.loss'],
    when: { trainsWeights: true },
    source: 'domain §1 4.4',
  },
  {
    id: 'model.training',
    step: 4,
    title: 'Training: from scratch or fine-tuned, distributed, regularization',
    keys: ['model.training'],
    when: { trainsWeights: true },
    source: 'domain §1 4.5, 4.6',
  },
  {
    id: 'model.stages',
    step: 4,
    title: 'Multi-stage architecture (candidate generation → ranking)',
    keys: ['model.stages'],
    when: { ranks: true },
    source: 'domain §1 4.8',
  },
  {
    id: 'model.cold-start',
    step: 4,
    title: 'Cold-start strategy',
    keys: ['model.cold_start'],
    when: { ...CLASSIC, ranks: true },
    source: 'domain §1 4.8',
  },
  {
    id: 'model.foundation-version',
    step: 4,
    title: 'Foundation model named with a pinned version',
    keys: ['model.candidates[].version', 'model.candidates[].pinned'],
    when: GEN,
    source: 'genai §1.4',
  },
  {
    id: 'model.decoding',
    step: 4,
    title: 'Decoding strategy or sampler',
    keys: ['model.decoding', 'model.stages[].decoding'],
    when: GEN,
    source: 'genai §1.4',
  },
  {
    id: 'model.prompt',
    step: 4,
    title: 'Prompt template, version and limits',
    keys: ['model.prompt'],
    when: { ...GEN, taskTypes: ['text-generation', 'sequence-to-sequence'] as TaskType[] },
    source: 'genai §1.4',
  },
  {
    id: 'model.retrieval',
    step: 4,
    title: 'Retrieval components: embedding model, k, reranker',
    keys: ['model.retrieval'],
    when: { ...GEN, retrieves: true },
    source: 'genai §1.4',
  },

  // ---------------------------------------------------------------- step 5: evaluation
  {
    id: 'evaluation.offline',
    step: 5,
    title: 'Offline metrics that fit the task',
    keys: ['evaluation.offline.metrics', 'model.stages[].metrics'],
    source: 'domain §1 5.1',
  },
  {
    id: 'evaluation.online',
    step: 5,
    title: 'Online metrics tied to the business objective',
    keys: ['evaluation.online.metrics'],
    source: 'domain §1 5.3',
  },
  {
    id: 'evaluation.experiment',
    step: 5,
    title: 'Online experiment: primary metric, unit, size',
    keys: ['evaluation.online.experiment', 'evaluation.online.primary'],
    when: CLASSIC,
    source: 'domain §1 Additions, step 5; 6.3',
  },
  {
    id: 'evaluation.fairness',
    step: 5,
    title: 'Fairness and bias across groups',
    keys: ['evaluation.fairness', 'evaluation.offline.slices'],
    source: 'domain §1 5.4',
  },
  {
    id: 'evaluation.eval-labels',
    step: 5,
    title: 'Where evaluation labels come from',
    keys: ['data.labels.eval_source'],
    when: CLASSIC,
    source: 'domain §1 5.5',
  },
  {
    id: 'evaluation.judges',
    step: 5,
    title: 'Judges or human raters for judged metrics',
    keys: ['evaluation.judges'],
    when: GEN,
    source: 'genai §1.5',
  },
  {
    id: 'evaluation.regression',
    step: 5,
    title: 'A golden regression suite that gates changes',
    keys: ['evaluation.regression', 'evaluation.offline.quality_gate'],
    when: GEN,
    source: 'genai §1.5',
  },
  {
    id: 'evaluation.red-team',
    step: 5,
    title: 'Safety evaluation and red-teaming',
    keys: ['evaluation.red_team'],
    when: { ...GEN, userFacing: true },
    source: 'genai §1.5',
  },

  // ---------------------------------------------------------------- step 6: serving
  {
    id: 'serving.target',
    step: 6,
    title: 'Cloud vs on-device',
    keys: ['serving.target', 'requirements.constraints.deployment'],
    source: 'domain §1 6.1',
  },
  {
    id: 'serving.rollout',
    step: 6,
    title: 'Testing in production: shadow, canary, A/B',
    keys: ['serving.rollout'],
    source: 'domain §1 6.3',
  },
  {
    id: 'serving.mode',
    step: 6,
    title: 'Batch vs online prediction',
    keys: ['serving.mode', 'requirements.performance.mode'],
    when: CLASSIC,
    source: 'domain §1 6.4',
  },
  {
    id: 'serving.feature-store',
    step: 6,
    title: 'Real-time feature access',
    keys: ['serving.feature_store'],
    when: { ...CLASSIC, dynamicFeatures: true },
    source: 'domain §1 6.5',
  },
  {
    id: 'serving.components',
    step: 6,
    title: 'Each component and its responsibility',
    keys: ['serving.components'],
    source: 'domain §1 6.6',
  },
  {
    id: 'serving.fallback',
    step: 6,
    title: 'Fallback when the model or a provider fails',
    keys: ['serving.fallback'],
    source: 'domain §1 6.4; genai §1.6',
  },
  {
    id: 'serving.gpu',
    step: 6,
    title: 'Accelerators, batching and throughput, or the API provider',
    keys: ['serving.gpu', 'model.candidates[].provider'],
    when: GEN,
    source: 'genai §1.6',
  },
  {
    id: 'serving.guardrails',
    step: 6,
    title: 'Guardrails on input and output',
    keys: ['serving.guardrails'],
    when: { ...GEN, userFacing: true },
    source: 'genai §1.6',
  },

  // ---------------------------------------------------------------- step 7: monitoring
  {
    id: 'monitoring.operational',
    step: 7,
    title: 'Operational metrics: latency, throughput, utilization',
    keys: ['monitoring.operational'],
    source: 'domain §1 7.2',
  },
  {
    id: 'monitoring.ml',
    step: 7,
    title: 'ML metrics: input and prediction drift, accuracy',
    keys: ['monitoring.ml'],
    source: 'domain §1 7.1, 7.3',
  },
  {
    id: 'monitoring.alerts',
    step: 7,
    title: 'Alerts with thresholds and actions',
    keys: ['monitoring.alerts'],
    source: 'domain §1 7.4',
  },
  {
    id: 'monitoring.retraining',
    step: 7,
    title: 'Retraining cadence or trigger',
    keys: ['monitoring.retraining'],
    when: { trainsWeights: true },
    source: 'domain §1 7.6',
  },
  {
    id: 'monitoring.feedback',
    step: 7,
    title: 'User feedback collected from live traffic',
    keys: ['monitoring.feedback'],
    when: { ...GEN, userFacing: true },
    source: 'genai §1.7',
  },
  {
    id: 'monitoring.safety',
    step: 7,
    title: 'Safety signals on live traffic',
    keys: ['monitoring.safety'],
    when: { ...GEN, userFacing: true },
    source: 'genai §1.7',
  },
  {
    id: 'monitoring.prompt-logging',
    step: 7,
    title: 'What is logged of prompts and for how long',
    keys: ['monitoring.prompt_logging', 'data.privacy.retention'],
    when: GEN,
    source: 'genai §1.7',
  },
];

/** The checklist items of one step, in order. */
export function checklistOfStep(step: number): ChecklistItem[] {
  return CHECKLIST.filter((i) => i.step === step);
}
