/**
 * Generates the JSON Schema (draft-07) of the format from the field catalogue, so the two cannot drift:
 * `npm run gen` writes schemas/mlsd.schema.json and a test fails when the file is stale.
 * The schema carries `markdownDescription`, `markdownEnumDescriptions` and `defaultSnippets` for Red Hat
 * YAML and other schema-driven editors; the descriptions are the describer's (engine/describe.ts), as in
 * hover. The schema accepts what the engine accepts (test/unit/schemaAgreement.test.ts): an enum is the
 * canonical values (`enum`, first, so completion offers them) or any spelling the engine matches to one
 * (case, `_` and spaces for `-`: a `pattern`); quantities, sizes, rates, durations and metric spellings
 * are patterns that mirror engine/values.ts. Placeholders (TBD, TODO, ?, …) and empty values are accepted
 * everywhere, as in the engine, where they are reported as MLSD007 instead.
 */
import { parse as parseYaml } from 'yaml';
import { isLatencyKey, STEP_KEYS, STEP_TITLES, TOP_LEVEL, type FieldSpec } from './catalog';
import { describeEnumValue, describeField, type Path } from './describe';
import { normalizeName } from './domain';
import { SECTION_SKELETONS } from './skeleton';

type Json = Record<string, unknown>;

/** Escapes a literal for a JSON Schema (ECMA-262, unicode) pattern. */
function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A case-insensitive pattern for a literal (JSON Schema patterns have no flags). */
export function ci(s: string): string {
  return [...s]
    .map((c) => {
      const lo = c.toLowerCase();
      const up = c.toUpperCase();
      return lo !== up && lo.length === 1 && up.length === 1 ? `[${lo}${up}]` : esc(c);
    })
    .join('');
}

/**
 * The spellings the engine matches to an enum value (values.ts `normalize`: trimmed, case-insensitive,
 * a run of spaces and `_` read as `-`): `Ad_Click_Prediction`, `REVIEW`, ` online `.
 */
export function enumVariantPattern(values: readonly string[]): string {
  const one = (v: string) => normalizeName(v).split('-').map(ci).join('(?:-|[\\s_]+)');
  return `^\\s*(?:${values.map(one).join('|')})\\s*$`;
}

// values.ts, spelled as patterns (the engine trims; JSON Schema patterns see the raw string)
const NUM = '[-+]?(?:\\d[\\d,_]*(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?';
const POS = '\\+?(?:\\d+(?:\\.\\d+)?|\\.\\d+)';
const DURATION_UNIT = [
  ...['ms', 's', 'min', 'mo'].map(ci),
  'm', // `M` alone is not a unit (months or minutes?)
  ...['h', 'd', 'w', 'y'].map(ci),
  `(?:${['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'year'].map(ci).join('|')})[sS]?`,
].join('|');
const OP_VALUE = '(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE]-?\\d+)?\\s*%?';
const IOU = `${ci('iou')}(?:\\s*=\\s*(?:1(?:\\.0+)?|0?\\.\\d*[1-9]\\d*)(?:\\s*:\\s*[\\d.]+(?:\\s*:\\s*[\\d.]+)?)?)?`;
export const PATTERNS = {
  // parseQuantity: `[~≈]<number>[k|K|M|B|G|T][ words][/unit]`
  quantity: `^\\s*[~≈]?\\s*${NUM}\\s*[kKMBGT]?(?:\\s+[A-Za-z][\\w -]*?)?\\s*(?:/\\s*[A-Za-z][\\w ]*)?\\s*$`,
  // parseQuantity with bytes: a quantity, or a number and a byte unit in any case
  bytes: `^\\s*${NUM}\\s*(?:${['KB', 'MB', 'GB', 'TB', 'PB', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'].map(ci).join('|')})\\s*$`,
  // parseRate: a percentage within [0, 100], or a numeric string within [0, 1]
  percent: '^\\s*\\+?(?:100(?:\\.0+)?|\\d{1,2}(?:\\.\\d+)?|\\.\\d+)\\s*%\\s*$',
  rateNumber: '^\\s*\\+?(?:0+(?:\\.\\d+)?|0*\\.\\d+|0*1(?:\\.0+)?)\\s*$',
  // parseDuration: `<number><unit>` or `<number> <unit word>` (v1.1), any case but a bare `M`
  duration: `^\\s*${POS}\\s*(?:${DURATION_UNIT})\\s*$`,
  // a latency also takes a bare number of milliseconds
  bareMs: '^\\s*\\d+(?:\\.\\d+)?\\s*$',
  id: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
  // v1.1 money (genai.md §1.1): `$25k`, `€1.2M`, `12 USD`, `CHF 40k`, an optional `/period`
  money:
    '^\\s*(?:[$€£]\\s*(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*[kKMB]?|(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*[kKMB]?\\s*(?:[A-Za-z]{3})?|[A-Za-z]{3}\\s*(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*[kKMB]?)\\s*(?:/\\s*(?:month|mo|request|h|hour))?\\s*$',
  // parseMetricSpelling: a name, a cutoff `@k` / `@10` / `@iou=0.5[:0.95[:0.05]]`, or an operating point
  metric: `^\\s*(?:[^@]*[^@\\s][^@]*?\\s*(?:@\\s*(?:[kK]|0*[1-9]\\d*|${IOU})\\s*)?|${ci('precision')}\\s*@\\s*${ci('recall')}\\s*=\\s*${OP_VALUE}|${ci('recall')}\\s*@\\s*(?:${ci('precision')}|${ci('fpr')})\\s*=\\s*${OP_VALUE})\\s*$`,
};

