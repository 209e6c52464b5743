/**
 * The describer: one Markdown rendering of each thing the format and the domain know about — a field of
 * the catalogue, an enum value, a task type, a metric, a loss, an archetype. Hover and completion
 * documentation both call it, so an entry reads the same wherever the user meets it; they add only what
 * depends on the place (hover: the doc's figures; completion: what the inserted text leaves to fill).
 * Pure functions over the catalogue and the domain tables.
 */
import {
  ARCHETYPE_ENUM,
  type EnumValue,
  type FieldSpec,
  STEP_KEYS,
  STEP_TITLES,
  type StepKey,
  stepNumber,
  TASK_TYPE_ENUM,
} from './catalog';
import {
  archetypeInfo,
  cutoffFor,
  GENERATIVE_ARCHETYPES,
  type GuardrailInfo,
  isTaskType,
  TASKS,
  type LossInfo,
  type MetricFamily,
  type MetricInfo,
  metricsForTask,
  normalizeName,
  type TaskType,
  taskInfo,
} from './domain';

export type Path = readonly (string | number)[];

const code = (s: string | number) => `\`${s}\``;
const codes = (xs: readonly string[], sep = ', ') => xs.map(code).join(sep);

/** `data.sources[].id` for a path with list indices. */
export function pathText(path: Path): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[]` : acc ? `${acc}.${p}` : p), '');
}

// ------------------------------------------------------------------------------ fields

const TYPE_TEXT: Record<string, string> = {
  text: 'text',
  number: 'number',
  integer: 'integer',
  bool: '`true` / `false`',
  quantity: 'quantity',
  bytes: 'bytes',
  rate: 'rate',
  duration: 'duration',
  latency: 'duration',
  id: 'id',
  enum: 'enum',
  metric: 'metric',
  money: 'money (`$0.004`, `€1.2M`, `12 USD`)',
  free: 'free form',
  map: 'mapping',
};
const REF_TEXT: Record<string, string> = {
  source: 'reference to a `data.sources[].id`',
  candidate: 'reference to a `model.candidates[].id`',
  onlineMetric: 'reference to one of `evaluation.online.metrics`',
  stage: 'reference to a `model.stages[].id`',
  judge: 'reference to an `evaluation.judges[].id`',
};

/** What a field holds, in a few words of Markdown: `mapping`, `list of metrics`, `reference to a …`. */
export function fieldType(s: FieldSpec): string {
  if (s.ref) return `${s.soft ? 'soft ' : ''}${REF_TEXT[s.ref] ?? 'reference'}`;
  if (s.type === 'ref') return 'reference';
  if (s.type === 'list') {
    const it = s.item;
    if (!it) return 'list';
    if (it.type === 'map') return 'list of entries';
    if (it.type === 'metric') return 'list of metrics';
    if (it.type === 'enum') return 'list of values';
    return `list of ${TYPE_TEXT[it.type] ?? it.type}`;
  }
  return TYPE_TEXT[s.type] ?? s.type;
}

/** The framework step a field belongs to: its own, or its section's. */
export function stepOf(s: FieldSpec, path: Path): number | undefined {
  if (s.step) return s.step;
  return typeof path[0] === 'string' ? stepNumber(path[0]) : undefined;
}

function stepTitle(step: number): string {
  return STEP_TITLES[STEP_KEYS[step - 1] as StepKey];
}

/** A one-line plain-text summary of a field (completion's detail): `mapping · step 1 Requirements`. */
export function fieldSummary(s: FieldSpec, path: Path): string {
  const step = stepOf(s, path);
  return [fieldType(s).replace(/`/g, ''), step ? `step ${step} ${stepTitle(step)}` : undefined]
    .filter(Boolean)
    .join(' · ');
}

function fieldsLine(s: FieldSpec): string | undefined {
  const fields =
    s.type === 'map'
      ? s.fields
      : s.type === 'list' && s.item?.type === 'map'
        ? s.item.fields
        : s.alt?.type === 'map'
          ? s.alt.fields
          : undefined;
  if (!fields?.length) return undefined;
  return `${s.type === 'list' ? 'Each entry' : 'Fields'}: ${codes(fields.map((f) => f.key))}`;
}

/**
 * A field of the catalogue: a header line (key, type, path, framework step), then what to write, its
 * values, its fields or an example, and the other shape it accepts. `example` stands in when the
 * catalogue has none (hover passes a declared id for a reference).
 */
