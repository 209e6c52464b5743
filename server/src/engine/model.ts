/**
 * The document model: typed, read-only access to a parsed design doc. Built once per document version
 * (see `analyze`/`DocCache`); rules, completion, hover, symbols and code actions all read it.
 *
 * Semantics (rules.md "Interpretation"):
 * - *stated*: present, not null, not empty, not a placeholder (TBD, TODO, ?, …, ...).
 * - typed getters (`enumOf`, `quantity`, `rate`, `duration` …) return undefined for values that are not
 *   stated OR invalid (invalid values are reported once, by MLSD003, and are unknown to other rules).
 */
import {
  findMetric,
  isTaskType,
  RANKING_TASKS,
  RECOMMENDATION_ARCHETYPES,
  type MetricInfo,
  type TaskType,
} from './domain';
import { enumCanonical, isLatencyKey, specAt, STEP_KEYS, type FieldSpec, type StepKey } from './catalog';
import { child, lineEndAt, nodeAt, pathOf, type MNode, type ParsedDoc } from './parse';
import { commaSplits } from './commaSplits';
import {
  isPlaceholder,
  type Money,
  moneyPeriodOf,
  parseDuration,
  parseMetricSpelling,
  parseMoney,
  parseQuantity,
  parseRate,
  perSecond,
  type Quantity,
} from './values';

export type Path = string | readonly (string | number)[];

export interface Span {
  start: number;
  end: number;
}

/** A location with a note, for a finding's related information. */
export interface Related extends Span {
  message: string;
}

export interface MetricRef {
  node: MNode;
  /** span of the name as written (the scalar, or the `name:` value of a mapping) */
  span: Span;
  written: string;
  /** normalized base name (without cutoff, aliases not resolved) */
  normalized: string;
  info?: MetricInfo;
  k?: number | 'k';
  iou?: number;
  hasCutoff: boolean;
}

export class MlsdDoc {
  /**
   * Per-document memos (the parsed tree never changes after parsing): node lookups by path, field specs
   * by node, and facts several rules ask (`memo`). Keeps the rules' repeated reads off the hot path.
   */
  private readonly nodes = new Map<string, MNode | undefined>();
  private readonly nodesByParts = new Map<string, MNode | undefined>();
  private readonly specs = new Map<MNode, FieldSpec | undefined>();
  private readonly memos = new Map<unknown, unknown>();

  constructor(
    readonly parsed: ParsedDoc,
    readonly uri = '',
    readonly version: number | null = null,
  ) {}

  /**
   * A value computed once per document: `key` names the computation (a function or a unique string).
   * Callers must not mutate what it returns (arrays are shared between callers).
   */
  memo<T>(key: unknown, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const v = compute();
    this.memos.set(key, v);
    return v;
  }

  get text(): string {
    return this.parsed.text;
  }
  get root(): MNode | undefined {
    return this.parsed.root;
  }
  /** The root if it is a mapping (the only valid top level). */
  get top(): MNode | undefined {
    return this.parsed.root?.kind === 'map' ? this.parsed.root : undefined;
  }

  node(path: Path): MNode | undefined {
    // string paths (`a.b`: two keys) and arrays (`['a.b']`: one key; numbers index lists) are keyed apart,
    // arrays by their JSON text (which tells 0 from '0' and escapes every character of a key)
    const cache = typeof path === 'string' ? this.nodes : this.nodesByParts;
    const key = typeof path === 'string' ? path : JSON.stringify(path);
    if (cache.has(key)) return cache.get(key);
    const n = nodeAt(this.top, path);
    cache.set(key, n);
    return n;
  }

  /** True when the node is present with a real value (not null, empty, or a placeholder). */
  isStated(n: MNode | undefined): boolean {
    if (!n) return false;
    if (n.kind === 'map') return (n.entries?.length ?? 0) > 0;
    if (n.kind === 'seq') return (n.items ?? []).some((i) => this.isStated(i));
    if (n.value === null || n.value === undefined) return false;
    if (typeof n.value === 'string' && (n.value.trim() === '' || isPlaceholder(n.value))) return false;
    return true;
  }

  stated(path: Path): boolean {
    return this.isStated(this.node(path));
  }

  /** A step section (`data`, `model` …) is present when it is stated. */
  sectionPresent(key: StepKey): boolean {
    return this.stated([key]);
  }

  /** The step section is absent or a mapping (a list or scalar there is MLSD003's finding). */
  sectionIsMap(key: StepKey): boolean {
    const n = this.node([key]);
    return !n || n.kind === 'map' || !this.isStated(n);
  }

