/**
 * Facts about generative docs (genai.md §4 "Definitions the rules use"), re-exported by `facts.ts`: rules
 * import them from there. Each function is one definition of §4, decided from keys only; free text is read
 * only where a list is declared free text (guardrails). Plain functions over `MlsdDoc`.
 */
import {
  ADAPTATIONS,
  GENERATIVE_ARCHETYPES,
  type GuardrailInfo,
  type GuardrailSide,
  isGenerativeTask,
  matchGuardrails,
  TASK_TYPES,
  TEXT_OUTPUT_TASKS,
  type TaskType,
  archetypeInfo,
  normalizeName,
} from './domain';
import type { MlsdDoc } from './model';
import { child, type MNode, pathOf } from './parse';

const asTask = (t: string | undefined): TaskType | undefined =>
  t && (TASK_TYPES as readonly string[]).includes(t) ? (t as TaskType) : undefined;

/** An archetype id that is one of the ten generative archetypes (genai.md §2.1). */
export function generativeArchetype(doc: MlsdDoc): string | undefined {
  const a = doc.archetype();
  return a && GENERATIVE_ARCHETYPES.includes(a) ? a : undefined;
}

/**
 * *Generative doc* (genai.md §4): `framing.task_type` is a generative task type, or `archetype` is a
 * generative archetype, or some `model.stages[].task_type` is a generative task type.
 */
export function isGenerative(doc: MlsdDoc): boolean {
  if (isGenerativeTask(doc.taskType())) return true;
  if (generativeArchetype(doc)) return true;
  return doc.entries('model.stages').some((s) => isGenerativeTask(doc.enumValueOf(child(s, 'task_type'))));
}

export interface StageRef {
  index: number;
  id?: string;
  taskType: TaskType;
  node: MNode;
}

function typedStages(doc: MlsdDoc): StageRef[] {
  const out: StageRef[] = [];
  doc.entries('model.stages').forEach((s, index) => {
    const t = asTask(doc.enumValueOf(child(s, 'task_type')));
    if (t) out.push({ index, id: doc.textOf(child(s, 'id')), taskType: t, node: s });
  });
  return out;
}

/**
 * *Generator stage* (genai.md §4): the last `model.stages[]` entry whose `task_type` is generative and not
 * `super-resolution` — the stage producing what the user receives. Earlier generative stages are
 * pre-generation stages (they count in the TTFT path).
 */
export function generatorStage(doc: MlsdDoc): StageRef | undefined {
  return typedStages(doc)
    .filter((s) => isGenerativeTask(s.taskType) && s.taskType !== 'super-resolution')
    .at(-1);
}

/** *Text generator stage* (genai.md §4): the last stage whose task type is a text-output type. */
export function textGeneratorStage(doc: MlsdDoc): StageRef | undefined {
  return typedStages(doc)
    .filter((s) => TEXT_OUTPUT_TASKS.includes(s.taskType))
    .at(-1);
}

/** The `model.candidates[]` entry with this id (case-insensitive, `_`/`-` alike). */
export function candidateById(doc: MlsdDoc, id: string | undefined): MNode | undefined {
  if (id === undefined) return undefined;
  const n = normalizeName(id);
  return doc.entries('model.candidates').find((c) => {
    const cid = doc.textOf(child(c, 'id'));
    return cid !== undefined && normalizeName(cid) === n;
  });
}

/**
 * *Generator* (genai.md §4): the candidate named by the generator stage's `model`; else `model.selected`;
 * undefined when neither resolves (rules that need one do not fire).
 */
export function generator(doc: MlsdDoc): MNode | undefined {
  const stage = generatorStage(doc);
  const byStage = stage ? candidateById(doc, doc.textOf(child(stage.node, 'model'))) : undefined;
  return byStage ?? candidateById(doc, doc.str('model.selected'));
}

/** *The generator's task type* (genai.md §4): the generator stage's `task_type`, else `framing.task_type`. */
export function generatorTaskType(doc: MlsdDoc): TaskType | undefined {
  return generatorStage(doc)?.taskType ?? doc.taskType();
}

/**
 * *Production candidates* (genai.md §4): candidates referenced by `model.selected`, any
 * `model.stages[].model`, `model.retrieval.embedding_model` or `.reranker`; when none is referenced and
 * exactly one candidate exists, that one. In list order, without repeats.
 */
