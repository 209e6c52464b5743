import {
  GROUNDING_METRICS,
  normalizeName,
  RETRIEVAL_JUDGED_METRICS,
  RETRIEVAL_METRICS,
  TEXT_OUTPUT_TASKS,
} from '../engine/domain';
import { fillField, insertIntoMap, type TextEdit } from '../engine/edits';
import {
  allDocMetrics,
  metricNames,
  retrievalCorpus,
  retrieves,
  scopedOfflineMetrics,
  stageFacts,
  textGeneratorStage,
} from '../engine/facts';
import type { MlsdDoc, Span } from '../engine/model';
import { child, pathOf } from '../engine/parse';
import { clip, code, defined, fitHeadline, listEdit, listNames } from './support';
import type { Fix, Rule } from './types';

/** Where both findings go: `evaluation.offline.metrics`, else `evaluation.offline`, else `evaluation`. */
function rangeOf(doc: MlsdDoc): Span {
  for (const p of ['evaluation.offline.metrics', 'evaluation.offline', 'evaluation']) {
    const n = doc.node(p);
    if (n) return doc.keySpan(n);
  }
  return doc.docSpan();
}

const RANKED = ['retrieval', 'ranking'];

/** (a): no retrieval or ranking stage has a metric, no retrieval-judged metric, no unscoped retrieval metric. */
function retrievalMeasured(doc: MlsdDoc): boolean {
  const stages = stageFacts(doc);
  // a stated item on a retrieval/ranking stage's own list counts even when its spelling is MLSD003's
  for (const s of stages)
    if (
      s.taskType &&
      RANKED.includes(s.taskType) &&
      doc.list([...pathOf(s.node), 'metrics']).some((i) => doc.isStated(i))
    )
      return true;
  for (const m of scopedOfflineMetrics(doc).metrics) {
    const name = m.ref.info?.name;
    if (m.stage?.taskType && RANKED.includes(m.stage.taskType)) return true;
    if (name && RETRIEVAL_JUDGED_METRICS.includes(name)) return true;
    if (name && !m.stage && RETRIEVAL_METRICS.includes(name)) return true;
  }
  return false;
}

/** (a)'s suggestion: make the stage running the embedding model a measured retrieval stage. */
function retrievalStageFix(doc: MlsdDoc, k: number): Fix[] | undefined {
  const embedder = doc.str('model.retrieval.embedding_model');
  if (embedder === undefined) return undefined;
  const stage = stageFacts(doc).find((s) => {
    const m = doc.textOf(child(s.node, 'model'));
    return m !== undefined && normalizeName(m) === normalizeName(embedder);
  });
  if (!stage) return undefined;
  const typed = doc.isStated(child(stage.node, 'task_type'));
  // a stage typed as something else is the author's choice: retyping it is not a safe guess
  if (typed && stage.taskType !== 'retrieval' && stage.taskType !== 'ranking') return undefined;
  const edits: TextEdit[] = [];
  const p = pathOf(stage.node).map(String);
  if (!typed) {
    const tt = child(stage.node, 'task_type')
      ? fillField(doc, p, 'task_type', 'retrieval')
      : insertIntoMap(doc, stage.node, 'task_type', 'retrieval');
    if (!tt) return undefined;
    edits.push(tt);
  }
  const metric = `recall@${k}`;
  const list = child(stage.node, 'metrics');
  const name = code(clip(stage.id, 24));
  // an untyped stage that lists metrics is measured once it is typed
  if (!doc.isStated(list)) {
    const add = list
      ? listEdit(doc, [...p, 'metrics'].join('.'), [metric])
      : insertIntoMap(doc, stage.node, 'metrics', [metric]);
    if (!add) return undefined;
    edits.push(add);
  } else if (typed) return undefined;
  const title = !typed
    ? doc.isStated(list)
      ? `Set \`task_type: retrieval\` on stage ${name}`
      : `Make stage ${name} a retrieval stage measured by \`${metric}\``
    : `Add \`${metric}\` to stage ${name}`;
  return [{ title, edits, safe: false }];
}

