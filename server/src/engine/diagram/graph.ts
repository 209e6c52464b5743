/**
 * The system diagram as a graph (issue 11): data sources → features → the model stages in request order →
 * the response, with the training path (labels, split, training, retraining) drawn apart from the serving
 * path. Missing pieces are placeholder nodes, so the gaps show. Generative systems add the request-time
 * steps of genai.md §3: input guardrails, cache, retrieval (corpus → index), rerank, prompt, generation,
 * output guardrails. Generative keys are read by path, as text, so the graph does not depend on the
 * catalogue knowing them.
 *
 * Pure and bounded: at most `maxSources` sources, `maxFeatures` features and `maxStages` stages are drawn,
 * the rest fold into one "+N more" node each, so a doc of thousands of features gives a diagram of a few dozen nodes.
 */
import type { MlsdDoc, Path } from '../model';
import { child, pathOf, type MNode } from '../parse';
import { latencyRequirement, qpsFigures, servingLatency } from '../figures';
import { clip, formatCount, formatDuration, formatPercent, normalize, parseDuration, parseRate } from '../values';

export type DiagramGroup = 'data' | 'training' | 'serving';

export type DiagramNodeKind =
  | 'source'
  | 'feature'
  | 'features'
  | 'more'
  | 'labels'
  | 'split'
  | 'training'
  | 'retraining'
  | 'request'
  | 'guardrail'
  | 'cache'
  | 'index'
  | 'retrieval'
  | 'rerank'
  | 'prompt'
  | 'generation'
  | 'stage'
  | 'model'
  | 'response'
  | 'fallback';

export interface DiagramNode {
  /** unique within the graph, stable for the same doc */
  id: string;
  label: string;
  kind: DiagramNodeKind;
  group: DiagramGroup;
  /** a missing piece: drawn dashed */
  placeholder?: boolean;
  /** a second line: kind, figures, the missing key */
  detail?: string;
  /** where the piece is written (or would be written), as UTF-16 offsets into the doc */
  span?: [number, number];
}

export interface DiagramEdge {
  from: string;
  to: string;
  label?: string;
  dashed?: boolean;
}

export interface SystemGraph {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export interface SystemGraphOptions {
  /** sources drawn one by one; the rest fold into a "+N more" node (default 10) */
  maxSources?: number;
  /** features drawn one by one; the rest fold into a "+N more" node (default 10) */
  maxFeatures?: number;
  /** stages drawn one by one; the rest fold into a "+N more stages" node on the request path (default 12) */
  maxStages?: number;
}

const LABEL_MAX = 40;
const DETAIL_MAX = 80;

/** Source kinds whose rows can carry labels (outcomes, annotations, preferences). */
const LABEL_KINDS = new Set([
  'interactions',
  'logs',
  'annotations',
  'transactions',
  'time-series',
  'demonstrations',
  'preferences',
]);
/** Task types whose model generates content (format.md + genai.md §2.2). */
const GENERATIVE_TASKS = new Set([
  'text-generation',
  'image-generation',
  'sequence-to-sequence',
  'image-to-text',
  'video-generation',
  'super-resolution',
]);
/** Generative task types that take a text prompt (model.prompt applies). */
const PROMPTED_TASKS = new Set(['text-generation', 'sequence-to-sequence', 'image-to-text']);

class Builder {
  readonly nodes: DiagramNode[] = [];
  readonly edges: DiagramEdge[] = [];
  private readonly ids = new Set<string>();
  private readonly edgeKeys = new Set<string>();

  constructor(readonly doc: MlsdDoc) {}

  add(node: Omit<DiagramNode, 'id'> & { id: string }): string {
    let id = node.id;
    for (let n = 2; this.ids.has(id); n++) id = `${node.id}#${n}`;
    this.ids.add(id);
    const out: DiagramNode = { ...node, id, label: clip(node.label, LABEL_MAX) || '?' };
    if (node.detail !== undefined) {
      const d = clip(node.detail, DETAIL_MAX);
      if (d) out.detail = d;
      else delete out.detail;
    }
    if (!node.placeholder) delete out.placeholder;
    if (!node.span) delete out.span;
    this.nodes.push(out);
    return id;
  }

  /** A placeholder for a missing piece, located where the key would be written. */
  missing(id: string, label: string, kind: DiagramNodeKind, group: DiagramGroup, path: string): string {
    return this.add({ id, label, kind, group, placeholder: true, detail: `${path} not stated`, span: this.at(path) });
  }