export function productionCandidates(doc: MlsdDoc): MNode[] {
  const names = [
    doc.str('model.selected'),
    ...doc.entries('model.stages').map((s) => doc.textOf(child(s, 'model'))),
    doc.str('model.retrieval.embedding_model'),
    doc.str('model.retrieval.reranker'),
  ];
  const wanted = new Set(names.filter((x): x is string => x !== undefined).map(normalizeName));
  const all = doc.entries('model.candidates');
  const used = all.filter((c) => {
    const id = doc.textOf(child(c, 'id'));
    return id !== undefined && wanted.has(normalizeName(id));
  });
  if (used.length) return used;
  return all.length === 1 ? all : [];
}

/** *Batch* (genai.md §4, rules.md *predicts in batch*). */
function batch(doc: MlsdDoc): boolean {
  if (doc.stated('serving.mode')) return doc.enumOf('serving.mode') === 'batch';
  return doc.enumOf('requirements.performance.mode') === 'batch';
}

/**
 * *User-facing* (genai.md §4): a generative doc with `framing.user_facing: true`, or `user_facing` not
 * stated and either not batch or a generative archetype.
 */
export function userFacing(doc: MlsdDoc): boolean {
  if (!isGenerative(doc)) return false;
  const stated = doc.bool('framing.user_facing');
  if (stated !== undefined) return stated;
  return !batch(doc) || generativeArchetype(doc) !== undefined;
}

/**
 * *User prompt* (genai.md §4): `framing.user_prompt`, else the archetype's default (§2.1), else true for a
 * user-facing doc whose generator's task type is text-generation, else false.
 */
export function userPrompt(doc: MlsdDoc): boolean {
  const stated = doc.bool('framing.user_prompt');
  if (stated !== undefined) return stated;
  const a = generativeArchetype(doc);
  const byArchetype = a ? archetypeInfo(a)?.userPrompt : undefined;
  if (byArchetype !== undefined) return byArchetype;
  return userFacing(doc) && generatorTaskType(doc) === 'text-generation';
}

/**
 * *Streamed* (genai.md §4): the generator's task type is text-generation, the doc is user-facing, and
 * `streaming: true`, or `streaming` not stated and (archetype chatbot or rag, or the response length —
 * `scale.output_tokens` or `prompt.max_output_tokens` — is at least `streamingOutputTokens`).
 * `streaming: false` is never streamed.
 */
export function streamed(doc: MlsdDoc, streamingOutputTokens: number): boolean {
  if (generatorTaskType(doc) !== 'text-generation' || !userFacing(doc)) return false;
  const stated = doc.bool('requirements.performance.streaming');
  if (stated !== undefined) return stated;
  const a = doc.archetype();
  if (a === 'chatbot' || a === 'rag') return true;
  const lengths = [doc.quantity('requirements.scale.output_tokens'), doc.quantity('model.prompt.max_output_tokens')];
  return lengths.some((q) => q !== undefined && q.value >= streamingOutputTokens);
}

/**
 * *Retrieves* (genai.md §4): `model.retrieval` has a stated key, or archetype `rag`, or a stage of task
 * type retrieval precedes a text-output stage, or a generative doc with a text-output generator states
 * `serving.index`.
 */
export function retrieves(doc: MlsdDoc): boolean {
  const r = doc.node('model.retrieval');
  if (r?.kind === 'map' && (r.entries ?? []).some((e) => doc.isStated(e))) return true;
  if (doc.archetype() === 'rag') return true;
  const types = doc.entries('model.stages').map((s) => doc.enumValueOf(child(s, 'task_type')));
  const firstRetrieval = types.indexOf('retrieval');
  if (firstRetrieval >= 0 && types.slice(firstRetrieval + 1).some((t) => TEXT_OUTPUT_TASKS.includes(t as TaskType)))
    return true;
  const gt = generatorTaskType(doc);
  return isGenerative(doc) && !!gt && TEXT_OUTPUT_TASKS.includes(gt) && doc.node('serving.index') !== undefined;
}

/** Source kinds indexed by default when a retrieving doc names no corpus (genai.md §4 *Retrieval corpus*). */
export const DEFAULT_CORPUS_KINDS = ['content', 'external', 'logs', 'interactions'];

/**
 * *Retrieval corpus* (genai.md §4): the sources named in `model.retrieval.corpus`; when that is not stated
 * and the doc retrieves, every source of kind content, external, logs or interactions.
 */
