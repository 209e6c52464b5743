/**
 * The JSON Schema (draft-07) of `.mlsdrc.yaml`, generated from the rule registry so the two cannot drift:
 * `schemas/mlsdrc.schema.json` is this function's output (a test compares them). `npm run gen` writes it,
 * and rewrites the `mlsd.options.*` settings of package.json from the options table (engine/options.ts).
 */
import * as path from 'node:path';
import { RULES } from '../rules';
import { OPTIONS, type OptionSpec, optionBounds, optionSettings } from '../engine/options';

const SEVERITY_DOCS: Record<string, string> = {
  off: 'The rule does not run.',
  hint: 'Shown faintly in the editor; never fails `mlsd lint`.',
  info: 'Shown as information; never fails `mlsd lint`.',
  warning: 'Shown as a warning; `mlsd lint --max-warnings N` fails over N.',
  error: 'Shown as an error; `mlsd lint` exits 1.',
};

export function configSchema(): Record<string, unknown> {
  const names = RULES.flatMap((r) => [r.meta.id, r.meta.alias, ...(r.meta.formerAliases ?? [])]);
  const ruleProps: Record<string, unknown> = {};
  for (const r of RULES) {
    const m = r.meta;
    const doc = `**${m.id}** \`${m.alias}\` — ${m.title}.\n\n${m.description}\n\nStep ${m.step}; default \`${m.defaultSeverity}\`${m.fixable === 'safe' ? '; fixable with `--fix`' : ''}.`;
    ruleProps[m.id] = { $ref: '#/definitions/ruleSetting', markdownDescription: doc };
    ruleProps[m.alias] = { $ref: '#/definitions/ruleSetting', markdownDescription: `Alias of ${m.id}. ${doc}` };
    for (const old of m.formerAliases ?? [])
      ruleProps[old] = {
        $ref: '#/definitions/ruleSetting',
        markdownDescription: `Former alias of ${m.id} (now \`${m.alias}\`), still accepted. ${doc}`,
      };
  }
  const optionProps: Record<string, unknown> = {};
  for (const o of OPTIONS as readonly OptionSpec[]) {
    const users = RULES.filter((r) => o.rules.includes(r.meta.id)).map((r) => `\`${r.meta.id} ${r.meta.alias}\``);
    optionProps[o.key] = {
      type: o.percent ? ['number', 'string'] : 'number',
      ...(o.percent ? { pattern: '^\\s*\\d+(\\.\\d+)?\\s*%\\s*$' } : {}),
      default: o.default,
      ...optionBounds(o),
      markdownDescription: `${o.description} Default \`${o.default}\`.${users.length ? ` Read by ${users.join(', ')}.` : ''}`,
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

/**
 * package.json with its `mlsd.options.*` settings replaced by `optionSettings()` (the options table), in
 * table order where the first one stood; every other key keeps its place.
 */
export function packageJsonWithOptions(text: string): string {
  const pkg = JSON.parse(text) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  const props = pkg.contributes.configuration.properties;
  const next: Record<string, unknown> = {};
  let placed = false;
  const place = () => {
    if (!placed) Object.assign(next, optionSettings());
    placed = true;
  };
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith('mlsd.options.')) place();
    else next[k] = v;
  }
  place();
  pkg.contributes.configuration.properties = next;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export const PACKAGE_JSON_PATH = 'package.json';