  edge(from: string | undefined, to: string | undefined, label?: string, dashed?: boolean): void {
    if (!from || !to || from === to) return;
    const key = `${from}\u0000${to}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    const e: DiagramEdge = { from, to };
    if (label) e.label = clip(label, LABEL_MAX);
    if (dashed) e.dashed = true;
    this.edges.push(e);
  }

  /** The span of a key when written, else where it would go. */
  at(path: Path): [number, number] {
    const n = this.doc.node(path);
    const s = n ? this.doc.keySpan(n) : this.doc.missingSpan(path);
    return [s.start, s.end];
  }

  spanOf(n: MNode): [number, number] {
    const s = this.doc.keySpan(n);
    return [s.start, s.end];
  }

  text(n: MNode | undefined, key?: string): string | undefined {
    const v = key ? child(n, key) : n;
    return this.doc.textOf(v);
  }
}

const join = (parts: (string | undefined | false)[]): string | undefined => {
  const kept = parts.filter((p): p is string => !!p);
  return kept.length ? kept.join(' · ') : undefined;
};

const ms = (v: string | undefined, bareIsMs = true): string | undefined => {
  if (v === undefined) return undefined;
  const d = parseDuration(v, bareIsMs);
  return d === undefined ? undefined : formatDuration(d);
};

/** The system diagram of a doc. Total: never throws on odd input; missing pieces are placeholders. */
export function systemGraph(doc: MlsdDoc, options: SystemGraphOptions = {}): SystemGraph {
  const maxSources = Math.max(1, options.maxSources ?? 10);
  const maxFeatures = Math.max(1, options.maxFeatures ?? 10);
  const maxStages = Math.max(1, options.maxStages ?? 12);
  const b = new Builder(doc);

  const same = (a: string | undefined, c: string | undefined) => !!a && !!c && normalize(a) === normalize(c);
  const task = normalize(doc.str('framing.task_type') ?? '');
  const stageEntries = doc.entries('model.stages');
  const stageTask = (s: MNode) => normalize(b.text(s, 'task_type') ?? '');
  const hasRetrieval = doc.stated('model.retrieval');
  const generative =
    GENERATIVE_TASKS.has(task) ||
    stageEntries.some((s) => GENERATIVE_TASKS.has(stageTask(s))) ||
    hasRetrieval ||
    doc.stated('model.prompt') ||
    doc.stated('model.decoding') ||
    doc.stated('serving.guardrails');

  // ---------------------------------------------------------------- data: sources
  const sourceNode = new Map<string, string>();
  const sources = doc.entries('data.sources');
  let moreSources: string | undefined;
  sources.forEach((s, i) => {
    const written = b.text(s, 'id');
    const key = written !== undefined ? normalize(written) : undefined;
    if (i >= maxSources) {
      moreSources ??= b.add({
        id: 'source:+more',
        label: `+${formatInt(sources.length - maxSources)} more sources`,
        kind: 'more',
        group: 'data',
        span: b.spanOf(s),
      });
      if (key !== undefined && !sourceNode.has(key)) sourceNode.set(key, moreSources);
      return;
    }
    const idNode = child(s, 'id');
    const id = b.add({
      id: `source:${written ?? i + 1}`,
      label: written ?? `source ${i + 1}`,
      kind: 'source',
      group: 'data',
      detail: join([b.text(s, 'kind'), b.text(s, 'volume')]),
      span: idNode ? [idNode.start, idNode.end] : b.spanOf(s),
    });
    if (key !== undefined && !sourceNode.has(key)) sourceNode.set(key, id);
  });
  const noSources =
    sources.length === 0 ? b.missing('source:?', 'data sources', 'source', 'data', 'data.sources') : undefined;

  // ---------------------------------------------------------------- data: features
  const features = doc.entries('data.features');
  let hub: string | undefined;
  if (features.length) {
    const fs = doc.str('serving.feature_store');
    hub = b.add({
      id: 'features',
      label: fs ? 'feature store' : 'features',
      kind: 'features',
      group: 'data',
      detail: join([`${formatInt(features.length)} feature${features.length === 1 ? '' : 's'}`, fs]),
      span: b.at('data.features'),
    });
    let more: string | undefined;
    features.forEach((f, i) => {
      const src = b.text(f, 'source');
      const from = src !== undefined ? sourceNode.get(normalize(src)) : noSources;
      if (i >= maxFeatures) {
        more ??= b.add({
          id: 'feature:+more',
          label: `+${formatInt(features.length - maxFeatures)} more`,
          kind: 'more',
          group: 'data',
          detail: 'features not drawn',
          span: b.spanOf(f),
        });
        b.edge(from, more);
        return;
      }
      const written = b.text(f, 'id');
      const idNode = child(f, 'id');
      const id = b.add({
        id: `feature:${written ?? i + 1}`,
        label: written ?? `feature ${i + 1}`,
        kind: 'feature',
        group: 'data',
        detail: join([b.text(f, 'entity'), b.text(f, 'type'), b.text(f, 'freshness')]),
        span: idNode ? [idNode.start, idNode.end] : b.spanOf(f),
      });
      b.edge(from, id);
      b.edge(id, hub);
    });
    b.edge(more, hub);
  } else if (!generative) {
    hub = b.missing('features', 'features', 'features', 'data', 'data.features');
    for (const s of new Set(sourceNode.values())) b.edge(s, hub);
    b.edge(noSources, hub);
  }

  // ---------------------------------------------------------------- training path
  const labelsStated = doc.stated('data.labels');
  let labels: string | undefined;
  if (labelsStated) {
    const rate = doc.rate('data.labels.positive_rate');
    labels = b.add({
      id: 'labels',
      label: 'labels',
      kind: 'labels',
      group: 'training',
      detail: join([
        doc.str('data.labels.source'),
        rate !== undefined && `${formatPercent(rate)} positive`,
        ms(doc.str('data.labels.delay'), false) && `final after ${ms(doc.str('data.labels.delay'), false)}`,
        !doc.stated('data.labels.source') &&
          doc.str('data.labels.eval_source') &&
          `eval: ${doc.str('data.labels.eval_source')}`,
      ]),
      span: b.at('data.labels'),
    });
  } else if (!generative) labels = b.missing('labels', 'labels', 'labels', 'training', 'data.labels');
  if (labels) {
    const kinds = sources.slice(0, maxSources).filter((s) => LABEL_KINDS.has(normalize(b.text(s, 'kind') ?? '')));
    for (const s of kinds) {
      const written = b.text(s, 'id');
      b.edge(written !== undefined ? sourceNode.get(normalize(written)) : undefined, labels);
    }
  }

  let split: string | undefined;
  if (doc.stated('data.split')) {
    split = b.add({
      id: 'split',
      label: 'split',
      kind: 'split',
      group: 'training',
      detail: join([doc.str('data.split.strategy'), doc.str('data.split.ratios')]),
      span: b.at('data.split'),
    });
  } else if (!generative) split = b.missing('split', 'split', 'split', 'training', 'data.split');

  const selected = doc.str('model.selected');
  const loss = doc.str('model.loss');
  const trainingStated = !!selected || !!loss || doc.stated('model.training') || doc.stated('model.candidates');
  let training: string | undefined;
  if (trainingStated && (!generative || loss || doc.stated('model.training') || labels || split)) {
    const from = doc.str('model.training.from');
    const chosen = doc.entries('model.candidates').find((c) => same(b.text(c, 'id'), selected));
    const adaptation = doc.textList(chosen ? [...pathOf(chosen), 'adaptation'] : []).join(', ');
    training = b.add({
      id: 'training',
      label: 'training',
      kind: 'training',
      group: 'training',
      detail: join([selected && `model ${selected}`, loss && `loss ${loss}`, from, adaptation]),
      span: b.at(loss ? 'model.loss' : doc.stated('model.training') ? 'model.training' : 'model'),
    });
  } else if (!generative) training = b.missing('training', 'training', 'training', 'training', 'model.loss');

  let retraining: string | undefined;
  const cadence = doc.str('monitoring.retraining.cadence');
  if (doc.stated('monitoring.retraining')) {
    const trigger = doc.str('monitoring.retraining.trigger');
    retraining = b.add({
      id: 'retraining',
      label: 'retraining',
      kind: 'retraining',
      group: 'training',
      detail: join([cadence && `every ${ms(cadence, false) ?? cadence}`, trigger]),
      span: b.at('monitoring.retraining'),
    });
  } else if (!generative)
    retraining = b.missing('retraining', 'retraining', 'retraining', 'training', 'monitoring.retraining.cadence');

  b.edge(labels, split);
  b.edge(split ?? labels, training);
  if (hub && training) b.edge(hub, training, 'training rows');
  b.edge(training, retraining);

  // ---------------------------------------------------------------- serving path
  const chain: string[] = [];
  const mode = doc.str('serving.mode') ?? doc.str('requirements.performance.mode');
  const nmode = normalize(mode ?? '');
  const qps = qpsFigures(doc);
  const req = latencyRequirement(doc);
  const reqLatency = req ? `${req.percentile ?? 'latency'} ≤ ${formatDuration(req.budget)}` : undefined;
  const peak = doc.quantity('requirements.scale.qps_peak')?.value ?? qps?.peak;
  const modePath = doc.stated('serving.mode') ? 'serving.mode' : 'requirements.performance.mode';
  chain.push(
    mode
      ? b.add({
          id: 'request',
          label: nmode === 'batch' ? 'batch job' : nmode === 'streaming' ? 'event stream' : 'request',
          kind: 'request',
          group: 'serving',
          detail: join([
            mode,
            nmode !== 'batch' && peak !== undefined && `peak ${formatCount(peak)} QPS`,
            nmode !== 'batch' && reqLatency,
            nmode === 'batch' &&
              ms(doc.str('serving.refresh'), false) &&
              `every ${ms(doc.str('serving.refresh'), false)}`,
          ]),
          span: b.at(modePath),
        })
      : b.missing('request', 'request', 'request', 'serving', 'serving.mode'),
  );

  const userFacing = doc.bool('framing.user_facing') ?? nmode !== 'batch';
  const guardrail = (side: 'input' | 'output'): string | undefined => {
    const path = `serving.guardrails.${side}`;
    const items = doc.textList(path);
    if (items.length)
      return b.add({
        id: `guardrails:${side}`,
        label: `${side} guardrails`,
        kind: 'guardrail',
        group: 'serving',
        detail: items.join(', '),
        span: b.at(path),
      });
    if (generative && userFacing)
      return b.missing(`guardrails:${side}`, `${side} guardrails`, 'guardrail', 'serving', path);
    return undefined;
  };
  const inputGuard = guardrail('input');
  if (inputGuard) chain.push(inputGuard);

  let cache: string | undefined;
  if (doc.stated('serving.cache')) {
    const hit = doc.str('serving.cache.hit_rate');
    const hitRate = hit !== undefined ? parseRate(hit) : undefined;
    cache = b.add({
      id: 'cache',
      label: 'cache',
      kind: 'cache',
      group: 'serving',
      detail: join([
        doc.textList('serving.cache.kind').join(', '),
        hitRate?.inRange && `${formatPercent(hitRate.value)} hits`,
      ]),
      span: b.at('serving.cache'),
    });
    chain.push(cache);
  }

  // the model steps, in request order
  const embedding = doc.str('model.retrieval.embedding_model');
  const reranker = doc.str('model.retrieval.reranker');
  const roleOf = (s: MNode): DiagramNodeKind => {
    const t = stageTask(s);
    const model = b.text(s, 'model');
    if (GENERATIVE_TASKS.has(t)) return 'generation';
    if (hasRetrieval && same(model, reranker)) return 'rerank';
    if (t === 'retrieval' || (hasRetrieval && same(model, embedding))) return 'retrieval';
    return 'stage';
  };
  const decodingOf = (s?: MNode, global = true): string | undefined => {
    const d = (s && child(s, 'decoding')) ?? (global ? doc.node('model.decoding') : undefined);
    if (!d || !doc.isStated(d)) return undefined;
    const strategy = b.text(d, 'strategy') ?? b.text(d, 'sampler');
    const t = b.text(d, 'temperature');
    const steps = b.text(d, 'steps');
    return join([strategy, t !== undefined && `T=${t}`, steps !== undefined && `${steps} steps`]);
  };
  const gpu = (): string | undefined => {
    const type = doc.str('serving.gpu.type');
    const count = doc.str('serving.gpu.count');
    if (!type && !count) return undefined;
    return count ? `${count}× ${type ?? 'GPU'}` : type;
  };

  interface Step {
    id: string;
    kind: DiagramNodeKind;
    model?: string;
  }
  const steps: Step[] = [];
  // model.decoding and serving.gpu describe the generator: the first generating stage
  let generated = false;
  stageEntries.forEach((s, i) => {
    if (i >= maxStages) {
      if (i === maxStages)
        steps.push({
          id: b.add({
            id: 'stage:+more',
            label: `+${formatInt(stageEntries.length - maxStages)} more stages`,
            kind: 'more',
            group: 'serving',
            span: b.spanOf(s),
          }),
          kind: 'more',
        });
      return;
    }
    const written = b.text(s, 'id');
    const idNode = child(s, 'id');
    const kind = roleOf(s);
    const model = b.text(s, 'model');
    const latency = ms(b.text(s, 'latency'));
    const ttft = ms(b.text(s, 'ttft'));
    const id = b.add({
      id: `stage:${written ?? i + 1}`,
      label: written ?? `stage ${i + 1}`,
      kind,
      group: 'serving',
      detail: join([
        model,
        latency,
        ttft && `TTFT ${ttft}`,
        kind === 'generation' && decodingOf(s, !generated),
        kind === 'generation' && !generated && gpu(),
      ]),
      span: idNode ? [idNode.start, idNode.end] : b.spanOf(s),
    });
    steps.push({ id, kind, model });
    if (kind === 'generation') generated = true;
  });
  if (!steps.length && !generative) {
    const cands = doc.entries('model.candidates');
    const chosen = cands.find((c) => same(b.text(c, 'id'), selected)) ?? (cands.length === 1 ? cands[0] : undefined);
    if (chosen || selected) {
      steps.push({
        id: b.add({
          id: 'model',
          label: `model ${selected ?? b.text(chosen, 'id') ?? ''}`.trim(),
          kind: 'model',
          group: 'serving',
          detail: b.text(chosen, 'architecture'),
          span: b.at(selected ? 'model.selected' : 'model.candidates'),
        }),
        kind: 'model',
      });
    } else steps.push({ id: b.missing('model', 'model', 'model', 'serving', 'model.stages'), kind: 'model' });
  }
  if (generative) {
    const firstGen = steps.findIndex((s) => s.kind === 'generation');
    let insertAt = firstGen < 0 ? steps.length : firstGen;
    if (hasRetrieval) {
      const topK = doc.str('model.retrieval.top_k');
      if (!steps.some((s) => s.kind === 'retrieval')) {
        steps.splice(0, 0, {
          id: b.add({
            id: 'retrieval',
            label: 'retrieval',
            kind: 'retrieval',
            group: 'serving',
            detail: join([
              embedding,
              doc.str('model.retrieval.first_stage_k') && `k=${doc.str('model.retrieval.first_stage_k')}`,
            ]),
            span: b.at('model.retrieval'),
          }),
          kind: 'retrieval',
        });
        insertAt++;
      }
      if (reranker && !steps.some((s) => s.kind === 'rerank')) {
        const at = steps.findIndex((s) => s.kind === 'retrieval') + 1;
        steps.splice(at, 0, {
          id: b.add({
            id: 'rerank',
            label: 'rerank',
            kind: 'rerank',
            group: 'serving',
            detail: join([reranker, topK && `top ${topK}`]),
            span: b.at('model.retrieval.reranker'),
          }),
          kind: 'rerank',
        });
        if (at <= insertAt) insertAt++;
      }
    }
    const prompted = PROMPTED_TASKS.has(task) || steps.some((s) => s.kind === 'generation' && !!s.model);
    let prompt: string | undefined;
    if (doc.stated('model.prompt')) {
      const maxIn = doc.str('model.prompt.max_input_tokens');
      prompt = b.add({
        id: 'prompt',
        label: 'prompt',
        kind: 'prompt',
        group: 'serving',
        detail: join([
          doc.str('model.prompt.version'),
          maxIn && `≤ ${maxIn} tokens`,
          hasRetrieval && doc.str('model.retrieval.top_k') && `+ top ${doc.str('model.retrieval.top_k')} chunks`,
        ]),
        span: b.at('model.prompt'),
      });
    } else if (PROMPTED_TASKS.has(task) || (prompted && hasRetrieval))
      prompt = b.missing('prompt', 'prompt', 'prompt', 'serving', 'model.prompt');
    if (prompt) {
      steps.splice(insertAt, 0, { id: prompt, kind: 'prompt' });
      insertAt++;
    }
    if (!steps.some((s) => s.kind === 'generation')) {
      steps.splice(insertAt, 0, {
        id: b.add({
          id: 'generation',
          label: selected ? `generation ${selected}` : 'generation',
          kind: 'generation',
          group: 'serving',
          detail: join([decodingOf(), gpu()]),
          span: b.at(selected ? 'model.selected' : doc.stated('model.decoding') ? 'model.decoding' : 'model'),
        }),
        kind: 'generation',
      });
    }
  }
  chain.push(...steps.map((s) => s.id));

  const outputGuard = guardrail('output');
  if (outputGuard) chain.push(outputGuard);

  const lat = servingLatency(doc);
  const batch = nmode === 'batch';
  const response = b.add({
    id: 'response',
    label: batch ? 'stored predictions' : 'response',
    kind: 'response',
    group: 'serving',
    detail: join([
      lat && `${formatDuration(lat.sum)} total${lat.network ? ` incl. ${formatDuration(lat.network)} network` : ''}`,
      lat && req && `budget ${formatDuration(req.budget)}`,
      !lat && reqLatency,
      doc.str('framing.output'),
    ]),
    span: b.at(doc.stated('framing.output') ? 'framing.output' : 'serving'),
  });
  chain.push(response);
  for (let i = 1; i < chain.length; i++)
    b.edge(chain[i - 1], chain[i], cache && chain[i - 1] === cache ? 'miss' : undefined);
  if (cache) b.edge(cache, response, 'hit', true);

  // features enter at the first model step (the stage that reads them); the index feeds retrieval
  const firstModel = steps[0]?.id;
  if (hub) b.edge(hub, steps.find((s) => s.kind !== 'retrieval' && s.kind !== 'prompt')?.id ?? firstModel);

  if (doc.stated('serving.index') || hasRetrieval) {
    const vectors = doc.str('serving.index.vectors');
    const dim = doc.str('serving.index.dim');
    const type = doc.str('serving.index.type');
    const index = b.add({
      id: 'index',
      label: hasRetrieval ? 'vector index' : 'index',
      kind: 'index',
      group: 'serving',
      detail: join([
        type,
        dim && `${dim}-d`,
        vectors && `${vectors} vectors`,
        doc.str('serving.index.refresh') &&
          `refresh ${ms(doc.str('serving.index.refresh'), false) ?? doc.str('serving.index.refresh')}`,
        hasRetrieval && embedding && `embeds: ${embedding}`,
      ]),
      span: b.at(doc.stated('serving.index') ? 'serving.index' : 'model.retrieval'),
    });
    const corpus = doc.textList('model.retrieval.corpus');
    if (corpus.length) for (const c of corpus) b.edge(sourceNode.get(normalize(c)), index, 'indexed');
    else if (hasRetrieval) b.edge(noSources, index);
    b.edge(index, steps.find((s) => s.kind === 'retrieval')?.id ?? firstModel, 'lookup');
  }

  // a source that feeds nothing drawn so far feeds training (generative docs: pretraining or fine-tuning data)
  const feeding = new Set(b.edges.map((e) => e.from));
  for (const s of new Set(sourceNode.values())) if (!feeding.has(s)) b.edge(s, training ?? labels);

  // the trained model is deployed to the serving step that runs the selected model
  const deployTo = steps.find((s) => same(s.model, selected))?.id ?? steps.find((s) => s.kind === 'model')?.id;
  b.edge(retraining ?? training, deployTo ?? firstModel, 'deploys', true);

  // fallback: a dashed path around the model steps
  const lastModel = steps[steps.length - 1]?.id;
  const fallbackText = doc.str('serving.fallback');
  const fallback = fallbackText
    ? b.add({
        id: 'fallback',
        label: 'fallback',
        kind: 'fallback',
        group: 'serving',
        detail: fallbackText,
        span: b.at('serving.fallback'),
      })
    : b.missing('fallback', 'fallback', 'fallback', 'serving', 'serving.fallback');
  b.edge(lastModel, fallback, 'on failure', true);
  b.edge(fallback, response, undefined, true);

  // serving nodes listed in request order (the Mermaid text reads top to bottom as the request flows)
  const rank = new Map(chain.map((id, i) => [id, i]));
  const order = (id: string) => rank.get(id) ?? chain.length;
  const servingSorted = b.nodes
    .filter((n) => n.group === 'serving')
    .map((n, i) => ({ n, i }))
    .sort((x, y) => order(x.n.id) - order(y.n.id) || x.i - y.i)
    .map((x) => x.n);
  let k = 0;
  const nodes = b.nodes.map((n) => (n.group === 'serving' ? servingSorted[k++] : n));
  return { nodes, edges: b.edges };
}

/** 1990 → "1,990" (no locale data: the same text on every machine). */
function formatInt(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