  specOf(n: MNode): FieldSpec | undefined {
    if (this.specs.has(n)) return this.specs.get(n);
    const spec = specAt(pathOf(n));
    this.specs.set(n, spec);
    return spec;
  }

  /** Stated scalar as text (numbers and booleans stringified). */
  textOf(n: MNode | undefined): string | undefined {
    if (n?.kind !== 'scalar' || !this.isStated(n)) return undefined;
    return String(n.value);
  }
  str(path: Path): string | undefined {
    return this.textOf(this.node(path));
  }

  /** Canonical enum value of a stated, valid enum field; undefined otherwise. */
  enumValueOf(n: MNode | undefined, spec = n ? this.specOf(n) : undefined): string | undefined {
    const t = this.textOf(n);
    if (t === undefined || this.isCut(n)) return undefined;
    const values = spec?.enum ?? spec?.item?.enum;
    if (!values) return undefined;
    return enumCanonical(values, t);
  }
  enumOf(path: Path): string | undefined {
    return this.enumValueOf(this.node(path));
  }

  number(path: Path): number | undefined {
    const n = this.node(path);
    if (!n || !this.isStated(n) || this.isCut(n)) return undefined;
    if (typeof n.value === 'number' && Number.isFinite(n.value)) return n.value;
    return undefined;
  }

  bool(path: Path): boolean | undefined {
    const n = this.node(path);
    return n && n.kind === 'scalar' && typeof n.value === 'boolean' ? n.value : undefined;
  }

  /** A value cut short by a comma split (MLSD011) is stated but unknown: never computed with. */
  isCut(n: MNode | undefined): boolean {
    return commaSplits(this).isTruncated(n);
  }

  quantity(path: Path): Quantity | undefined {
    const n = this.node(path);
    if (n?.kind !== 'scalar' || !this.isStated(n) || this.isCut(n)) return undefined;
    return parseQuantity(n.value, { bytes: this.specOf(n)?.type === 'bytes' });
  }

  /**
   * v1.1 money (genai.md §1.1): amount and currency; undefined when not stated or invalid (a period suffix
   * only where the key accepts one).
   */
  money(path: Path): Money | undefined {
    const n = this.node(path);
    if (n?.kind !== 'scalar' || !this.isStated(n) || this.isCut(n)) return undefined;
    return parseMoney(n.value, moneyPeriodOf(n.key));
  }

  /** v1.1: a per-second capacity (`throughput.*`): `/s`, `/min`, `/h` converted, no unit = per second. */
  perSecond(path: Path): number | undefined {
    return perSecond(this.quantity(path));
  }

  /** A rate in [0, 1]; undefined when not stated, unparsable or out of range. */
  rate(path: Path): number | undefined {
    const n = this.node(path);
    if (n?.kind !== 'scalar' || !this.isStated(n) || this.isCut(n)) return undefined;
    const r = parseRate(n.value);
    return r?.inRange ? r.value : undefined;
  }

  /** A duration in milliseconds (bare numbers are ms for latency keys). */
  durationOf(n: MNode | undefined): number | undefined {
    if (n?.kind !== 'scalar' || !this.isStated(n) || this.isCut(n)) return undefined;
    return parseDuration(n.value, isLatencyKey(n.key));
  }
  duration(path: Path): number | undefined {
    return this.durationOf(this.node(path));
  }

  /** Items of a list field; a single stated scalar counts as a one-item list. */
  list(path: Path): MNode[] {
    const n = this.node(path);
    if (!n) return [];
    if (n.kind === 'seq') return n.items ?? [];
    if (n.kind === 'scalar' && this.isStated(n)) return [n];
    return [];
  }

  /** Stated text items of a list of text. */
  textList(path: Path): string[] {
    return this.list(path)
      .map((i) => this.textOf(i))
      .filter((x): x is string => x !== undefined);
  }

  /** Stated items of a list of mappings (entries that are maps). */
  entries(path: Path): MNode[] {
    return this.list(path).filter((i) => i.kind === 'map');
  }

  /** The metrics of a metric list (`evaluation.offline.metrics` …), parsed. Invalid spellings are skipped. */
  metrics(path: Path): MetricRef[] {
    const out: MetricRef[] = [];
    for (const item of this.list(path)) {
      const m = this.metricOf(item);
      if (m) out.push(m);
    }
    return out;
  }

