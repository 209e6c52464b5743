/**
 * Structural validation against the field catalogue: unknown keys (MLSD002) and values of the wrong
 * type or outside their enum (MLSD003; MLSD012 on the *descriptive* fields of format.md v1.1). Computed
 * once per MlsdDoc (cached) and read by the three rules.
 */
import { fieldOf, isLatencyKey, TOP_LEVEL, type FieldSpec } from './catalog';
import { commaSplits } from './commaSplits';
import { nearestNames } from './domain';
import type { MlsdDoc, Span } from './model';
import type { MNode } from './parse';
import { isPlaceholder, normalize, parseDuration, parseMetricSpelling, parseQuantity, parseRate } from './values';

export interface ValidationIssue extends Span {
  node: MNode;
  message: string;
  /** a one-line headline (≤ 100 characters) naming the key and the value */
  headline: string;
  /** the catalogue path of the field (`evaluation.online.experiment.unit`, `data.features[].type`) */
  path: string;
  /** the replacement for the single close candidate (safe fix) */
  replacement?: string;
  /** other close candidates (offered as suggestions) */
  candidates?: string[];
}

export interface Validation {
  unknownKeys: ValidationIssue[];
  /** invalid values of fields rules read (MLSD003) */
  invalidValues: ValidationIssue[];
  /** invalid values of descriptive fields (MLSD012, v1.1) */
  invalidDescriptive: ValidationIssue[];
}

const ID_RE = /^[a-z0-9][a-z0-9_.-]*$/i;
const cache = new WeakMap<MlsdDoc, Validation>();

export function validate(doc: MlsdDoc): Validation {
  let v = cache.get(doc);
  if (!v) {
    v = run(doc);
    cache.set(doc, v);
  }
  return v;
}

function pathLabel(n: MNode): string {
  const parts: string[] = [];
  let c: MNode | undefined = n;
  while (c?.parent) {
    if (c.key !== undefined && c.parent.kind === 'map') parts.unshift(c.key);
    else if (c.parent.kind === 'seq') parts.unshift('[]');
    c = c.parent;
  }
  return parts.join('.').replace(/\.\[\]/g, '[]');
}

function describeType(spec: FieldSpec): string {
  switch (spec.type) {
    case 'map':
      return 'a mapping';
    case 'list':
      return 'a list';
    case 'text':
      return 'text';
    case 'number':
      return 'a number';
    case 'integer':
      return 'a whole number';
    case 'bool':
      return '`true` or `false`';
    case 'quantity':
      return 'a quantity like `500M`, `2e9`, `5B/day` or `30M rows/day`';
    case 'bytes':
      return 'a size in bytes like `64GB` or `2TiB`';
    case 'rate':
      return 'a rate in [0, 1] or a percentage like `2%`';
    case 'duration':
      return 'a duration like `200ms`, `15min`, `1d` or `45 days` (units ms, s, min, h, d, w, mo, y, or a unit word)';
    case 'latency':
      return 'a duration like `200ms` (a bare number means milliseconds)';
    case 'id':
      return 'an id (`[a-z0-9][a-z0-9_.-]*`)';
    case 'enum':
      return `one of ${(spec.enum ?? []).map((e) => `\`${e.value}\``).join(', ')}`;
    case 'metric':
      return 'a metric name like `ndcg@10` or `pr-auc`';
    case 'ref':
      return 'an id';
    default:
      return 'a value';
  }
}

/** Shortens a written value for a headline. */
function clip(s: string, max = 30): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function headlineOf(label: string, n: MNode, spec: FieldSpec, replacement?: string): string {
  const v = n.kind === 'scalar' ? `\`${clip(String(n.value))}\`` : n.kind === 'map' ? 'a mapping' : 'a list';
  const what =
    spec.type === 'enum'
      ? 'not one of its values'
      : n.kind !== 'scalar'
        ? `not ${describeType(spec).replace(/ like .*/, '')}`
        : `not ${describeType(spec).replace(/ like .*| \(.*/, '')}`;
  const dym = replacement ? `; did you mean \`${clip(replacement, 24)}\`?` : '';
  const line = `${label} is ${v}: ${what}${dym}`;
  return line.length <= 100 ? line : `${line.slice(0, 99)}…`;
}