export function describeField(s: FieldSpec, path: Path, opts: { example?: string } = {}): string {
  const key = s.key;
  const step = stepOf(s, path);
  const isSection = path.length === 1 && (STEP_KEYS as readonly string[]).includes(String(path[0]));
  const head = [
    `**${code(key)}**`,
    fieldType(s),
    path.length > 1 ? code(pathText(path)) : undefined,
    step && !isSection ? `Step ${step} of 7 · ${stepTitle(step)}` : undefined,
  ].filter(Boolean);
  const parts = [head.join(' · '), s.description];
  const values = s.enum ?? s.item?.enum;
  if (values?.length)
    parts.push(
      `Values: ${codes(
        values.map((v) => v.value),
        ' · ',
      )}`,
    );
  const fields = fieldsLine(s);
  if (fields) parts.push(fields);
  else if (!values?.length) {
    const ex = s.example ?? opts.example;
    if (ex !== undefined) parts.push(`Example: \`${key}: ${ex}\``);
  }
  if (s.alt && s.alt.type !== 'map') parts.push(`Also accepted: a single ${fieldType(s.alt)} value.`);
  return parts.join('\n\n');
}

// ------------------------------------------------------------------------------ enum values

/**
 * A value of an enum field at `path`: a task type or an archetype with its domain knowledge, any other
 * value with its catalogue description. Undefined when `value` is not one of the field's values.
 */
export function describeEnumValue(s: FieldSpec, value: string, path: Path): string | undefined {
  const values = s.enum ?? s.item?.enum;
  const e = values?.find((v) => v.value === value);
  if (!values || !e) return undefined;
  if (values === TASK_TYPE_ENUM && isTaskType(value)) return describeTaskType(value);
  if (values === ARCHETYPE_ENUM) return describeArchetype(value) ?? plainEnumValue(e, path);
  return plainEnumValue(e, path);
}

function plainEnumValue(e: EnumValue, path: Path): string {
  let end = path.length;
  while (end > 0 && typeof path[end - 1] === 'number') end--;
  const also = e.aliases?.length ? `\n\nAlso written: ${codes(e.aliases)}` : '';
  return `**${code(e.value)}** · ${code(pathText(path.slice(0, end)))}\n\n${e.description}${also}`;
}

// ------------------------------------------------------------------------------ domain entries

/** How a fitting metric is written for a task type: `ndcg@k` for ranking, `ap@iou=0.5` for detection. */
export function metricSpellingFor(m: MetricInfo, t: TaskType): string {
  const c = cutoffFor(m, t);
  return c === 'k' ? `${m.name}@k` : c === 'iou' ? `${m.name}@iou=0.5` : m.name;
}

/** The metrics that fit a task type, as written for it: `` `ndcg@k`, `map@k`, `mrr` ``. */
export function fittingMetrics(t: TaskType): string {
  return metricsForTask(t)
    .map((m) => code(metricSpellingFor(m, t)))
    .join(', ');
}

/** A task type: what it predicts, the offline metrics and the losses that fit it. */
export function describeTaskType(t: TaskType): string {
  const info = taskInfo(t);
  const parts = [`**${code(t)}** · task type`];
  if (!info) return parts[0];
  parts.push(info.description);
  const metrics = fittingMetrics(t);
  if (metrics) parts.push(`**Offline metrics that fit:** ${metrics}`);
  parts.push(
    info.losses.length
      ? `**Losses that fit:** ${codes(info.losses)}. Typical: ${info.typicalLoss}`
      : `**Loss:** ${info.typicalLoss}`,
  );
  return parts.join('\n\n');
}

/** One of the book's archetypes: its framing, metrics, scale and classic pitfalls (undefined for `other`). */
export function describeArchetype(id: string): string | undefined {
  const info = archetypeInfo(id);
  if (!info || info.id === 'other') return undefined;
  const generative = GENERATIVE_ARCHETYPES.includes(info.id);
  const book = generative ? '*Generative AI System Design Interview* ch.' : 'book ch.';
  const parts = [
    `**${code(info.id)}** · ${info.title}${info.chapter ? `, ${book} ${info.chapter}` : ''}`,
    info.framing,
  ];
  if (info.stages) parts.push(`**Typical stages:** ${info.stages}`);
  if (info.offlineMetrics.length) parts.push(`**Offline metrics:** ${codes(info.offlineMetrics)}`);
  if (info.onlineMetrics.length) parts.push(`**Online metrics:** ${codes(info.onlineMetrics)}`);
  parts.push(`**${generative ? 'Typical figures' : 'Scale'}:** ${info.scale}`);
  if (info.pitfalls.length)
    parts.push(
      `**${generative ? 'What reviewers raise' : 'Classic pitfalls'}:**\n${info.pitfalls.map((p) => `- ${p}`).join('\n')}`,
    );
  return parts.join('\n\n');
}