  metricOf(item: MNode): MetricRef | undefined {
    let nameNode: MNode | undefined = item;
    let k: number | undefined;
    let iou: number | undefined;
    if (item.kind === 'map') {
      nameNode = child(item, 'name');
      const kn = child(item, 'k');
      if (kn && typeof kn.value === 'number') k = kn.value;
      const iouNode = child(item, 'iou_threshold');
      if (iouNode && typeof iouNode.value === 'number') iou = iouNode.value;
    }
    const written = this.textOf(nameNode);
    if (!nameNode || written === undefined) return undefined;
    const sp = parseMetricSpelling(written);
    if (!sp) return undefined;
    const info = findMetric(sp.name);
    return {
      node: item,
      span: { start: nameNode.start, end: nameNode.end },
      written,
      normalized: sp.normalized,
      info,
      k: sp.k ?? k,
      iou: sp.iou ?? iou,
      hasCutoff: sp.hasCutoff || k !== undefined || iou !== undefined,
    };
  }

  /** framing.task_type when stated and valid. */
  taskType(): TaskType | undefined {
    return this.memo('taskType', () => {
      const t = this.enumOf('framing.task_type');
      return t && isTaskType(t) ? t : undefined;
    });
  }

  /** Valid task types of `framing.heads[]`. */
  headTaskTypes(): TaskType[] {
    const out = this.memo('headTaskTypes', () => {
      const out: TaskType[] = [];
      for (const h of this.entries('framing.heads')) {
        const t = this.enumValueOf(child(h, 'task_type'));
        if (t && isTaskType(t)) out.push(t);
      }
      return out;
    });
    return out.slice();
  }

  /** The task types metrics are checked against: the heads' types when heads are typed, else the task type. */
  effectiveTaskTypes(): TaskType[] {
    const out = this.memo('effectiveTaskTypes', () => {
      const heads = this.headTaskTypes();
      const main = this.taskType();
      const set = new Set<TaskType>(heads);
      if (main && (heads.length === 0 || main !== 'multitask-classification')) set.add(main);
      return [...set];
    });
    return out.slice();
  }

  /** The archetype when stated and valid (canonical spelling). */
  archetype(): string | undefined {
    return this.enumOf('archetype');
  }

  /** rules.md "ranks or recommends": ranking-family task type, or a recommendation archetype. */
  ranksOrRecommends(): boolean {
    const t = this.taskType();
    if (t && RANKING_TASKS.includes(t)) return true;
    if (this.headTaskTypes().some((h) => RANKING_TASKS.includes(h))) return true;
    const a = this.archetype();
    return !!a && RECOMMENDATION_ARCHETYPES.includes(a);
  }

  /** Where a finding about a missing key goes: the key of the nearest present ancestor, or the first content line. */
  missingSpan(path: Path): Span {
    const parts = typeof path === 'string' ? path.split('.') : [...path];
    for (let i = parts.length - 1; i >= 1; i--) {
      const n = this.node(parts.slice(0, i));
      if (n && n.keyStart !== undefined && n.keyEnd !== undefined && !n.aliased)
        return { start: n.keyStart, end: n.keyEnd };
    }
    return this.docSpan();
  }

  /** The first line with content (not blank, not a comment): where document-level findings go. */
  docSpan(): Span {
    const { lineStarts, text } = this.parsed;
    for (let l = 0; l < lineStarts.length && l < 10_000; l++) {
      const s = lineStarts[l];
      const e = lineEndAt(this.parsed, s);
      const line = text.slice(s, e);
      if (line.trim() !== '' && !line.trimStart().startsWith('#') && !/^(---|%)/.test(line))
        return { start: s, end: e };
    }
    return { start: 0, end: lineEndAt(this.parsed, 0) };
  }

  /** The span of a node's key when it has one (where "this section/field" findings go), else of its value. */
  keySpan(n: MNode): Span {
    if (n.keyStart !== undefined && n.keyEnd !== undefined) return { start: n.keyStart, end: n.keyEnd };
    return this.valueSpan(n);
  }

  /** The span of a node's value, clamped to its first line. */
  valueSpan(n: MNode): Span {
    const end = Math.min(n.end, lineEndAt(this.parsed, n.start));
    return { start: n.start, end: Math.max(end, n.start) };
  }

  /** The node of a map field, its spec and its key span, for "this key" findings. */
  field(path: Path): { node?: MNode; span: Span } {
    const node = this.node(path);
    return { node, span: node ? this.keySpan(node) : this.missingSpan(path) };
  }
}

export { STEP_KEYS };
