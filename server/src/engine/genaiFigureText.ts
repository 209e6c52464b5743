/**
 * The generative serving figures (genai-domain.md §4, genai.md §12 "Inline figures") as editor text: a
 * one-line label for the inlay hint and a Markdown explanation for hover and the hint's tooltip, with the
 * node each figure sits next to and the nodes whose hover shows it. The figures themselves come from
 * engine/genaiServing (the same ones MLSD650–654 and MLSD450 compare); this module only words them, so a
 * figure reads the same in a hint, a hover and a rule message. Plain functions, no LSP.
 */
import { requestLength } from './facts';
import { formatFigure, formatGB, formatInt, formatMs, fmtParams, lookupAccelerator } from './genaiFigures';
import {
  TEXT_OUTPUT_TASK_TYPES,
  type CapacityFigures,
  type CostFigures,
  capacityFigures,
  costFigures,
  type GenaiOptions,
  generatorInfo,
  type MemoryFigures,
  memoryFigures,
  type TtftFigures,
  ttftFigures,
} from './genaiServing';
import type { MlsdDoc } from './model';
import { child, type MNode, pathOf } from './parse';
import { formatMoney } from './values';

export interface GenaiFigurePlace {
  /** the figure's hint goes at the end of this node's line */
  anchor: MNode;
  /** hovering the key or value of any of these nodes shows the explanation */
  nodes: MNode[];
  label: string;
  /** Markdown */
  explanation: string;
}

const TEXT_OUTPUT_TASK_TYPES_LIST: readonly string[] = TEXT_OUTPUT_TASK_TYPES;
const warn = (over: boolean) => (over ? '⚠ ' : '');

// ------------------------------------------------------------------------------ memory (MLSD650/651)

/** "weights 16.1 GB + KV 17.2 GB for 32 sequences of 4,096 tokens = 33.3 GB of 72 GB usable". */
export function memoryLabel(m: MemoryFigures): string {
  const notes: string[] = [];
  if (m.weights.precisionAssumed) notes.push('bf16 assumed');
  const f = m.fit;
  if (m.weights.bytes > m.replicaMemory)
    return `⚠ weights ${formatGB(m.weights.bytes)} > ${formatGB(m.replicaMemory)} per replica${notes.length ? ` (${notes.join('; ')})` : ''}`;
  if (!f || !m.kvPerToken) {
    return `weights ${formatGB(m.weights.bytes)} of ${formatGB(m.replicaMemory)} per replica${notes.length ? ` (${notes.join('; ')})` : ''}`;
  }
  if (m.kvPerToken.estimated) notes.push('KV estimated: model shape not stated');
  const seqs = `${formatInt(f.sequences)} ${f.sequences === 1 ? 'sequence' : 'sequences'}`;
  return `${warn(f.exceeds)}weights ${formatGB(f.weights)} + KV ${formatGB(f.kv)} for ${seqs} of ${formatInt(f.tokens)} tokens = ${formatGB(f.total)} of ${formatGB(f.usable)} usable${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

export function explainMemory(m: MemoryFigures): string {
  const w = m.weights;
  const replica =
    m.perReplica > 1
      ? `${m.perReplica} × ${formatGB(m.memoryPerAccelerator)} = ${formatGB(m.replicaMemory)}`
      : formatGB(m.replicaMemory);
  let s = `**Memory per replica** (MLSD650, MLSD651): weights ${fmtParams(w.parameters)} parameters × ${w.bytes / w.parameters} B (${w.precision}${w.precisionAssumed ? ', assumed: `precision` not stated' : ''}) = **${formatGB(w.bytes)}**`;
  const f = m.fit;
  const kv = m.kvPerToken;
  if (w.bytes > m.replicaMemory) return `${s}, ⚠ more than one replica's ${replica}: the model cannot be loaded.`;
  if (!f || !kv) {
    s += ` of ${replica} per replica.`;
    if (m.tokens === undefined && (m as { textOut?: boolean }).textOut !== false)
      s += " State the candidate's `context_window` or `model.prompt.max_input_tokens` to size the KV cache.";
    return s;
  }
  const shape = kv.estimated
    ? `2 × 1,024 × ${kv.layers} layers × ${kv.kvBytes} B`
    : `2 × ${kv.layers} layers × ${kv.kvHeads} KV heads × ${kv.headDim} × ${kv.kvBytes} B`;
  const tokensFrom =
    m.contextWindow !== undefined && m.requestLength !== undefined
      ? m.tokens === m.contextWindow
        ? ' (the context window, shorter than the request length)'
        : ' (the request length)'
      : m.contextWindow !== undefined
        ? ' (the context window)'
        : ' (the request length)';
  s += `; KV cache ${shape} = ${formatInt(f.kvPerToken)} B/token × ${formatInt(f.tokens)} tokens${tokensFrom} × ${formatInt(f.sequences)} sequences${m.maxBatchStated ? '' : ' (`max_batch` not stated: 1)'} = **${formatGB(f.kv)}**`;
  s += `; total **${formatGB(f.total)}** of **${formatGB(f.usable)}** usable (${Math.round(f.utilization * 100)}% of ${replica})`;
  s += f.exceeds ? ' ⚠ over.' : '.';
  s += ` At most **${formatInt(f.maxSequences)}** sequences of ${formatInt(f.tokens)} tokens fit.`;
  if (kv.estimated)
    s += ` The KV size is an estimate: ${kv.assumed.join('; ')}, assuming grouped-query attention as in Llama 3 — state \`layers\`, \`kv_heads\` and \`head_dim\` for an exact figure.`;
  return s;
}