/** (b)'s suggestion: `faithfulness` in the offline list, scoped to the text generator stage when it is not the framing type. */
function groundingFix(doc: MlsdDoc): Fix[] | undefined {
  const gen = textGeneratorStage(doc);
  const framing = doc.taskType();
  const scoped = gen?.id !== undefined && (!framing || !TEXT_OUTPUT_TASKS.includes(framing));
  const item = scoped ? `{name: faithfulness, stage: ${gen!.id}}` : 'faithfulness';
  const edit = listEdit(doc, 'evaluation.offline.metrics', [item]);
  return edit
    ? [{ title: 'Add `faithfulness` to `evaluation.offline.metrics`', edits: [edit], safe: false }]
    : undefined;
}

export const mlsd550: Rule = {
  meta: {
    id: 'MLSD550',
    alias: 'rag-eval-incomplete',
    title: 'Retrieval-augmented generation evaluated without retrieval or grounding metrics',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    description:
      'the doc retrieves into the prompt and (a) no retrieval or ranking stage has a metric, no offline metric is context-precision, context-recall or context-relevance, and no unscoped offline metric is a retrieval metric; or (b) no offline or online metric is faithfulness, hallucination-rate, citation-precision or citation-recall; one finding per missing part',
  },
  check({ doc, report }) {
    if (!retrieves(doc)) return;
    const span = rangeOf(doc);
    const topK = doc.number('model.retrieval.top_k');
    const k = topK !== undefined && Number.isInteger(topK) && topK >= 1 ? topK : 10;
    const corpus = defined(retrievalCorpus(doc).map((s) => doc.textOf(child(s, 'id'))));
    const from = corpus.length ? ` from ${listNames(corpus.map((c) => code(clip(c, 24))))}` : '';

    if (!retrievalMeasured(doc)) {
      const noStage = !stageFacts(doc).some((s) => s.taskType === 'retrieval');
      const kText = topK !== undefined ? ` (top_k ${k})` : '';
      report({
        ...span,
        message: fitHeadline([
          `Retrieval${kText} is never measured: no recall, MRR, nDCG or context metric on a retrieval stage`,
          `Retrieval${kText} is never measured: no retrieval metric on a retrieval stage`,
          'Retrieval is never measured',
        ]),
        explanation:
          `Retrieval is never measured. Passages${from} are retrieved into the prompt, but no metric is listed on a \`retrieval\` or \`ranking\` stage (or scoped to one with \`stage:\`), and no offline metric is \`context-recall\`, \`context-precision\` or \`context-relevance\`. When an answer is wrong you cannot tell a retrieval miss from a generation error, and a change of chunking, embedding model or \`top_k\` goes unmeasured.` +
          (noStage
            ? ` No \`model.stages\` entry has \`task_type: retrieval\`, so retrieval metrics such as recall@${k} have no stage to attach to.`
            : '') +
          ` Add a \`retrieval\` stage with \`metrics: [recall@${k}, mrr]\` on a labelled golden set (or a judged \`context-recall\`).`,
        suggestions: retrievalStageFix(doc, k),
      });
    }

    const grounding = [...metricNames(allDocMetrics(doc))].some((n) => GROUNDING_METRICS.includes(n));
    if (!grounding) {
      report({
        ...span,
        message: fitHeadline([
          'Grounding is never measured: no faithfulness, hallucination or citation metric for the answers',
          'Grounding is never measured: no faithfulness or citation metric',
        ]),
        explanation:
          'Nothing measures whether answers stay within the retrieved passages: no offline or online metric is `faithfulness`, `hallucination-rate`, `citation-precision` or `citation-recall`. A fluent, relevant answer can still state facts that no retrieved document contains, and answer-relevance or overlap scores do not see it. ' +
          'Add `faithfulness` scored by a calibrated judge (`judge:` naming an `evaluation.judges` entry with `calibration`), or `citation-precision` when answers cite their sources.',
        suggestions: groundingFix(doc),
      });
    }
  },
};