const PLACEHOLDER: Json = { $ref: '#/definitions/notStated' };

function withPlaceholder(s: Json): Json {
  return { anyOf: [s, PLACEHOLDER] };
}

/** The describer's Markdown of a field (as hover shows it), and a plain-text copy for `description`. */
function describe(spec: FieldSpec, path: Path): Json {
  const md = describeField(spec, path);
  return { description: md.replace(/[*`]/g, ''), markdownDescription: md };
}

function enumSchema(spec: FieldSpec, path: Path): Json {
  const values = (spec.enum ?? []).map((e) => e.value);
  // v1.1: aliases are accepted spellings too (read as their canonical value); completion offers the canonical one
  const aliases = (spec.enum ?? []).flatMap((e) => e.aliases ?? []);
  return {
    anyOf: [
      {
        type: 'string',
        enum: values,
        enumDescriptions: (spec.enum ?? []).map((e) => e.description),
        markdownEnumDescriptions: values.map((v) => describeEnumValue(spec, v, path) ?? ''),
      },
      {
        type: 'string',
        pattern: enumVariantPattern([...values, ...aliases]),
        description: 'Another spelling of one of the values (case, `_` or spaces for `-`), read as that value.',
      },
    ],
  };
}

const LATENCY: Json = {
  anyOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: PATTERNS.duration },
    { type: 'string', pattern: PATTERNS.bareMs },
  ],
};

function scalarSchema(spec: FieldSpec, path: Path): Json {
  switch (spec.type) {
    case 'text':
    case 'ref':
      return { type: ['string', 'number', 'boolean'] };
    case 'number':
      return { type: 'number' };
    case 'integer':
      return { type: 'integer', minimum: 1 };
    case 'bool':
      return { type: 'boolean' };
    case 'quantity':
      return { anyOf: [{ type: 'number' }, { type: 'string', pattern: PATTERNS.quantity }] };
    case 'bytes':
      return {
        anyOf: [
          { type: 'number' },
          { type: 'string', pattern: PATTERNS.bytes },
          { type: 'string', pattern: PATTERNS.quantity },
        ],
      };
    case 'rate':
      return {
        anyOf: [
          { type: 'number', minimum: 0, maximum: 1 },
          { type: 'string', pattern: PATTERNS.percent },
          { type: 'string', pattern: PATTERNS.rateNumber },
        ],
      };
    case 'duration':
      // a duration under a latency key (`p99`, `…latency`) also takes a bare number of milliseconds
      return isLatencyKey(spec.key) ? LATENCY : { type: 'string', pattern: PATTERNS.duration };
    case 'latency':
      return LATENCY;
    case 'id':
      return {
        anyOf: [
          { type: 'string', pattern: PATTERNS.id },
          { type: 'number', minimum: 0 },
        ],
      };
    case 'enum':
      return enumSchema(spec, path);
    case 'money':
      return {
        anyOf: [
          { type: 'number', minimum: 0 },
          { type: 'string', pattern: PATTERNS.money },
        ],
      };
    case 'metric':
      return { type: 'string', pattern: PATTERNS.metric };
    default:
      return {};
  }
}

function mapSchema(spec: FieldSpec, path: Path): Json {
  const properties: Json = {};
  for (const f of spec.fields ?? []) properties[f.key] = fieldSchema(f, [...path, f.key]);
  const required = (spec.fields ?? []).filter((f) => f.required).map((f) => f.key);
  return {
    type: 'object',
    properties,
    patternProperties: { '^x-': { description: 'Extension key: allowed anywhere, never checked.' } },
    additionalProperties: false,
    ...(required.length && spec.key !== '' ? { required } : {}),
  };
}

/** The schema of a field at `path` (its keys from the top level, `0` for a list item). */
export function fieldSchema(spec: FieldSpec, path: Path = [spec.key]): Json {
  let s: Json;
  if (spec.type === 'free') s = {};
  else if (spec.type === 'map') {
    s = mapSchema(spec, path);
    if (spec.alt) s = { anyOf: [s, altSchema(spec.alt, path)] };
    s = { anyOf: [s, PLACEHOLDER] };
  } else if (spec.type === 'list') {
    const item = spec.item ? itemSchema(spec.item, [...path, 0]) : {};
    s = { type: 'array', items: item };
    if (spec.scalarAsList) s = { anyOf: [s, item] };
    s = { anyOf: [s, PLACEHOLDER] };
  } else {
    s = scalarSchema(spec, path);
    if (spec.alt) s = { anyOf: [s, altSchema(spec.alt, path)] };
    s = withPlaceholder(s);
  }
  const sn = snippets(spec);
  return { ...describe(spec, path), ...s, ...(sn ? { defaultSnippets: sn } : {}) };
}

function altSchema(alt: FieldSpec, path: Path): Json {
  return alt.type === 'map' ? mapSchema(alt, path) : scalarSchema(alt, path);
}

function itemSchema(item: FieldSpec, path: Path): Json {
  if (item.type === 'map') return mapSchema(item, path);
  let s = scalarSchema(item, path);
  if (item.alt) s = { anyOf: [s, altSchema(item.alt, path)] };
  return withPlaceholder(s);
}

function snippetBody(yamlText: string, counter = { n: 0 }): unknown {
  const body = (parseYaml(yamlText) as Record<string, unknown>) ?? {};
  const fill = (v: unknown): unknown => {
    if (v === 'TBD') return `\${${++counter.n}:TBD}`;
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return fill(Object.values(body)[0]);
}

function snippets(spec: FieldSpec): Json[] | undefined {
  const key = STEP_KEYS.find((k) => k === spec.key && spec.step);
  if (!key) return undefined;
  return [
    {
      label: `${STEP_TITLES[key]} skeleton`,
      description: `Step ${spec.step}: the key fields of ${key}`,
      body: snippetBody(SECTION_SKELETONS[key]),
    },
  ];
}

export function buildSchema(): Json {
  const top = mapSchema(TOP_LEVEL, []);
  const counter = { n: 2 };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://mlsd.dev/schemas/mlsd.schema.json',
    title: 'ML system design doc (mlsd v1)',
    description:
      'An ML system design doc following the seven-step framework: requirements, framing, data, model, evaluation, serving, monitoring. Generated from the mlsd field catalogue; do not edit by hand.',
    markdownDescription:
      'An **ML system design doc** following the seven-step framework: requirements → framing → data → model → evaluation → serving → monitoring.',
    ...top,
    required: ['mlsd', 'title'],
    definitions: {
      notStated: {
        description: 'Not stated yet: empty, or a placeholder (TBD, TODO, ?, …).',
        anyOf: [
          { type: 'null' },
          { type: 'string', pattern: '^\\s*(?:[Tt][Bb][Dd]|[Tt][Oo][Dd][Oo]|\\?|…|\\.\\.\\.)?\\s*$' },
        ],
      },
    },
    defaultSnippets: [
      {
        label: 'ML system design doc (seven steps)',
        description: 'A skeleton with every framework step',
        body: {
          mlsd: 1,
          title: '${1:Title}',
          summary: '${2:The problem in a few sentences}',
          ...Object.fromEntries(STEP_KEYS.map((k) => [k, snippetBody(SECTION_SKELETONS[k], counter)])),
        },
      },
    ],
  };
}

export function schemaText(): string {
  return `${JSON.stringify(buildSchema(), null, 2)}\n`;
}