// ------------------------------------------------------------------------------ capacity (MLSD652)

export function capacityLabel(c: CapacityFigures): string | undefined {
  const parts: string[] = [];
  let over = false;
  if (c.tokens) {
    parts.push(`peak ${formatInt(c.tokens.need)} of ${formatInt(c.tokens.capacity)} tokens/s`);
    over ||= c.tokens.exceeds;
  }
  if (c.requests) {
    parts.push(`peak ${formatFigure(c.requests.need)} of ${formatFigure(c.requests.capacity)} requests/s`);
    over ||= c.requests.exceeds;
  }
  if (c.concurrency) {
    parts.push(`${formatFigure(c.concurrency.inFlight)} of ${formatInt(c.concurrency.slots)} in flight`);
    over ||= c.concurrency.exceeds;
  }
  return parts.length ? `${warn(over)}${parts.join(' · ')}` : undefined;
}

export function explainCapacity(c: CapacityFigures): string | undefined {
  const R = `${formatInt(c.replicas)} replicas${c.perReplica > 1 ? ` (${formatInt(c.count)} ÷ ${c.perReplica})` : ''}`;
  const parts: string[] = [];
  if (c.tokens)
    parts.push(
      `tokens: ${formatFigure(c.qps)} requests/s × ${formatInt(c.tokens.outputTokens)} output tokens = **${formatInt(c.tokens.need)} tokens/s** needed; ${R} × ${formatInt(c.tokens.tokensPerSecondPerReplica)} = **${formatInt(c.tokens.capacity)} tokens/s**${c.tokens.exceeds ? ` ⚠ short: ${formatInt(c.tokens.replicasNeeded)} replicas needed before headroom` : ''}`,
    );
  if (c.requests)
    parts.push(
      `requests: peak **${formatFigure(c.requests.need)}/s**; ${R} × ${formatFigure(c.requests.requestsPerSecondPerReplica)} = **${formatFigure(c.requests.capacity)}/s**${c.requests.exceeds ? ' ⚠ short' : ''}`,
    );
  if (c.concurrency)
    parts.push(
      `in flight (Little's law): ${formatFigure(c.qps)} requests/s × ${formatFigure(c.concurrency.latencyMs / 1000)} s = **${formatFigure(c.concurrency.inFlight)}**; ${R} × max_batch ${formatInt(c.concurrency.maxBatch)} = **${formatInt(c.concurrency.slots)}** slots${c.concurrency.exceeds ? ' ⚠ short' : ''}`,
    );
  if (!parts.length) return undefined;
  return `**Capacity at peak** (MLSD652): ${parts.join('; ')}.`;
}

// ------------------------------------------------------------------------------ TTFT (MLSD653)

export function ttftLabel(t: TtftFigures): string {
  const b = t.budget;
  return `${warn(t.exceeds)}TTFT path ${formatMs(t.path)}${b ? ` of ${formatMs(b.value)}${b.percentile ? ` ${b.percentile}` : ''}` : ''}`;
}

export function explainTtft(t: TtftFigures): string {
  const sum = `${t.terms.map((x) => `${x.label} ${formatMs(x.ms)}`).join(' + ')} = **${formatMs(t.path)}**`;
  const b = t.budget;
  const verdict = b
    ? t.exceeds
      ? ` ⚠ over the ttft ${b.percentile ? `${b.percentile} ` : ''}budget of ${formatMs(b.value)}.`
      : ` within the ttft ${b.percentile ? `${b.percentile} ` : ''}budget of ${formatMs(b.value)}.`
    : '.';
  const noGen = t.terms.some((x) => x.label.endsWith(' TTFT'))
    ? ''
    : ' The generator stage states no `ttft` (counted as 0): the real path is longer by its prefill.';
  return `**Time to first token** (MLSD653): ${sum} (stages before the text generator, its prefill, the network)${verdict}${noGen}`;
}

// ------------------------------------------------------------------------------ cost (MLSD654)

