/**
 * Editor settings → the `mlsd` section the server reads through `workspace/configuration`
 * (`MlsdSettings` in protocol.ts). No `vscode` import: unit-testable.
 *
 * Why not just send `getConfiguration('mlsd')`: VS Code fills in defaults for every key, so the server
 * could not tell "the user chose `recommended`" from "nothing set", and a project's `.mlsdrc.yaml`
 * (`extends: strict`, `options.imbalance_threshold: 0.05`) would always lose to the editor defaults.
 * Rule settings (`preset`, `rules`, `options.*`) are therefore sent only when the user set them
 * (user, workspace, folder or language scope); editor-only settings (`validate.enable`, `validate.scope`,
 * `validate.maxWorkspaceDocs`, `maxItemsComputed`) are always sent with their effective value.
 */
import { camelKey, checkOption, OPTIONS, type OptionKey, optionByName } from '../../server/src/engine/options';
import type { MlsdSettings, SeverityName, ValidateScope } from '../../server/src/protocol';

export type RuleSeverity = 'off' | SeverityName;

export const RULE_SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'info', 'warning', 'error'];

/** Defaults of the contributed settings (package.json `contributes.configuration` must agree). */
export const SETTING_DEFAULTS: Record<string, unknown> = {
  preset: 'recommended',
  rules: {},
  ...Object.fromEntries(OPTIONS.map((o) => [`options.${camelKey(o.key)}`, o.default])),
  'validate.enable': true,
  'validate.scope': 'workspace',
  'validate.maxWorkspaceDocs': 200,
  maxItemsComputed: 5000,
  'trace.server': 'off',
};

/** The option keys under `mlsd.options` (camelCase) with their snake_case spelling in `.mlsdrc.yaml`. */
export const OPTION_KEYS: Record<string, OptionKey> = Object.fromEntries(OPTIONS.map((o) => [camelKey(o.key), o.key]));

/** What `WorkspaceConfiguration.inspect(key)` returns (the subset used here). */
export interface InspectedValue<T = unknown> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
  defaultLanguageValue?: T;
  globalLanguageValue?: T;
  workspaceLanguageValue?: T;
  workspaceFolderLanguageValue?: T;
}

/** The most specific value the user set, or undefined when only the default applies. */
export function explicitValue<T>(inspected: InspectedValue<T> | undefined): T | undefined {
  if (!inspected) return undefined;
  const order: (keyof InspectedValue<T>)[] = [
    'workspaceFolderLanguageValue',
    'workspaceLanguageValue',
    'globalLanguageValue',
    'workspaceFolderValue',
    'workspaceValue',
    'globalValue',
  ];
  for (const k of order) if (inspected[k] !== undefined) return inspected[k];
  return undefined;
}

/** Accepts `off|hint|info|warning|error` plus common spellings (`warn`, `information`, ESLint's 0/1/2). */
export function normalizeSeverity(value: unknown): RuleSeverity | undefined {
  if (typeof value === 'number')
    return value === 0 ? 'off' : value === 1 ? 'warning' : value === 2 ? 'error' : undefined;
  if (typeof value === 'boolean') return value ? undefined : 'off';
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  const aliases: Record<string, RuleSeverity> = {
    off: 'off',
    none: 'off',
    disable: 'off',
    disabled: 'off',
    hint: 'hint',
    info: 'info',
    information: 'info',
    warn: 'warning',
    warning: 'warning',
    error: 'error',
  };
  return aliases[v];
}

/**
 * Normalizes the `mlsd.rules` object: keys trimmed, severities canonical, `[severity, options]`
 * tuples kept; invalid entries dropped and reported through `problems`.
 */
export function normalizeRules(
  raw: unknown,
  problems: string[] = [],
): Record<string, string | [string, Record<string, unknown>]> {
  const out: Record<string, string | [string, Record<string, unknown>]> = {};
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('mlsd.rules must be an object of rule id or alias → severity');
    return out;
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const rule = key.trim();
    if (!rule) continue;
    if (Array.isArray(value)) {
      const sev = normalizeSeverity(value[0]);
      const opts = value[1];
      if (sev && (opts === undefined || (typeof opts === 'object' && opts !== null && !Array.isArray(opts)))) {
        out[rule] = [sev, (opts ?? {}) as Record<string, unknown>];
        continue;
      }
    } else {
      const sev = normalizeSeverity(value);
      if (sev) {
        out[rule] = sev;
        continue;
      }
    }
    problems.push(`mlsd.rules["${rule}"]: ${JSON.stringify(value)} is not one of ${RULE_SEVERITIES.join(', ')}`);
  }
  return out;
}