export function retrievalCorpus(doc: MlsdDoc): MNode[] {
  const sources = doc.entries('data.sources');
  const named = doc.textList('model.retrieval.corpus');
  if (doc.stated('model.retrieval.corpus')) {
    const keys = new Set(named.map(normalizeName));
    return sources.filter((s) => {
      const id = doc.textOf(child(s, 'id'));
      return id !== undefined && keys.has(normalizeName(id));
    });
  }
  if (!retrieves(doc)) return [];
  return sources.filter((s) => DEFAULT_CORPUS_KINDS.includes(doc.enumValueOf(child(s, 'kind')) ?? ''));
}

/** *Untrusted source* (genai.md §4): `untrusted: true`, or not stated and kind external, interactions or logs. */
export function untrustedSource(doc: MlsdDoc, source: MNode): boolean {
  const stated = doc.bool([...pathOf(source), 'untrusted']);
  if (stated !== undefined) return stated;
  return ['external', 'interactions', 'logs'].includes(doc.enumValueOf(child(source, 'kind')) ?? '');
}

const WEIGHT_TRAINING = new Set(ADAPTATIONS.filter((a) => a.trainsWeights).map((a) => a.name));

/**
 * *Trains weights* (genai.md §4): a production candidate's `adaptation` holds a weight-training value
 * (§2.3: all but prompting, few-shot and rag), or `model.training.from` is scratch or fine-tune in a
 * generative doc.
 */
export function trainsWeights(doc: MlsdDoc): boolean {
  for (const c of productionCandidates(doc))
    for (const item of doc.list([...pathOf(c), 'adaptation'])) {
      const v = doc.enumValueOf(item, undefined);
      if (v && WEIGHT_TRAINING.has(v)) return true;
    }
  const from = doc.enumOf('model.training.from');
  return isGenerative(doc) && (from === 'scratch' || from === 'fine-tune');
}

const FLOATING_VERSIONS = ['latest', 'stable', 'current', 'default', 'preview', 'auto'];

/**
 * *Floating* (genai.md §4), for a candidate: `pinned: false`; or `version` is latest, stable, current,
 * default, preview, auto or ends in `-latest`; or `provider: api` with no `version` and `pinned` not true.
 * Returns the reason in words, or undefined when the version is fixed.
 */
export function floatingCandidate(doc: MlsdDoc, c: MNode): string | undefined {
  const p = pathOf(c);
  const pinned = doc.bool([...p, 'pinned']);
  if (pinned === false) return '`pinned: false`';
  const version = doc.textOf(child(c, 'version'));
  if (version !== undefined) {
    const v = version.trim().toLowerCase();
    if (FLOATING_VERSIONS.includes(v) || v.endsWith('-latest')) return `\`version: ${version}\``;
    return undefined;
  }
  if (doc.enumValueOf(child(c, 'provider')) === 'api' && pinned !== true) return 'an API model with no `version`';
  return undefined;
}

/** A judge is floating (genai.md §4) when `pinned: false` or its `model` text ends in `latest`. */
export function floatingJudge(doc: MlsdDoc, judge: MNode): boolean {
  if (doc.bool([...pathOf(judge), 'pinned']) === false) return true;
  const m = doc.textOf(child(judge, 'model'));
  return m !== undefined && /latest\s*$/i.test(m);
}

/** The declared `evaluation.judges[]` by normalized id (the first of duplicates). */
export function judgesById(doc: MlsdDoc): Map<string, MNode> {
  const out = new Map<string, MNode>();
  for (const j of doc.entries('evaluation.judges')) {
    const id = doc.textOf(child(j, 'id'));
    if (id !== undefined && !out.has(normalizeName(id))) out.set(normalizeName(id), j);
  }
  return out;
}

/** The judge a metric entry names with `judge:`, when it resolves. */
export function judgeOf(doc: MlsdDoc, metricItem: MNode): MNode | undefined {
  if (metricItem.kind !== 'map') return undefined;
  const id = doc.textOf(child(metricItem, 'judge'));
  return id === undefined ? undefined : judgesById(doc).get(normalizeName(id));
}

export interface StatedGuardrail {
  /** the list item as written */
  text: string;
  node: MNode;
  /** the known guardrails it names (empty for a custom check) */
  matches: GuardrailInfo[];
}

/** The items of `serving.guardrails.input` or `.output`, each with the known guardrails it names (§2.5). */
export function statedGuardrails(doc: MlsdDoc, side: GuardrailSide): StatedGuardrail[] {
  const out: StatedGuardrail[] = [];
  for (const n of doc.list(`serving.guardrails.${side}`)) {
    const text = doc.textOf(n);
    if (text !== undefined) out.push({ text, node: n, matches: matchGuardrails(text, side) });
  }
  return out;
}