export function costLabel(c: CostFigures): string {
  const $ = (x: number) => formatMoney(x, c.money);
  const parts: string[] = [];
  if (c.monthly !== undefined) {
    const b =
      c.budgetMonthly && c.exceedsMonthly !== undefined
        ? ` of ${formatMoney(c.budgetMonthly.value.amount, c.budgetMonthly.value)}`
        : '';
    parts.push(`${$(c.monthly)}/month${b}`);
  }
  if (c.perRequest !== undefined) {
    const b =
      c.budgetPerRequest && c.exceedsPerRequest !== undefined
        ? ` of ${formatMoney(c.budgetPerRequest.value.amount, c.budgetPerRequest.value)}`
        : '';
    parts.push(`${$(c.perRequest)}/request${b}`);
  }
  return `${warn(!!c.exceedsMonthly || !!c.exceedsPerRequest)}≈ ${parts.join(' · ')}`;
}

export function explainCost(c: CostFigures): string {
  const $ = (x: number) => formatMoney(x, c.money);
  let s = '**Serving cost** (MLSD654): ';
  if (c.source === 'fleet')
    s += `${formatInt(c.count ?? 0)} accelerators × ${$(c.pricePerHour ?? 0)}/h × ${formatInt(c.hoursPerMonth ?? 0)} h = **${$(c.monthly ?? 0)}/month** (the fleet is paid whether busy or idle)${c.perRequest !== undefined && c.requestsPerMonth ? `; ÷ ${formatInt(c.requestsPerMonth)} requests/month = **${$(c.perRequest)} per request**` : ''}`;
  else {
    const per =
      c.source === 'tokens'
        ? `(${formatInt(c.inputTokens ?? 0)} input tokens × ${$(c.priceIn ?? 0)}/1M + ${formatInt(c.outputTokens ?? 0)} output tokens × ${$(c.priceOut ?? 0)}/1M) = **${$(c.perRequest ?? 0)} per request**`
        : `**${$(c.perRequest ?? 0)} per request** (\`${c.source}\`, taken as all-in)`;
    s += per;
    if (c.monthly !== undefined && c.requestsPerMonth !== undefined)
      s += `; × ${formatInt(c.requestsPerMonth)} requests/month${c.hitRate !== undefined ? ` × (1 − ${formatFigure(c.hitRate * 100)}% cache hits)` : ''} = **${$(c.monthly)}/month**`;
    else s += '; state `requirements.scale.requests_per_day` (or dau and requests per user) for the monthly figure';
  }
  const budgets: string[] = [];
  const cmp = (over: boolean | undefined, what: string, b: { value: { amount: number } } & { value: object }) =>
    over === undefined
      ? `the ${what} budget is in another currency (not compared)`
      : `${over ? '⚠ over' : 'within'} the ${what} budget of ${formatMoney(b.value.amount, b.value as CostFigures['money'])}`;
  if (c.budgetMonthly) budgets.push(cmp(c.exceedsMonthly, 'monthly', c.budgetMonthly));
  if (c.budgetPerRequest) budgets.push(cmp(c.exceedsPerRequest, 'per-request', c.budgetPerRequest));
  return `${s}${budgets.length ? `; ${budgets.join('; ')}` : ''}.`;
}

// ------------------------------------------------------------------------------ context budget (MLSD450)

export interface ContextFigures {
  total: number;
  window: number;
  terms: string[];
  nodes: MNode[];
  windowNode: MNode;
}

/** genai-domain.md §4.13: the request length against the generator's context window, when both are known. */
export function contextFigures(doc: MlsdDoc): ContextFigures | undefined {
  const g = generatorInfo(doc);
  const cwNode = g ? child(g.candidate, 'context_window') : undefined;
  if (!g || !cwNode || !doc.isStated(cwNode) || cwNode.kind !== 'scalar') return undefined;
  const window = doc.quantity(pathOf(cwNode))?.value;
  const len = requestLength(doc);
  if (window === undefined || !(window > 0) || !len) return undefined;
  const terms: string[] = [];
  const nodes: MNode[] = [cwNode];
  if (len.input) {
    terms.push(`${formatInt(len.input.value)} prompt`);
    nodes.push(len.input.node);
  }
  if (len.retrieved) {
    terms.push(`${formatInt(len.retrieved.topK.value)} × ${formatInt(len.retrieved.size.value)} retrieved`);
    nodes.push(len.retrieved.topK.node, len.retrieved.size.node);
  }
  if (len.output) {
    terms.push(`${formatInt(len.output.value)} output`);
    nodes.push(len.output.node);
  }
  return { total: len.total, window, terms, nodes, windowNode: cwNode };
}

export function contextLabel(c: ContextFigures): string {
  return `${warn(c.total > c.window)}request ${formatInt(c.total)} of ${formatInt(c.window)} tokens`;
}

