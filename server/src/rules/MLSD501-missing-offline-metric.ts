import {
  defined,
  listSuggestion,
  notStatedWord,
  OFFLINE,
  reportMissing,
  suggestedOfflineMetrics,
  taskPhrase,
} from './support';
import { offlineMetricLists } from '../engine/facts';
import type { Rule } from './types';

export const mlsd501: Rule = {
  meta: {
    id: 'MLSD501',
    alias: 'missing-offline-metric',
    title: 'No offline metric to judge the model by',
    step: 5,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      '`evaluation.offline.metrics` and every `model.stages[].metrics` empty (no offline metric stated anywhere)',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated(OFFLINE)) return;
    // v1.1: per-stage metric lists count (a two-stage system may state its metrics per stage only)
    if (offlineMetricLists(doc).some((l) => doc.isStated(l.node))) return;
    const { node } = doc.field(OFFLINE);
    const types = doc.effectiveTaskTypes();
    const picks = suggestedOfflineMetrics(doc);
    const example = picks.length
      ? `Add metrics that fit ${taskPhrase(types)}, e.g. \`metrics: [${picks.join(', ')}]\`.`
      : 'Add metrics that fit the task, e.g. `metrics: [pr-auc, recall]` for a classifier or `metrics: [ndcg@10]` for a ranker (set `framing.task_type` and mlsd checks the fit).';
    const fits = types.length ? types.join(' / ') : 'the archetype';
    reportMissing(ctx, {
      path: OFFLINE,
      because: 'so no offline number says whether a model is good enough',
      explanation: `\`evaluation.offline.metrics\` is ${notStatedWord(node)}${doc.entries('model.stages').length ? ', and no stage of `model.stages` lists `metrics` either' : ''}, so nobody can tell whether a model beats the baseline before it reaches users, or set a quality gate for deploys. ${example} A multi-stage system can instead list each stage's metrics under \`model.stages[].metrics\` (recall@k for candidate generation, nDCG@k for the ranker).`,
      suggestions: defined(
        picks.map((p) => listSuggestion(doc, OFFLINE, [p], `Add the offline metric \`${p}\` (fits ${fits})`)),
      ),
    });
  },
};
