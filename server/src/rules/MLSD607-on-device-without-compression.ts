import { fillField } from '../engine/edits';
import { reportMissing } from './support';
import type { Fix, Rule } from './types';

const SMALL_TARGETS = ['on-device', 'edge'];

export const mlsd607: Rule = {
  meta: {
    id: 'MLSD607',
    alias: 'on-device-without-compression',
    title: 'On-device model with no compression plan',
    step: 6,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      '`serving.target` or `requirements.constraints.deployment` is on-device/edge and `serving.compression` is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('serving.compression')) return;
    // serving.target, when stated, is where the model actually runs; the deployment constraint stands in for it otherwise
    const from = doc.stated('serving.target') ? 'serving.target' : 'requirements.constraints.deployment';
    const target = doc.enumOf(from);
    if (!target || !SMALL_TARGETS.includes(target)) return;
    const node = doc.node(from)!;
    const suggestions: Fix[] = [];
    for (const c of [['quantization'], ['quantization', 'distillation']]) {
      const edit = fillField(doc, ['serving'], 'compression', c);
      if (edit) suggestions.push({ title: `Add \`compression: [${c.join(', ')}]\``, edits: [edit], safe: false });
    }
    reportMissing(ctx, {
      path: 'serving.compression',
      span: ctx.doc.missingSpan('serving.compression'),
      because: `though the model runs ${target === 'edge' ? 'on an edge device' : 'on-device'}`,
      explanation:
        `\`${from}\` is ${target}: a model trained in the data centre rarely fits ${target === 'edge' ? 'an edge device' : 'a phone'}'s memory, compute and battery budget as is. ` +
        'Say how it is shrunk, e.g. `compression: [quantization, distillation]` (int8 weights, a small student model), or `pruning` / `low-rank`.',
      suggestions,
      related: [{ ...doc.valueSpan(node), message: `served ${target}` }],
    });
  },
};
