import { TEXT_OUTPUT_TASK_TYPES, memoryFigures } from '../engine/genaiServing';
import { fitHeadline } from './support';
import { fmtParams, formatGB, formatInt, servingOptions } from './support/serving';
import type { Related, Rule } from './types';

export const mlsd651: Rule = {
  meta: {
    id: 'MLSD651',
    alias: 'kv-cache-exceeds-gpu-memory',
    title: 'Weights and KV cache for max_batch sequences overflow a replica',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    options: ['gpu_memory_utilization'],
    description:
      "a self-hosted text generator whose weights fit one replica (MLSD650 does not fire): weights + KV cache per token × tokens per sequence (min of `context_window` and the request length) × `serving.gpu.max_batch` (default 1) exceed `gpu_memory_utilization` of the replica's memory; KV per token is exact from `layers`, `kv_heads` and `head_dim`, else estimated from `parameters`",
  },
  check({ doc, options, report }) {
    const m = memoryFigures(doc, servingOptions(options));
    if (!m?.fit || !m.kvPerToken || m.tokens === undefined) return;
    const t = m.generator.taskType;
    if (!t || !(TEXT_OUTPUT_TASK_TYPES as readonly string[]).includes(t)) return;
    const f = m.fit;
    if (f.weightsExceed || !f.exceeds) return;
    const u = `${Math.round(f.utilization * 100)}%`;
    const B = f.sequences;
    const S = formatInt(f.tokens);
    const kvTok = `${formatInt(f.kvPerToken)} B`;
    const estimated = m.kvPerToken.estimated
      ? ` (KV per token estimated for ${fmtParams(m.weights.parameters)} parameters as ${m.kvPerToken.layers} layers × 8 KV heads × 128; state \`layers\`, \`kv_heads\` and \`head_dim\` for an exact figure)`
      : '';
    const assumed = m.weights.precisionAssumed ? ' (precision not stated: bf16 assumed)' : '';
    const fitsNote =
      f.maxSequences >= 1
        ? `At most ${formatInt(f.maxSequences)} sequence${f.maxSequences === 1 ? '' : 's'} of ${S} tokens fit.`
        : `Not even one sequence of ${S} tokens fits next to the weights.`;
    const fixes = [
      f.maxSequences >= 1 ? `\`max_batch\` ≤ ${formatInt(f.maxSequences)}` : undefined,
      m.kvPerToken.kvBytes > 1 ? 'an fp8 KV cache (`kv_cache: {precision: fp8}` halves it)' : undefined,
      'a shorter maximum context (`max_input_tokens`, fewer retrieved chunks)',
      'or more accelerators per replica (`per_replica`)',
    ].filter((x): x is string => x !== undefined);
    const related: Related[] = [
      {
        ...doc.valueSpan(m.nodes.parameters),
        message: `${fmtParams(m.weights.parameters)} parameters = ${formatGB(f.weights)} of weights`,
      },
    ];
    related.push({
      ...doc.valueSpan(m.nodes.memory),
      message: `memory per accelerator: ${formatGB(m.memoryPerAccelerator)}`,
    });
    const span = m.nodes.maxBatch
      ? doc.valueSpan(m.nodes.maxBatch)
      : m.nodes.gpu
        ? doc.keySpan(m.nodes.gpu)
        : doc.valueSpan(m.nodes.memory);
    report({
      ...span,
      message: fitHeadline([
        `Weights + KV cache for ${formatInt(B)} sequences of ${S} tokens = ${formatGB(f.total)}, over ${u} of ${formatGB(f.replicaMemory)} per replica`,
        `Weights + KV cache for ${formatInt(B)} sequences = ${formatGB(f.total)}, over ${formatGB(f.usable)} usable per replica`,
      ]),
      explanation:
        `Weights ${formatGB(f.weights)}${assumed} + KV cache ${kvTok}/token × ${S} tokens × ${formatInt(B)} sequences = ${formatGB(f.kv)} → ${formatGB(f.total)} > ${u} of ${formatGB(f.replicaMemory)} (${formatGB(f.usable)}) per replica${estimated}: at max_batch ${formatInt(B)} the server must preempt or reject sequences, so latency and throughput collapse exactly at peak. ${fitsNote} ` +
        `Fix with ${fixes.join(', ')}.`,
      related,
    });
  },
};