const FAMILY_TEXT: Record<MetricFamily, string> = {
  classification: 'classification metric',
  regression: 'regression metric',
  ranking: 'ranking metric',
  detection: 'detection / segmentation metric',
  generation: 'generation metric',
  clustering: 'clustering metric',
  online: 'online metric',
};

/** `ranking metric`, `detection / segmentation metric` … */
export function familyText(f: MetricFamily): string {
  return FAMILY_TEXT[f] ?? 'metric';
}

/**
 * How a metric is used where it is described: the spelling as written (to name an alias), and its
 * cutoff — a number, `'k'` when the cutoff is still to be written (a `@k` placeholder, or completion's
 * `@k` item), or an IoU threshold (`'iou'` when still to be written).
 */
export interface MetricUse {
  written?: string;
  k?: number | 'k';
  iou?: number | 'iou';
}

function cutoffLine(use: MetricUse): string | undefined {
  if (use.k === 'k')
    return '**Cutoff `@k`:** write the number of results that count, the items users actually see (`@10` = the top 10).';
  if (typeof use.k === 'number')
    return `**Cutoff \`@${use.k}\`:** only the top ${use.k} result${use.k === 1 ? '' : 's'} of each ranked list count.`;
  if (use.iou === 'iou')
    return '**IoU threshold `@iou=`:** a detection counts as correct when its box overlaps a ground-truth box at least that much (PASCAL VOC uses 0.5; COCO averages 0.5:0.95).';
  if (use.iou !== undefined)
    return `**IoU threshold ${use.iou}:** a detection counts as correct when its box overlaps a ground-truth box with IoU ≥ ${use.iou} (PASCAL VOC uses 0.5; COCO averages 0.5:0.95).`;
  return undefined;
}

/** A metric: its family, the cutoff in use, its definition, when to use it, its common misuse, its aliases. */
export function describeMetric(m: MetricInfo, use: MetricUse = {}): string {
  const base = use.written?.split('@')[0].trim();
  const alias = base && normalizeName(base) !== m.name ? ` (written ${code(base)}, an alias)` : '';
  const parts = [`**${code(m.name)}** · ${familyText(m.family)}${alias}`];
  const cut = cutoffLine(use);
  if (cut) parts.push(cut);
  parts.push(`${m.definition}${m.lowerIsBetter ? ' Lower is better.' : ''}`);
  if (m.range) parts.push(`**Range:** ${m.range} · ${m.lowerIsBetter ? 'lower is better' : 'higher is better'}`);
  parts.push(`**When to use:** ${m.whenToUse}`);
  if (m.range) {
    // v1.1 generative metrics: the task types whose fit table lists it (genai.md §9)
    const fits = TASKS.filter((t) => t.metrics.includes(m.name)).map((t) => t.type);
    if (fits.length && m.family !== 'online') parts.push(`**Fits:** ${codes(fits)}`);
  }
  if (m.misuse) parts.push(`**Common misuse:** ${m.misuse}`);
  const aliases = m.aliases.filter((a) => normalizeName(a) !== m.name);
  if (aliases.length) parts.push(`Also written: ${codes(aliases)}`);
  return parts.join('\n\n');
}

/** A loss: what it computes, and its other spellings (`written` names the spelling used, when not canonical). */
export function describeLoss(l: LossInfo, written?: string): string {
  const w = written?.trim();
  const alias = w && normalizeName(w) !== l.name ? ` (written ${code(w)})` : '';
  const parts = [`**${code(l.name)}** · loss${alias}`, l.description];
  if (l.aliases.length) parts.push(`Also written: ${codes(l.aliases)}`);
  return parts.join('\n\n');
}

/** A known guardrail name (genai.md §2.5): its side, what it checks and the spellings it is recognized by. */
export function describeGuardrail(g: GuardrailInfo, written?: string): string {
  const w = written?.trim();
  const as = w && normalizeName(w) !== g.name ? ` (recognized in ${code(w)})` : '';
  const parts = [`**${code(g.name)}** · ${g.side} guardrail${as}`, g.checks];
  if (g.aliases.length) parts.push(`Also recognized: ${g.aliases.map((a) => `"${a}"`).join(', ')}`);
  return parts.join('\n\n');
}
