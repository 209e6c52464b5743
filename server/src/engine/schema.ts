/**
 * Generates the JSON Schema (draft-07) of the format from the field catalogue, so the two cannot drift:
 * `npm run gen` writes schemas/mlsd.schema.json and a test fails when the file is stale.
 * The schema carries `markdownDescription`, `markdownEnumDescriptions` and `defaultSnippets` for Red Hat
 * YAML and other schema-driven editors. Enum values are the canonical spellings (the engine also accepts
 * other cases and `_`); placeholders (TBD, TODO, ?, …) and empty values are accepted everywhere, as in
 * the engine, where they are reported as MLSD007 instead.
 */
import { parse as parseYaml } from 'yaml';
import { STEP_KEYS, STEP_TITLES, TOP_LEVEL, type FieldSpec } from './catalog';
import { SECTION_SKELETONS } from './skeleton';

type Json = Record<string, unknown>;

const NUM = '[-+]?(?:\\d[\\d,_]*(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?';
const PATTERNS = {
  // v1.1: optional leading `~`/`≈`, words before `/unit` (`30M rows/day`)
  quantity: `^\\s*[~≈]?\\s*${NUM}\\s*[kKMBGT]?(?:\\s+[A-Za-z][\\w -]*?)?\\s*(?:/?\\s*[A-Za-z][\\w ]*)?$`,
  bytes: `^\\s*${NUM}\\s*(?:[kKMBGT]|[KMGTP]i?B|[kmgtp]i?b)?\\s*$`,
  percent: '^\\s*[-+]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)\\s*%\\s*$',
  // v1.1: unit words too (`45 days`, `1 hour`)
  duration:
    '^\\s*(?:\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(?:ms|s|min|mo|m|h|d|w|y|MS|S|MIN|MO|M|H|D|W|Y|(?:[Mm]illisecond|[Ss]econd|[Mm]inute|[Hh]our|[Dd]ay|[Ww]eek|[Mm]onth|[Yy]ear)s?)\\s*$',
  id: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
  // v1.1 money (genai.md §1.1): `$25k`, `€1.2M`, `12 USD`, `CHF 40k`, an optional `/period`
  money:
    '^\\s*(?:[$€£]\\s*(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*[kKMB]?|(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*[kKMB]?\\s*(?:[A-Za-z]{3})?|[A-Za-z]{3}\\s*(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*[kKMB]?)\\s*(?:/\\s*(?:month|mo|request|h|hour))?\\s*$',
  // v1.1: operating points (`precision@recall=0.8`, `recall@fpr=0.001`)
  metric:
    '^[^@]+(?:@\\s*(?:\\d+|k|K|iou\\s*=\\s*[0-9.]+(?:\\s*:\\s*[0-9.]+)*|(?:recall|precision|fpr)\\s*=\\s*[0-9.eE-]+%?))?$',
};

const PLACEHOLDER: Json = { $ref: '#/definitions/notStated' };

function withPlaceholder(s: Json): Json {
  return { anyOf: [s, PLACEHOLDER] };
}

function describe(spec: FieldSpec, extra: Json = {}): Json {
  const step = spec.step ? `\n\n*Framework step ${spec.step} — ${STEP_TITLES[STEP_KEYS[spec.step - 1]]}.*` : '';
  const ex = spec.example ? `\n\nExample: \`${spec.key}: ${spec.example}\`` : '';
  return {
    description: spec.description.replace(/[*`]/g, ''),
    markdownDescription: `${spec.description}${step}${ex}`,
    ...extra,
  };
}

function scalarSchema(spec: FieldSpec): Json {
  switch (spec.type) {
    case 'text':
      return { type: ['string', 'number', 'boolean'] };
    case 'ref':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'integer':
      return { type: 'integer', minimum: 1 };
    case 'bool':
      return { type: 'boolean' };
    case 'quantity':
      return { anyOf: [{ type: 'number' }, { type: 'string', pattern: PATTERNS.quantity }] };
    case 'bytes':
      return { anyOf: [{ type: 'number' }, { type: 'string', pattern: PATTERNS.bytes }] };
    case 'rate':
      return {
        anyOf: [
          { type: 'number', minimum: 0, maximum: 1 },
          { type: 'string', pattern: PATTERNS.percent },
        ],
      };
    case 'duration':
      return { type: 'string', pattern: PATTERNS.duration };
    case 'latency':
      return {
        anyOf: [
          { type: 'number', minimum: 0 },
          { type: 'string', pattern: PATTERNS.duration },
        ],
      };
    case 'id':
      return { type: ['string', 'number'], pattern: PATTERNS.id };
    case 'enum': {
      // v1.1: aliases are accepted spellings, listed after the canonical values
      const values = spec.enum ?? [];
      const aliases = values.flatMap((e) => (e.aliases ?? []).map((a) => ({ a, of: e.value })));
      const descriptions = [...values.map((e) => e.description), ...aliases.map((x) => `Same as \`${x.of}\`.`)];
      return {
        type: 'string',
        enum: [...values.map((e) => e.value), ...aliases.map((x) => x.a)],
        enumDescriptions: descriptions,
        markdownEnumDescriptions: descriptions,
      };
    }
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

function mapSchema(spec: FieldSpec): Json {
  const properties: Json = {};
  for (const f of spec.fields ?? []) properties[f.key] = fieldSchema(f);
  const required = (spec.fields ?? []).filter((f) => f.required).map((f) => f.key);
  return {
    type: 'object',
    properties,
    patternProperties: { '^x-': { description: 'Extension key: allowed anywhere, never checked.' } },
    additionalProperties: false,
    ...(required.length && spec.key !== '' ? { required } : {}),
  };
}

export function fieldSchema(spec: FieldSpec): Json {
  let s: Json;
  if (spec.type === 'free') s = {};
  else if (spec.type === 'map') {
    s = mapSchema(spec);
    if (spec.alt) s = { anyOf: [s, spec.alt.type === 'map' ? mapSchema(spec.alt) : scalarSchema(spec.alt)] };
    s = { anyOf: [s, PLACEHOLDER] };
  } else if (spec.type === 'list') {
    const item = spec.item ? itemSchema(spec.item) : {};
    s = { type: 'array', items: item };
    if (spec.scalarAsList) s = { anyOf: [s, item] };
    s = { anyOf: [s, PLACEHOLDER] };
  } else {
    s = scalarSchema(spec);
    if (spec.alt) s = { anyOf: [s, spec.alt.type === 'map' ? mapSchema(spec.alt) : scalarSchema(spec.alt)] };
    s = withPlaceholder(s);
  }
  const sn = snippets(spec);
  return { ...describe(spec), ...s, ...(sn ? { defaultSnippets: sn } : {}) };
}

function itemSchema(item: FieldSpec): Json {
  if (item.type === 'map') return mapSchema(item);
  let s = scalarSchema(item);
  if (item.alt) s = { anyOf: [s, item.alt.type === 'map' ? mapSchema(item.alt) : scalarSchema(item.alt)] };
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
  const top = mapSchema(TOP_LEVEL);
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