export function explainContext(c: ContextFigures): string {
  return `**Context budget** (MLSD450): ${c.terms.join(' + ')} = **${formatInt(c.total)} tokens**, ${c.total > c.window ? '⚠ over' : 'within'} the context window of ${formatInt(c.window)}${c.total > c.window ? '' : ` (${formatInt(c.window - c.total)} to spare)`}.`;
}

// ------------------------------------------------------------------------------ accelerators (§4.17)

/** Hover on a `serving.gpu.type` value naming a known accelerator: its datasheet row (genai-domain.md §4.17). */
export function explainAccelerator(text: string | undefined): string | undefined {
  const hit = lookupAccelerator(text);
  if (!hit) return undefined;
  const a = hit.accelerator;
  const mem =
    a.memory.length > 1
      ? `${formatGB(hit.memory)} (of ${a.memory.map((m) => formatGB(m)).join(' / ')})`
      : formatGB(hit.memory);
  const tb = (b: number) => `${Math.round(b / 1e10) / 100} TB/s`;
  return (
    `**${a.name}** · accelerator (genai-domain.md §4.17, datasheet figures, rounded)\n\n` +
    `| memory | bandwidth | dense bf16 |\n|---|---|---|\n| ${mem} | ${tb(hit.bandwidth)} | ~${formatInt(a.flops / 1e12)} TFLOPS |\n\n` +
    `State \`serving.gpu.memory: ${Math.round(hit.memory / 1e9)}GB\`. One decode step reads all weights once, so a single sequence generates at most about bandwidth ÷ weights tokens per second. Prices vary by provider and contract: state \`serving.cost.price_per_gpu_hour\`.`
  );
}

// ------------------------------------------------------------------------------ placement

/** Every generative serving figure with its place (genai.md §12), shown whether or not a rule fires. */
export function genaiFigurePlaces(doc: MlsdDoc, opts: GenaiOptions = {}): GenaiFigurePlace[] {
  const out: GenaiFigurePlace[] = [];
  const stated = (...ns: (MNode | undefined)[]) => ns.filter((n): n is MNode => !!n && doc.isStated(n));

  const mem = memoryFigures(doc, opts);
  // the KV cache is a text generator's (MLSD651): an image or video generator shows its weights only
  const textOut = mem?.generator.taskType !== undefined && TEXT_OUTPUT_TASK_TYPES_LIST.includes(mem.generator.taskType);
  const m =
    mem && !textOut ? { ...mem, fit: undefined, kvPerToken: undefined, tokens: undefined, textOut: false } : mem;
  if (m)
    out.push({
      anchor: m.nodes.memory,
      nodes: stated(
        m.nodes.memory,
        m.nodes.parameters,
        m.nodes.precision,
        m.nodes.maxBatch,
        doc.node('serving.gpu.per_replica'),
        doc.node('serving.gpu.kv_cache.precision'),
        ...['layers', 'kv_heads', 'head_dim'].map((k) => child(m.generator.candidate, k)),
      ),
      label: memoryLabel(m),
      explanation: explainMemory(m),
    });

  const c = capacityFigures(doc, opts);
  const cl = c && capacityLabel(c);
  const ce = c && explainCapacity(c);
  if (c && cl && ce)
    out.push({
      anchor: c.nodes.count,
      nodes: stated(
        c.nodes.count,
        doc.node('serving.gpu.throughput.output_tokens_per_s'),
        doc.node('serving.gpu.throughput.requests_per_s'),
        doc.node('serving.gpu.max_batch'),
      ),
      label: cl,
      explanation: ce,
    });

  const t = ttftFigures(doc);
  if (t) {
    const budgetMap = doc.node('requirements.performance.ttft');
    const anchor = t.budget?.node ?? t.terms.find((x) => x.label.endsWith(' TTFT'))?.node;
    if (anchor)
      out.push({
        anchor,
        nodes: stated(budgetMap, t.budget?.node, ...t.terms.map((x) => x.node)),
        label: ttftLabel(t),
        explanation: explainTtft(t),
      });
  }

  const k = costFigures(doc, opts);
  if (k && (k.monthly !== undefined || k.perRequest !== undefined)) {
    const anchor = k.budgetMonthly?.node ?? k.budgetPerRequest?.node ?? k.node;
    if (anchor)
      out.push({
        anchor,
        nodes: stated(k.budgetMonthly?.node, k.budgetPerRequest?.node, k.node, doc.node('serving.cost')),
        label: costLabel(k),
        explanation: explainCost(k),
      });
  }

  const x = contextFigures(doc);
  if (x) out.push({ anchor: x.windowNode, nodes: x.nodes, label: contextLabel(x), explanation: explainContext(x) });
  return out;
}