function validNumber(value: unknown, min: number): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < min) return undefined;
  return n;
}

/** Validates one `mlsd.options.*` value (camelCase key) against the options table; undefined when invalid. */
export function normalizeOption(key: string, value: unknown): number | undefined {
  const o = optionByName(key);
  if (!o) return undefined;
  const checked = checkOption(o, value);
  return 'value' in checked ? checked.value : undefined;
}

/**
 * Builds the `mlsd` settings object for the server from `inspect`-style lookups.
 * `inspect(key)` is called with keys relative to the `mlsd` section (`preset`, `options.qpsTolerance`, …).
 */
export function toServerSettings(
  inspect: (key: string) => InspectedValue | undefined,
  problems: string[] = [],
): MlsdSettings {
  const out: MlsdSettings = {};
  const preset = explicitValue(inspect('preset'));
  if (preset !== undefined) {
    if (preset === 'recommended' || preset === 'strict') out.preset = preset;
    else problems.push(`mlsd.preset: ${JSON.stringify(preset)} is not recommended or strict`);
  }
  const rules = explicitValue(inspect('rules'));
  if (rules !== undefined) {
    const normalized = normalizeRules(rules, problems);
    if (Object.keys(normalized).length > 0) out.rules = normalized;
  }
  // `mlsd.options` may also be set as one object (`"mlsd.options": {"qpsTolerance": 5}`), possibly in
  // the snake_case spelling of .mlsdrc.yaml.
  const optionsObject = explicitValue(inspect('options'));
  const options: NonNullable<MlsdSettings['options']> = {};
  for (const [key, snake] of Object.entries(OPTION_KEYS)) {
    let value = explicitValue(inspect(`options.${key}`));
    if (value === undefined && optionsObject && typeof optionsObject === 'object') {
      const o = optionsObject as Record<string, unknown>;
      value = o[key] ?? o[snake];
    }
    if (value === undefined) continue;
    const checked = checkOption(optionByName(key)!, value);
    if ('error' in checked) problems.push(`mlsd.options.${key}: ${checked.error}`);
    else options[key] = checked.value;
  }
  if (Object.keys(options).length > 0) out.options = options;
  const enable = effective(inspect('validate.enable'));
  const scope = effective(inspect('validate.scope'));
  const validScope = scope === 'workspace' || scope === 'openFiles';
  if (scope !== undefined && !validScope)
    problems.push(`mlsd.validate.scope: ${JSON.stringify(scope)} is not workspace or openFiles`);
  const maxDocs = effective(inspect('validate.maxWorkspaceDocs'));
  const validMax = validNumber(maxDocs, 0);
  if (maxDocs !== undefined && validMax === undefined)
    problems.push(`mlsd.validate.maxWorkspaceDocs: ${JSON.stringify(maxDocs)} is not a number ≥ 0`);
  out.validate = {
    enable: enable === undefined ? true : enable !== false,
    scope: validScope ? (scope as ValidateScope) : (SETTING_DEFAULTS['validate.scope'] as ValidateScope),
    maxWorkspaceDocs:
      validMax === undefined ? (SETTING_DEFAULTS['validate.maxWorkspaceDocs'] as number) : Math.floor(validMax),
  };
  const max = effective(inspect('maxItemsComputed'));
  const maxItems = validNumber(max, 0);
  out.maxItemsComputed = maxItems === undefined ? (SETTING_DEFAULTS.maxItemsComputed as number) : Math.floor(maxItems);
  return out;
}

function effective(inspected: InspectedValue | undefined): unknown {
  const v = explicitValue(inspected);
  return v !== undefined ? v : (inspected?.defaultLanguageValue ?? inspected?.defaultValue);
}

/** Convenience for tests and other editors: settings from a plain object (every value counts as set). */
export function toServerSettingsFromObject(settings: Record<string, unknown>, problems: string[] = []): MlsdSettings {
  const get = (key: string): unknown =>
    key
      .split('.')
      .reduce<unknown>(
        (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
        settings,
      );
  return toServerSettings((key) => {
    const v = get(key);
    return v === undefined ? undefined : { globalValue: v };
  }, problems);
}
