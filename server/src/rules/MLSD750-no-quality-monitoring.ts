import { mentionsWord, QUALITY_FEEDBACK_METRICS, QUALITY_SIGNAL_WORDS } from '../engine/domain';
import { allDocMetrics, metricNames, userFacing } from '../engine/facts';
import { child } from '../engine/parse';
import { fitHeadline } from './support';
import type { Rule } from './types';

export const mlsd750: Rule = {
  meta: {
    id: 'MLSD750',
    alias: 'no-quality-monitoring',
    title: 'User-facing generation with no production quality signal',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'a user-facing generative doc states no `monitoring.feedback`, no online metric or guardrail in the quality-feedback set, no online metric with a `judge`, and no `monitoring.ml` item naming a quality signal (faithfulness, groundedness, hallucination, judge, human audit or review, thumbs, feedback, csat, satisfaction, regeneration, acceptance)',
  },
  check({ doc, report }) {
    if (!userFacing(doc)) return;
    if (doc.stated('monitoring.feedback')) return;
    const online = allDocMetrics(doc).filter((m) => m.list === 'online' || m.list === 'guardrail');
    if ([...metricNames(online)].some((n) => QUALITY_FEEDBACK_METRICS.includes(n))) return;
    if (
      online.some((m) => m.list === 'online' && m.ref.node.kind === 'map' && doc.isStated(child(m.ref.node, 'judge')))
    )
      return;
    if (doc.textList('monitoring.ml').some((i) => mentionsWord(i, QUALITY_SIGNAL_WORDS))) return;
    const at = doc.node('monitoring');
    report({
      ...(at ? doc.keySpan(at) : doc.docSpan()),
      message: fitHeadline([
        'Nothing observes output quality in production: no user feedback and no judged sample of live traffic',
        'Nothing observes output quality in production',
      ]),
      explanation:
        'Nothing observes output quality in production: no user feedback (thumbs, regenerations, edits, accepted suggestions) and no judged sample of live traffic. Generation quality degrades silently with new topics, a provider model update or a stale index, and offline golden sets do not see the questions users actually ask. ' +
        'Add `monitoring.feedback` (for example `[thumbs, regenerations, edits]`), and an online metric scored by a calibrated judge on sampled traffic (`{name: faithfulness, judge: <judge id>}` in `evaluation.online.metrics`).',
    });
  },
};
