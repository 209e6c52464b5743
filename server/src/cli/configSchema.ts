/**
 * The JSON Schema (draft-07) of `.mlsdrc.yaml`, generated from the rule registry so the two cannot drift:
 * `schemas/mlsdrc.schema.json` is this function's output (a test compares them). Regenerate with
 * `npm run compile-tests && node out/server/src/cli/configSchema.js`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../rules';
import { DEFAULT_OPTIONS, type RuleOptions } from '../rules/types';

const SEVERITY_DOCS: Record<string, string> = {
  off: 'The rule does not run.',
  hint: 'Shown faintly in the editor; never fails `mlsd lint`.',
  info: 'Shown as information; never fails `mlsd lint`.',
  warning: 'Shown as a warning; `mlsd lint --max-warnings N` fails over N.',
  error: 'Shown as an error; `mlsd lint` exits 1.',
};

const OPTION_DOCS: Record<
  keyof RuleOptions,
  { text: string; minimum?: number; maximum?: number; exclusiveMinimum?: number }
> = {
  imbalance_threshold: {
    text: 'A positive rate below this (or above 1 − this) counts as imbalanced. A fraction (`0.05`) or a percentage (`5%`).',
    exclusiveMinimum: 0,
    maximum: 0.5,
  },
  large_corpus_items: {
    text: 'From this many items (`requirements.scale.items`), a ranking, recommendation or retrieval system needs at least two `model.stages`.',
    minimum: 1,
  },
  qps_tolerance: {
    text: 'How far (×) a stated `qps_peak` may be from DAU × requests per user ÷ 86,400 × peak factor.',
    minimum: 1,
  },
  default_peak_factor: {
    text: 'The peak ÷ average traffic factor used when a doc does not state `requirements.scale.peak_factor`.',
    minimum: 1,
  },
};

export function configSchema(): Record<string, unknown> {
  const names = RULES.flatMap((r) => [r.meta.id, r.meta.alias]);
  const ruleProps: Record<string, unknown> = {};
  for (const r of RULES) {
    const m = r.meta;
    const doc = `**${m.id}** \`${m.alias}\` — ${m.title}.\n\n${m.description}\n\nStep ${m.step}; default \`${m.defaultSeverity}\`${m.fixable === 'safe' ? '; fixable with `--fix`' : ''}.`;
    ruleProps[m.id] = { $ref: '#/definitions/ruleSetting', markdownDescription: doc };
    ruleProps[m.alias] = { $ref: '#/definitions/ruleSetting', markdownDescription: `Alias of ${m.id}. ${doc}` };
  }
  const optionProps: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(OPTION_DOCS) as [keyof RuleOptions, (typeof OPTION_DOCS)[keyof RuleOptions]][]) {
    const users = RULES.filter((r) => r.meta.options?.includes(k)).map((r) => `\`${r.meta.id} ${r.meta.alias}\``);
    optionProps[k] = {
      type: k === 'imbalance_threshold' ? ['number', 'string'] : 'number',
      ...(k === 'imbalance_threshold' ? { pattern: '^\\s*\\d+(\\.\\d+)?\\s*%\\s*$' } : {}),
      default: DEFAULT_OPTIONS[k],
      ...(d.minimum !== undefined ? { minimum: d.minimum } : {}),
      ...(d.exclusiveMinimum !== undefined ? { exclusiveMinimum: d.exclusiveMinimum } : {}),
      ...(d.maximum !== undefined ? { maximum: d.maximum } : {}),
      markdownDescription: `${d.text} Default \`${DEFAULT_OPTIONS[k]}\`.${users.length ? ` Read by ${users.join(', ')}.` : ''}`,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'mlsd project configuration (.mlsdrc.yaml)',
    markdownDescription:
      'Configures the `mlsd` linter for the design docs below this folder: a preset, per-rule severities (by id or alias) and rule options. The editor settings `mlsd.*` and the CLI flags `--config`, `--preset`, `--rule` override it.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: {
        type: 'string',
        enum: ['recommended', 'strict'],
        default: 'recommended',
        markdownEnumDescriptions: [
          'The default severities of every rule.',
          'Raises every `info` rule to `warning`: for docs going to review.',
        ],
        markdownDescription: 'The preset the severities start from.',
      },
      rules: {
        type: 'object',
        markdownDescription:
          'Severity per rule, by id (`MLSD107`) or alias (`missing-out-of-scope`): `off`, `hint`, `info`, `warning` or `error`, or `[severity, {options}]`. `mlsd rules` lists them.',
        propertyNames: { enum: names },
        properties: ruleProps,
        additionalProperties: false,
      },
      options: { $ref: '#/definitions/options' },
    },
    definitions: {
      severity: {
        type: 'string',
        enum: Object.keys(SEVERITY_DOCS),
        markdownEnumDescriptions: Object.values(SEVERITY_DOCS),
      },
      ruleSetting: {
        anyOf: [
          { $ref: '#/definitions/severity' },
          {
            type: 'array',
            items: [{ $ref: '#/definitions/severity' }, { $ref: '#/definitions/options' }],
            minItems: 1,
            maxItems: 2,
            additionalItems: false,
          },
        ],
      },
      options: {
        type: 'object',
        markdownDescription: 'Thresholds of the rules.',
        additionalProperties: false,
        properties: optionProps,
      },
    },
  };
}

export function configSchemaText(): string {
  return `${JSON.stringify(configSchema(), null, 2)}\n`;
}

export const CONFIG_SCHEMA_PATH = path.join('schemas', 'mlsdrc.schema.json');

if (require.main === module) {
  // out/server/src/cli → the repo root
  const root = path.resolve(__dirname, '../../../..');
  const out = path.join(root, CONFIG_SCHEMA_PATH);
  fs.writeFileSync(out, configSchemaText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
}