function run(doc: MlsdDoc): Validation {
  const out: Validation = { unknownKeys: [], invalidValues: [], invalidDescriptive: [] };
  const root = doc.root;
  if (!root) return out;
  if (root.kind !== 'map') {
    out.invalidValues.push({
      node: root,
      ...doc.valueSpan(root),
      path: '',
      headline: `The top level is ${root.kind === 'seq' ? 'a list' : 'a single value'}, not a mapping of keys`,
      message:
        'The top level of a design doc must be a mapping of keys (`mlsd: 1`, `title: …`, `requirements: …`), not a ' +
        (root.kind === 'seq' ? 'list' : 'single value') +
        '. Start from the skeleton: `mlsd: 1`, `title`, then the seven step sections.',
    });
    return out;
  }
  let budget = 200_000;
  // keys and values of comma splits are MLSD011's: not MLSD002, MLSD003 or MLSD012
  const splits = commaSplits(doc);
  // the field being checked: its spec and whether it is descriptive (list items inherit from the list)
  let current: { spec: FieldSpec; descriptive: boolean } | undefined;
  const invalid = (n: MNode, message: string, replacement?: string, candidates?: string[]) => {
    const spec = current?.spec ?? TOP_LEVEL;
    const path = pathLabel(n);
    const issue: ValidationIssue = {
      node: n,
      ...doc.valueSpan(n),
      message,
      headline: headlineOf(`\`${path}\``, n, spec, replacement),
      path,
      replacement,
      candidates,
    };
    (current?.descriptive ? out.invalidDescriptive : out.invalidValues).push(issue);
  };

  const checkMap = (n: MNode, spec: FieldSpec) => {
    for (const entry of n.entries ?? []) {
      if (--budget < 0) return;
      const key = entry.key ?? '';
      if (key.startsWith('x-')) continue;
      const fs = fieldOf(spec, key);
      if (!fs) {
        if (entry.aliased || splits.covers(entry.keyStart ?? entry.start)) continue;
        const known = (spec.type === 'map' ? spec.fields : spec.alt?.fields)?.map((x) => x.key) ?? [];
        const near = nearestNames(key, known, 3);
        const where = pathLabel(n) || 'the top level';
        const dym = near.length ? ` Did you mean \`${near[0]}\`?` : '';
        const where2 = pathLabel(n);
        out.unknownKeys.push({
          node: entry,
          start: entry.keyStart ?? entry.start,
          end: entry.keyEnd ?? entry.end,
          path: where2 ? `${where2}.${key}` : key,
          headline: clip(
            `Unknown key \`${clip(key, 40)}\` in ${where2 ? `\`${where2}\`` : 'the top level'}${near.length ? `; did you mean \`${near[0]}\`?` : ''}`,
            100,
          ),
          message: `Unknown key \`${key}\` in ${where === 'the top level' ? where : `\`${where}\``}.${dym} The checks ignore unknown keys, so what it says is invisible to review; rename it to a key of the format${
            near.length
              ? ''
              : ` (${known
                  .slice(0, 8)
                  .map((k) => `\`${k}\``)
                  .join(', ')}${known.length > 8 ? ', …' : ''})`
          } or prefix it with \`x-\` to keep it as an extension.`,
          replacement:
            near.length === 1 || (near.length > 1 && near[0] !== undefined && closeEnough(key, near[0]))
              ? near[0]
              : undefined,
          candidates: near,
        });
        continue;
      }
      if (splits.isTruncated(entry)) continue;
      checkValue(entry, fs);
    }
  };

  const checkValue = (n: MNode, spec: FieldSpec, inheritedDescriptive = false): void => {
    if (--budget < 0) return;
    if (spec.type === 'free') return;
    const descriptive = inheritedDescriptive || spec.descriptive === true;
    current = { spec, descriptive };
    // not stated: nothing to validate (placeholders are MLSD007's, never MLSD003)
    if (
      n.kind === 'scalar' &&
      (n.value === null ||
        n.value === undefined ||
        (typeof n.value === 'string' && (n.value.trim() === '' || isPlaceholder(n.value))))
    )
      return;
    if (spec.type === 'map') {
      if (n.kind === 'map') return checkMap(n, spec);
      if (spec.alt && n.kind === 'scalar') return checkValue(n, spec.alt, descriptive);
      return invalid(
        n,
        `\`${pathLabel(n)}\` must be ${describeType(spec)}${spec.alt ? ` or ${describeType(spec.alt)}` : ''}, not ${kindName(n)}. ${spec.description}`,
      );
    }
    if (spec.type === 'list') {
      if (n.kind === 'seq') {
        for (const it of n.items ?? []) if (spec.item) checkValue(it, spec.item, descriptive);
        return;
      }
      if (n.kind === 'scalar' && spec.scalarAsList && spec.item) return checkValue(n, spec.item, descriptive);
      return invalid(
        n,
        `\`${pathLabel(n)}\` must be a list (\`- item\` lines or \`[a, b]\`), not ${kindName(n)}. ${spec.description}`,
      );
    }
    // scalar types
    if (n.kind !== 'scalar') {
      if (spec.alt) return checkValue(n, spec.alt, descriptive);
      return invalid(n, `\`${pathLabel(n)}\` must be ${describeType(spec)}, not ${kindName(n)}.`);
    }
    const v = n.value;
    const label = `\`${pathLabel(n)}\``;
    switch (spec.type) {
      case 'text':
      case 'ref':
        return;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v))
          invalid(n, `${label} must be a number, not \`${String(v)}\`.`);
        return;
      case 'integer':
        if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0)
          invalid(n, `${label} must be a positive whole number, not \`${String(v)}\`.`);
        return;
      case 'bool':
        if (typeof v !== 'boolean') {
          const s = String(v).toLowerCase();
          const rep = ['yes', 'y', 'on'].includes(s) ? 'true' : ['no', 'n', 'off'].includes(s) ? 'false' : undefined;
          invalid(n, `${label} must be \`true\` or \`false\`, not \`${String(v)}\`.`, rep);
        }
        return;
      case 'quantity':
      case 'bytes':
        if (!parseQuantity(v, { bytes: spec.type === 'bytes' }))
          invalid(
            n,
            `${label} must be ${describeType(spec)}; \`${String(v)}\` does not parse. Write a number with an optional suffix k, M, B/G, T${spec.type === 'bytes' ? ' or a byte unit (KB, MB, GB, TB, KiB, MiB, GiB, TiB)' : ''}.`,
          );
        return;
      case 'rate': {
        const r = parseRate(v);
        if (!r)
          invalid(
            n,
            `${label} must be a rate: a number in [0, 1] or a percentage like \`2%\`; \`${String(v)}\` does not parse.`,
          );
        else if (!r.inRange) {
          const rep = typeof v === 'number' && v > 1 && v <= 100 ? `${v}%` : undefined;
          invalid(
            n,
            `${label} is ${String(v)}, outside [0, 1]. A rate is a share: write \`0.02\` or \`2%\`${rep ? ` (did you mean \`${rep}\`?)` : ''}.`,
            rep,
          );
        }
        return;
      }
      case 'duration':
      case 'latency': {
        const bare = spec.type === 'latency' || isLatencyKey(n.key);
        if (parseDuration(v, bare) === undefined) {
          const needsUnit = typeof v === 'number' || /^\d+(\.\d+)?$/.test(String(v));
          invalid(
            n,
            needsUnit
              ? `${label} needs a unit: \`${String(v)}\` could be seconds, hours or days. Write e.g. \`${String(v)}d\`, \`${String(v)}h\` or \`${String(v)}ms\` (units ms, s, min, h, d, w, mo, y).`
              : `${label} must be ${describeType(spec)}; \`${String(v)}\` does not parse.`,
          );
        }
        return;
      }
      case 'id':
        if (typeof v !== 'string' && typeof v !== 'number') invalid(n, `${label} must be an id like \`click_logs\`.`);
        else if (!ID_RE.test(String(v)))
          invalid(
            n,
            `${label} \`${String(v)}\` is not a valid id: use lower-case letters, digits, \`_\`, \`.\` and \`-\`, starting with a letter or digit (e.g. \`${String(
              v,
            )
              .toLowerCase()
              .replace(/[^a-z0-9_.-]+/g, '-')
              .replace(/^[-_.]+/, '')}\`).`,
            String(v)
              .toLowerCase()
              .replace(/[^a-z0-9_.-]+/g, '-')
              .replace(/^[-_.]+/, '') || undefined,
          );
        return;
      case 'enum': {
        const values = (spec.enum ?? []).map((x) => x.value);
        const s = String(v);
        if (values.some((x) => normalize(x) === normalize(s))) return;
        const near = nearestNames(s, values, 3);
        invalid(
          n,
          `${label} is \`${s}\`, which is not one of its values${near.length ? `; did you mean \`${near[0]}\`?` : '.'} Accepted: ${values.map((x) => `\`${x}\``).join(', ')}.`,
          near.length >= 1 && (near.length === 1 || closeEnough(s, near[0])) ? near[0] : undefined,
          near,
        );
        return;
      }
      case 'metric':
        if (typeof v !== 'string')
          return invalid(n, `${label} must be a metric name like \`ndcg@10\` or \`pr-auc\`, not \`${String(v)}\`.`);
        if (!parseMetricSpelling(v))
          invalid(
            n,
            `${label} \`${v}\` has a cutoff that does not parse: write \`@<k>\` for ranking metrics (\`ndcg@10\`), \`@iou=<threshold>\` for detection (\`map@iou=0.5\`), or an operating point (\`precision@recall=0.8\`, \`recall@fpr=0.001\`).`,
          );
        return;
    }
  };

  checkMap(root, TOP_LEVEL);
  return out;
}

function kindName(n: MNode): string {
  if (n.kind === 'map') return 'a mapping';
  if (n.kind === 'seq') return 'a list';
  return `\`${String(n.value)}\``;
}

/** The best candidate is clearly better than the rest: distance 1-2 on a word of 4+ characters. */
function closeEnough(a: string, b: string): boolean {
  const x = normalize(a);
  const y = normalize(b);
  if (x.length < 4) return false;
  let diff = 0;
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) diff++;
  return diff <= 2 || Math.abs(x.length - y.length) <= 1;
}
