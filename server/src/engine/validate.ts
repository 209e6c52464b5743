/**
 * Structural validation against the field catalogue: unknown keys (MLSD002) and values of the wrong
 * type or outside their enum (MLSD003; MLSD012 on the *descriptive* fields of format.md v1.1). Computed
 * once per MlsdDoc (cached) and read by the three rules.
 */
import { enumCanonical, fieldOf, isLatencyKey, TOP_LEVEL, type FieldSpec } from './catalog';
import { commaSplits } from './commaSplits';
import { nearestNames } from './domain';
import type { MlsdDoc, Span } from './model';
import type { MNode } from './parse';
import {
  clip,
  isPlaceholder,
  type MoneyPeriod,
  moneyPeriodOf,
  normalize,
  parseDuration,
  parseMetricSpelling,
  parseMoney,
  parseQuantity,
  parseRate,
} from './values';

export interface ValidationIssue extends Span {
  node: MNode;
  /** the finding's headline: one line, at most 100 characters */
  message: string;
  /** why it matters and what to write instead */
  explanation: string;
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

// the messages' parts, built only for an invalid value (a path walk per scalar adds up on long docs; so
// did two closures per scalar: 3.6 MB of garbage per analysis of a 10,000-line doc)
const label = (n: MNode) => `\`${pathLabel(n)}\``;
const shown = (v: unknown) => `\`${clip(String(v))}\``;

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

/** The `/period` a money key accepts, as written in messages. */
const PERIOD_TEXT: Record<MoneyPeriod, string> = { month: '/month', request: '/request', hour: '/h' };

/** What an invalid value reads as, for every explanation of MLSD003. */
const UNTIL = 'Until it is valid, every check reads it as not stated.';

/** The short name of a type, for a headline ("a quantity", "one of its values"). */
function shortType(spec: FieldSpec): string {
  switch (spec.type) {
    case 'quantity':
      return 'a quantity';
    case 'bytes':
      return 'a size';
    case 'rate':
      return 'a rate';
    case 'duration':
    case 'latency':
      return 'a duration';
    case 'enum':
      return 'one of its values';
    case 'metric':
      return 'a metric name';
    case 'id':
      return 'an id';
    case 'money':
      return 'money';
    default:
      return describeType(spec);
  }
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
    case 'money':
      return 'an amount of money like `$0.004`, `€1.2M`, `12 USD`, `CHF 40k` or a bare number (no thousands separators, not negative)';
    case 'ref':
      return 'an id';
    default:
      return 'a value';
  }
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
      message: `The top level of the doc is ${root.kind === 'seq' ? 'a list' : 'a single value'}, not a mapping of keys`,
      explanation:
        'A design doc is a mapping of keys (`mlsd: 1`, `title: …`, `requirements: …`), and no other check can read it until ' +
        'it is one. Start from the skeleton: `mlsd: 1`, `title`, then the seven step sections.',
    });
    return out;
  }
  let budget = 200_000;
  // keys and values of comma splits are MLSD011's: not MLSD002, MLSD003 or MLSD012
  const splits = commaSplits(doc);
  // the field being checked: whether it is descriptive (list items inherit from the list)
  let currentDescriptive = false;
  const invalid = (n: MNode, message: string, explanation: string, replacement?: string, candidates?: string[]) => {
    const issue: ValidationIssue = {
      node: n,
      ...doc.valueSpan(n),
      message,
      explanation,
      path: pathLabel(n),
      replacement,
      candidates,
    };
    (currentDescriptive ? out.invalidDescriptive : out.invalidValues).push(issue);
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
        const base = `Unknown key \`${clip(key)}\` in ${where === 'the top level' ? where : `\`${clip(where, 40)}\``}`;
        const dym = near.length ? `; did you mean \`${near[0]}\`?` : '';
        out.unknownKeys.push({
          node: entry,
          start: entry.keyStart ?? entry.start,
          end: entry.keyEnd ?? entry.end,
          path: pathLabel(n) ? `${pathLabel(n)}.${key}` : key,
          message: base.length + dym.length <= 100 ? base + dym : base,
          explanation: `The checks ignore unknown keys, so what it says is invisible to review; rename it to a key of the format${
            near.length
              ? ` (${near.map((k) => `\`${k}\``).join(', ')})`
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
    currentDescriptive = descriptive;
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
        `\`${pathLabel(n)}\` must be ${shortType(spec)}${spec.alt ? ` or ${shortType(spec.alt)}` : ''}, not ${kindName(n)}`,
        `${spec.alt ? `It must be ${describeType(spec)} or ${describeType(spec.alt)}. ` : ''}${spec.description} ${UNTIL}`,
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
        `\`${pathLabel(n)}\` must be a list, not ${kindName(n)}`,
        `Write a list (\`- item\` lines or \`[a, b]\`). ${spec.description} ${UNTIL}`,
      );
    }
    // scalar types
    if (n.kind !== 'scalar') {
      if (spec.alt) return checkValue(n, spec.alt, descriptive);
      return invalid(
        n,
        `\`${pathLabel(n)}\` must be ${shortType(spec)}, not ${kindName(n)}`,
        `It must be ${describeType(spec)}. ${UNTIL}`,
      );
    }
    const v = n.value;
    switch (spec.type) {
      case 'text':
      case 'ref':
        return;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v))
          invalid(n, `${label(n)} must be a number, not ${shown(v)}`, `Write a plain number. ${UNTIL}`);
        return;
      case 'integer':
        if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0)
          invalid(
            n,
            `${label(n)} must be a positive whole number, not ${shown(v)}`,
            `Write a count like \`3\`. ${UNTIL}`,
          );
        return;
      case 'bool':
        if (typeof v !== 'boolean') {
          const s = String(v).toLowerCase();
          const rep = ['yes', 'y', 'on'].includes(s) ? 'true' : ['no', 'n', 'off'].includes(s) ? 'false' : undefined;
          invalid(
            n,
            `${label(n)} must be \`true\` or \`false\`, not ${shown(v)}`,
            `The format reads only \`true\` and \`false\` as yes and no. ${UNTIL}`,
            rep,
          );
        }
        return;
      case 'quantity':
      case 'bytes':
        if (!parseQuantity(v, { bytes: spec.type === 'bytes' }))
          invalid(
            n,
            `${label(n)}: ${shown(v)} does not parse as ${shortType(spec)}`,
            `It must be ${describeType(spec)}: a number with an optional suffix k, M, B/G, T${spec.type === 'bytes' ? ' or a byte unit (KB, MB, GB, TB, KiB, MiB, GiB, TiB)' : ''}. ${UNTIL}`,
          );
        return;
      case 'rate': {
        const r = parseRate(v);
        if (!r)
          invalid(
            n,
            `${label(n)}: ${shown(v)} does not parse as a rate`,
            `A rate is a number in [0, 1] or a percentage like \`2%\`. ${UNTIL}`,
          );
        else if (!r.inRange) {
          const rep = typeof v === 'number' && v > 1 && v <= 100 ? `${v}%` : undefined;
          invalid(
            n,
            `${label(n)} is ${clip(String(v))}, outside [0, 1]${rep ? `; did you mean \`${rep}\`?` : ''}`,
            `A rate is a share: write \`0.02\` or \`2%\`. ${UNTIL}`,
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
          if (needsUnit)
            invalid(
              n,
              `${label(n)} needs a unit: ${shown(v)} could be seconds, hours or days`,
              `Write e.g. \`${String(v)}d\`, \`${String(v)}h\` or \`${String(v)}ms\` (units ms, s, min, h, d, w, mo, y). ${UNTIL}`,
            );
          else
            invalid(
              n,
              `${label(n)}: ${shown(v)} does not parse as a duration`,
              `It must be ${describeType(spec)}. ${UNTIL}`,
            );
        }
        return;
      }
      case 'id':
        if (typeof v !== 'string' && typeof v !== 'number')
          invalid(
            n,
            `${label(n)} must be an id like \`click_logs\`, not ${shown(v)}`,
            `References (\`source\`, \`model.selected\`, \`model\` of a stage) name entries by their id. ${UNTIL}`,
          );
        else if (!ID_RE.test(String(v))) {
          const fixed = String(v)
            .toLowerCase()
            .replace(/[^a-z0-9_.-]+/g, '-')
            .replace(/^[-_.]+/, '');
          invalid(
            n,
            `${label(n)} is ${shown(v)}, not a valid id`,
            `Use lower-case letters, digits, \`_\`, \`.\` and \`-\`, starting with a letter or digit${fixed ? ` (e.g. \`${fixed}\`)` : ''}, so references can name it. ${UNTIL}`,
            fixed || undefined,
          );
        }
        return;
      case 'enum': {
        const s = String(v);
        if (enumCanonical(spec.enum ?? [], s) !== undefined) return; // a value or an alias
        const values = (spec.enum ?? []).map((x) => x.value);
        const near = nearestNames(s, values, 3);
        const base = `${label(n)} is ${shown(v)}, not one of its values`;
        const dym = near.length ? `; did you mean \`${near[0]}\`?` : '';
        invalid(
          n,
          base.length + dym.length <= 100 ? base + dym : base,
          `Accepted: ${values.map((x) => `\`${x}\``).join(', ')}. ${UNTIL}`,
          near.length >= 1 && (near.length === 1 || closeEnough(s, near[0])) ? near[0] : undefined,
          near,
        );
        return;
      }
      case 'money': {
        const period = moneyPeriodOf(n.key);
        if (!parseMoney(v, period)) {
          const sfx = typeof v === 'string' && v.includes('/');
          invalid(
            n,
            sfx && !period
              ? `${label(n)} takes no \`/period\`: ${shown(v)}`
              : `${label(n)}: ${shown(v)} does not parse as money`,
            `It must be ${describeType(spec)}${period ? `, optionally followed by \`${PERIOD_TEXT[period]}\`` : ''}. ${UNTIL}`,
          );
        }
        return;
      }
      case 'metric':
        if (typeof v !== 'string')
          return invalid(
            n,
            `${label(n)} must be a metric name, not ${shown(v)}`,
            `Write a metric name like \`ndcg@10\` or \`pr-auc\`. ${UNTIL}`,
          );
        if (!parseMetricSpelling(v))
          invalid(
            n,
            `${label(n)} is ${shown(v)}, whose cutoff does not parse`,
            `Write \`@<k>\` for ranking metrics (\`ndcg@10\`), \`@iou=<threshold>\` for detection (\`map@iou=0.5\`), or an operating point (\`precision@recall=0.8\`, \`recall@fpr=0.001\`). ${UNTIL}`,
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
  return `\`${clip(String(n.value))}\``;
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
