import { replaceScalar } from '../engine/edits';
import type { Rule } from './types';

const WHY: Record<string, string> = {
  'online:batch':
    'precomputed predictions cannot use per-request inputs (the query, the session) and cannot meet a per-request latency requirement',
  'online:streaming':
    'stream processing reacts to events, not to requests, so a per-request answer within the latency budget is not guaranteed',
  'batch:online': 'per-request serving costs a latency-bound fleet the requirements did not ask for',
  'batch:streaming': 'a streaming pipeline costs always-on infrastructure the requirements did not ask for',
  'streaming:batch':
    'a scheduled batch job reacts hours late to the events the requirement wants handled as they arrive',
  'streaming:online': 'request-time serving does not process the event stream the requirement describes',
};

export const mlsd609: Rule = {
  meta: {
    id: 'MLSD609',
    alias: 'mode-mismatch',
    title: 'Serving mode contradicts the required mode',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`requirements.performance.mode` and `serving.mode` both stated and different (hybrid is compatible with both).',
  },
  check({ doc, report }) {
    const req = doc.enumOf('requirements.performance.mode');
    const srv = doc.enumOf('serving.mode');
    if (!req || !srv || req === srv || req === 'hybrid' || srv === 'hybrid') return;
    const srvNode = doc.node('serving.mode')!;
    const reqNode = doc.node('requirements.performance.mode')!;
    const edit = replaceScalar(srvNode, req);
    const why = WHY[`${req}:${srv}`] ?? 'the design does not serve the way the requirements ask';
    report({
      ...doc.valueSpan(srvNode),
      message: `\`serving.mode\` is ${srv}, but \`requirements.performance.mode\` is ${req}`,
      explanation:
        `The requirements ask for ${req} serving, but ${why}. ` +
        `Make them agree (\`mode: ${req}\` here, or change the requirement), or use \`hybrid\` and say which part is ${req === 'batch' || srv === 'batch' ? 'precomputed' : 'online'}.`,
      suggestions: edit ? [{ title: `Change to \`${req}\``, edits: [edit], safe: false }] : undefined,
      related: [{ ...doc.valueSpan(reqNode), message: `required mode: ${req}` }],
    });
  },
};
