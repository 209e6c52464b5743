import { isGenerative, scopedOfflineMetrics } from '../engine/facts';
import type { MetricRef } from '../engine/model';
import { clip, code, fitsItsScope, usedAsRankingInScope } from './support';
import type { Fix, Rule } from './types';

const RANKING_K = ['precision', 'recall', 'ndcg', 'map', 'hit-rate'];
const DETECTION_IOU = ['ap', 'map', 'precision', 'recall'];

/** "Change to `ndcg@10`" for a metric written as a plain scalar (mappings get `k:` by hand). */
function cutoffSuggestion(m: MetricRef, cutoff: string): Fix[] {
  if (m.node.kind !== 'scalar' || m.node.aliased) return [];
  const name = m.written.split('@')[0].trim();
  const to = `${name}@${cutoff}`;
  return [
    { title: `Change to \`${to}\``, edits: [{ start: m.span.start, end: m.span.end, newText: to }], safe: false },
  ];
}

export const mlsd504: Rule = {
  meta: {
    id: 'MLSD504',
    alias: 'ranking-metric-missing-k',
    title: 'Ranking metric without a cutoff k (or detection AP without an IoU threshold)',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      "`precision`/`recall`/`ndcg`/`map`/`hit-rate` used as a ranking metric without a cutoff `@k` (a stage-scoped metric when its stage's task type ranks or recommends), or a detection `ap`/`map` without `@iou=` / `iou_threshold`",
  },
  check({ doc, report }) {
    const docDetection = doc.effectiveTaskTypes().includes('object-detection');
    // genai.md §8: in a generative pipeline a ranking metric sits on a retrieval or ranking stage, whose
    // list is read by the next stage (the prompt), not by users
    const seen = isGenerative(doc)
      ? 'with k the number of results the stage hands on (for RAG, the chunks that reach the prompt: `model.retrieval.top_k`)'
      : 'with k the number of items users actually see';
    for (const om of scopedOfflineMetrics(doc).metrics) {
      const m = om.ref;
      const name = m.info?.name;
      if (!name) continue;
      // a metric that fits none of the task types it is checked against is MLSD503's: its cutoff is beside the point
      if (!fitsItsScope(doc, om)) continue;
      const detection = om.stage?.taskType ? om.stage.taskType === 'object-detection' : docDetection;
      const mapping = m.node.kind === 'map';
      if (detection && DETECTION_IOU.includes(name)) {
        if (m.iou !== undefined) continue;
        const how = mapping
          ? `add \`iou_threshold: 0.5\` to the metric`
          : `write \`${name}@iou=0.5\` (or \`{name: ${name}, iou_threshold: 0.5}\`)`;
        report({
          ...m.span,
          message: `Detection metric ${code(clip(m.written))} has no IoU threshold`,
          explanation: `In object detection, whether a box counts as a hit depends on the IoU threshold (PASCAL VOC uses 0.5, COCO averages 0.5:0.95), and the numbers differ widely. ${how[0].toUpperCase()}${how.slice(1)}, with the threshold you will gate on.`,
          suggestions: cutoffSuggestion(m, 'iou=0.5'),
        });
        continue;
      }
      if (!RANKING_K.includes(name) || typeof m.k === 'number') continue;
      if (!usedAsRankingInScope(doc, om)) continue;
      const symbolic = m.k === 'k';
      const how = mapping ? `give it \`k: 10\`` : `write \`${name}@10\` (or \`{name: ${name}, k: 10}\`)`;
      report({
        ...m.span,
        message: symbolic
          ? `Ranking metric ${code(clip(m.written))} leaves the cutoff k open`
          : `Ranking metric ${code(clip(m.written))} has no cutoff \`@k\``,
        explanation: symbolic
          ? `${name} at 5, 10 or 100 are different numbers, so the target cannot be checked or reproduced. ${how[0].toUpperCase()}${how.slice(1)}, ${seen}.`
          : `Without a cutoff, ${code(m.written)} is computed over the whole list, where it is dominated by positions nobody sees, and ${name}@5 vs ${name}@100 differ widely, so the number is not reproducible. ${how[0].toUpperCase()}${how.slice(1)}, ${seen}.`,
        suggestions: cutoffSuggestion(m, '10'),
      });
    }
  },
};