/** The stated guardrail item that names the known guardrail `name` on `side`, if any. */
export function hasGuardrail(doc: MlsdDoc, side: GuardrailSide, name: string): StatedGuardrail | undefined {
  return statedGuardrails(doc, side).find((g) => g.matches.some((m) => m.name === name));
}

/**
 * Requests per day as *Requests per month* (genai.md §4) reads them: `scale.requests_per_day`, else dau ×
 * requests_per_user_per_day. (Peak QPS reads them the other way round: dau × rpu first.)
 */
export function requestsPerDay(doc: MlsdDoc): number | undefined {
  const stated = doc.quantity('requirements.scale.requests_per_day')?.value;
  if (stated !== undefined) return stated;
  const dau = doc.quantity('requirements.scale.dau')?.value;
  const rpu = doc.quantity('requirements.scale.requests_per_user_per_day')?.value;
  return dau !== undefined && rpu !== undefined ? dau * rpu : undefined;
}

/** *Requests per month* (genai.md §4): 30 × requests per day (`requests_per_day`, else dau × rpu). */
export function requestsPerMonth(doc: MlsdDoc): number | undefined {
  const d = requestsPerDay(doc);
  return d === undefined ? undefined : 30 * d;
}

/**
 * *Peak QPS* (genai.md §4): `scale.qps_peak`; else dau × requests_per_user_per_day / 86,400 × peak
 * factor; else requests_per_day / 86,400 × peak factor. The peak factor is `scale.peak_factor`, else
 * `defaultPeakFactor` (the `default_peak_factor` option). `from` names the keys it comes from.
 */
export function peakQps(
  doc: MlsdDoc,
  defaultPeakFactor: number,
): { qps: number; from: 'qps_peak' | 'dau' | 'requests_per_day' } | undefined {
  const stated = doc.quantity('requirements.scale.qps_peak')?.value;
  if (stated !== undefined) return { qps: stated, from: 'qps_peak' };
  const pf = doc.number('requirements.scale.peak_factor') ?? defaultPeakFactor;
  const dau = doc.quantity('requirements.scale.dau')?.value;
  const rpu = doc.quantity('requirements.scale.requests_per_user_per_day')?.value;
  if (dau !== undefined && rpu !== undefined) return { qps: ((dau * rpu) / 86_400) * pf, from: 'dau' };
  const rpd = doc.quantity('requirements.scale.requests_per_day')?.value;
  return rpd === undefined ? undefined : { qps: (rpd / 86_400) * pf, from: 'requests_per_day' };
}

/**
 * MLSD655's trigger (genai.md §7 no-provider-fallback), shared with MLSD606 (§8: not reported when MLSD655
 * fires): the production candidates with `provider: api` when the doc is not batch and `serving.fallback` is
 * not stated. Empty when the trigger does not hold.
 */
export function apiCandidatesWithoutFallback(doc: MlsdDoc): MNode[] {
  if (batch(doc) || doc.stated('serving.fallback')) return [];
  return productionCandidates(doc).filter((c) => doc.enumValueOf(child(c, 'provider')) === 'api');
}

/**
 * Personalized generation (genai.md §7 MLSD351, also read by MLSD553 d): archetype personalized-headshot, or
 * `framing.conditioning` includes `subject`. Returns the reason in words, or undefined.
 */
export function personalizedGeneration(doc: MlsdDoc): string | undefined {
  if (doc.archetype() === 'personalized-headshot') return 'archetype personalized-headshot';
  for (const item of doc.list('framing.conditioning'))
    if (doc.enumValueOf(item) === 'subject') return '`framing.conditioning` includes `subject`';
  return undefined;
}

/**
 * Text-conditioned generation (genai.md §7 MLSD553 c): archetype text-to-image or text-to-video, or
 * `framing.conditioning` includes `text`. Returns the reason in words, or undefined.
 */
export function textConditioned(doc: MlsdDoc): string | undefined {
  const a = doc.archetype();
  if (a === 'text-to-image' || a === 'text-to-video') return `archetype ${a}`;
  for (const item of doc.list('framing.conditioning'))
    if (doc.enumValueOf(item) === 'text') return '`framing.conditioning` includes `text`';
  return undefined;
}

/** The declared judges' kinds (`human`, `llm`, `model`, `rule`), for "a judge of kind … is declared". */
export function judgeKinds(doc: MlsdDoc): Set<string> {
  const out = new Set<string>();
  for (const j of doc.entries('evaluation.judges')) {
    const k = doc.enumValueOf(child(j, 'kind'));
    if (k) out.add(k);
  }
  return out;
}
