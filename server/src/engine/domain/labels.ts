/**
 * Label-source vocabularies: which `data.labels.source` values come from user behaviour, and which source
 * a task type usually gets its labels from (MLSD301's suggestion).
 */
import type { TaskType } from './tasks';

/** Label sources produced by users' behaviour (rules.md "behavioural labels"): delayed and biased by exposure. */
export const BEHAVIOURAL_LABEL_SOURCES: readonly string[] = ['natural', 'implicit'];

/** Task types whose labels are usually hand-annotated (MLSD301's suggested `data.labels.source`). */
export const HAND_LABELED: TaskType[] = [
  'object-detection',
  'segmentation',
  'multiclass-classification',
  'multilabel-classification',
];

/** Task types whose labels usually come from users' natural behaviour or the world (MLSD301). */
export const NATURAL_LABELED: TaskType[] = [
  'ranking',
  'recommendation',
  'retrieval',
  'link-prediction',
  'forecasting',
  'regression',
];
