import { normalizeName } from '../engine/domain';
import { allDocMetrics, generator, judgeKinds, judgeOf } from '../engine/facts';
import { child } from '../engine/parse';
import { clip, code, fitHeadline, listNames } from './support';
import type { Rule } from './types';

/** Model names compared case-insensitively with `_`, `-` and spaces alike. */
const sameModel = (a: string, b: string) =>
  normalizeName(a).replace(/-+/g, '-') === normalizeName(b).replace(/-+/g, '-');

const CALIBRATE =
  'Have people label a few hundred items the judge also scores and state `calibration: {human_labels: 300, agreement: …, statistic: cohen-kappa}` (Spearman for scores), re-measured on fresh labels on a cadence; prompt pairwise comparisons in both orders and keep only consistent verdicts, and take the judge from a different model family than the generator.';

export const mlsd552: Rule = {
  meta: {
    id: 'MLSD552',
    alias: 'llm-judge-uncalibrated',
    title: 'LLM judge with no agreement measured against human labels',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'an `evaluation.judges[]` entry of kind `llm` states neither `calibration.human_labels` nor `calibration.agreement`; or a metric `llm-judge-score` names no `judge` and no judge of kind `llm` is declared',
  },
  check({ doc, report }) {
    const metrics = allDocMetrics(doc);
    const gen = generator(doc);
    const genBase = gen ? doc.textOf(child(gen, 'base_model')) : undefined;

    // (a) a declared LLM judge with no calibration
    doc.entries('evaluation.judges').forEach((j, i) => {
      if (doc.enumValueOf(child(j, 'kind')) !== 'llm') return;
      const cal = child(j, 'calibration');
      // a calibration written as something other than a mapping is MLSD003's finding, not a missing one
      if (cal && doc.isStated(cal) && cal.kind !== 'map') return;
      if (cal && (doc.isStated(child(cal, 'human_labels')) || doc.isStated(child(cal, 'agreement')))) return;
      const idNode = child(j, 'id');
      const id = doc.textOf(idNode) ?? `judge ${i + 1}`;
      const name = code(clip(id, 24));
      const model = doc.textOf(child(j, 'model'));
      const what = model ? ` (${clip(model, 30)})` : '';
      const scored = [
        ...new Set(metrics.filter((m) => judgeOf(doc, m.ref.node) === j).map((m) => code(clip(m.ref.written, 24)))),
      ];
      const self = model !== undefined && genBase !== undefined && sameModel(model, genBase);
      report({
        ...(idNode && doc.isStated(idNode) ? doc.valueSpan(idNode) : doc.keySpan(j)),
        message: fitHeadline([
          scored.length
            ? `LLM judge ${name}${what} scores ${listNames(scored)} with no agreement measured against people`
            : `LLM judge ${name}${what} has no agreement measured against human labels`,
          `LLM judge ${name} scores ${listNames(scored)} with no agreement measured against people`,
          `LLM judge ${name} scores ${scored.length} metric${scored.length === 1 ? '' : 's'} with no agreement measured against human labels`,
          `LLM judge ${name} has no agreement measured against human labels`,
        ]),
        explanation:
          `Judge ${name}${what} ${scored.length ? `scores ${listNames(scored, 5)}, but its` : 'is declared, but its'} agreement with human labels is never measured: its \`calibration\` states neither \`human_labels\` nor \`agreement\`. LLM judges prefer the first-shown answer, longer answers and their own model's answers; without calibration a score can move while quality does not, and a quality gate on it gates nothing.` +
          (self ? " It is also the generator's own model, which tends to rate its own outputs higher." : '') +
          ` ${CALIBRATE}`,
      });
    });

    // (b) an LLM-judged score with no judge at all
    if (judgeKinds(doc).has('llm')) return;
    for (const m of metrics) {
      if (m.ref.info?.name !== 'llm-judge-score') continue;
      if (m.ref.node.kind === 'map' && doc.isStated(child(m.ref.node, 'judge'))) continue;
      const written = code(clip(m.ref.written, 24));
      report({
        ...m.ref.span,
        message: fitHeadline([
          `${written} is scored by an LLM judge that is never declared in \`evaluation.judges\``,
          `${written} is scored by an undeclared LLM judge`,
        ]),
        explanation:
          `An LLM-judged score (${written}) with no stated judge: which model, rubric and calibration produce it is unknown, so nobody can tell whether a change in the score is a change in quality, in the judge or in its prompt. ` +
          `Declare the judge in \`evaluation.judges\` (\`kind: llm\`, a pinned \`model\`, a \`rubric\`) and name it with \`judge:\` on the metric. ${CALIBRATE}`,
      });
    }
  },
};
