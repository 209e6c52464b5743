import { acceleratorsForWeights } from '../engine/genaiFigures';
import { memoryFigures } from '../engine/genaiServing';
import { clip, code, fitHeadline } from './support';
import { fmtParams, formatGB, ratioNote, servingOptions } from './support/serving';
import type { Related, Rule } from './types';

export const mlsd650: Rule = {
  meta: {
    id: 'MLSD650',
    alias: 'weights-exceed-gpu-memory',
    title: "The generator's weights do not fit one replica",
    step: 6,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      'the generator is not `provider: api`, its `parameters` and `serving.gpu.memory` are stated, and the weights (parameters × bytes of `precision`, bf16 when not stated) exceed the memory of one replica (`serving.gpu.memory` × `per_replica`, default 1)',
  },
  check({ doc, options, report }) {
    const m = memoryFigures(doc, servingOptions(options));
    if (!m) return;
    const W = m.weights.bytes;
    if (!(W > m.replicaMemory)) return;
    const name = code(clip(m.generator.id, 24));
    const prec = m.weights.precisionAssumed ? 'bf16' : m.weights.precision;
    const assumed = m.weights.precisionAssumed ? ' (precision not stated: bf16 assumed)' : '';
    const replica =
      m.perReplica > 1
        ? `${m.perReplica} × ${formatGB(m.memoryPerAccelerator)} = ${formatGB(m.replicaMemory)}`
        : formatGB(m.replicaMemory);
    const need = acceleratorsForWeights(W, m.memoryPerAccelerator);
    const lower: string[] = [];
    if (m.weights.precision !== 'fp8' && m.weights.precision !== 'int8' && m.weights.precision !== 'int4')
      lower.push(`fp8: ${formatGB(m.weights.parameters)}`);
    if (m.weights.precision !== 'int4') lower.push(`int4: ${formatGB(m.weights.parameters * 0.5)}`);
    const related: Related[] = [
      { ...doc.valueSpan(m.nodes.parameters), message: `parameters: ${fmtParams(m.weights.parameters)}` },
    ];
    if (m.nodes.precision && !m.weights.precisionAssumed)
      related.push({
        ...doc.valueSpan(m.nodes.precision),
        message: `precision: ${prec} (${m.weights.bytes / m.weights.parameters} B per parameter)`,
      });
    const ratio = ratioNote(W, m.replicaMemory);
    report({
      ...doc.valueSpan(m.nodes.memory),
      message: fitHeadline([
        `${name} needs ${formatGB(W)} of weights at ${prec}, more than one replica's ${formatGB(m.replicaMemory)}${ratio}`,
        `The generator needs ${formatGB(W)} of weights, more than one replica's ${formatGB(m.replicaMemory)}`,
      ]),
      explanation:
        `${name} has ${fmtParams(m.weights.parameters)} parameters at ${prec} = ${formatGB(W)} of weights${assumed}, but one replica has ${replica}${ratio}: the model cannot be loaded, before any memory goes to the KV cache. ` +
        `Set \`serving.gpu.per_replica\` to at least ${need} (tensor parallel; more for the KV cache)` +
        (lower.length
          ? `, serve at a lower precision (${lower.join(', ')}; measure the quality loss on the golden set)`
          : '') +
        ', or choose an accelerator with more memory.',
      related,
    });
  },
};
