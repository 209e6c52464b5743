/**
 * The rule options: one table, one line per option. Everything else derives from it: the `RuleOptions`
 * type and its defaults (rules/types.ts), config parsing and its range errors (lint/config.ts), the
 * `.mlsdrc.yaml` JSON Schema (cli/configSchema.ts), the editor settings `mlsd.options.*` (their
 * validation in client/src/settings.ts and the `contributes.configuration` entries of package.json,
 * which a test compares with `optionSettings()`). Adding an option = one line here, then regenerate
 * (`npm run gen`).
 */

export interface OptionSpec {
  /** the `.mlsdrc.yaml` spelling (snake_case); the editor setting is its camelCase */
  key: string;
  default: number;
  /** inclusive lower bound, unless `exclusiveMin` */
  min: number;
  exclusiveMin?: boolean;
  /** inclusive upper bound (none when absent) */
  max?: number;
  /** `.mlsdrc.yaml` also accepts a percentage string (`5%` = 0.05) */
  percent?: boolean;
  /** one or two sentences of Markdown, shown in the schema and in the settings UI */
  description: string;
  /** the rules that read it (ids); each rule's `meta.options` lists it too (a test checks both agree) */
  rules: readonly string[];
}

// biome-ignore format: one line per option
export const OPTIONS = [
  { key: 'imbalance_threshold', default: 0.1, min: 0, exclusiveMin: true, max: 0.5, percent: true, rules: ['MLSD302', 'MLSD505'], description: 'A positive rate below this (or above 1 − this) counts as imbalanced for accuracy (MLSD505). MLSD302 uses it only when a config sets it and leaves `rare_positive_threshold` at its default (the v1 meaning). A fraction (`0.05`) or, in `.mlsdrc.yaml`, a percentage (`5%`).' },
  { key: 'large_corpus_items', default: 1_000_000, min: 1, rules: ['MLSD406'], description: 'From this many items (`requirements.scale.items`), a ranking, recommendation or retrieval system needs at least two `model.stages`.' },
  { key: 'qps_tolerance', default: 3, min: 1, rules: ['MLSD105'], description: 'How far (×) a stated `qps_peak` may be from DAU × requests per user ÷ 86,400 × peak factor.' },
  { key: 'default_peak_factor', default: 2, min: 1, rules: ['MLSD105', 'MLSD652'], description: 'The peak ÷ average traffic factor used when a doc does not state `requirements.scale.peak_factor`.' },
  { key: 'rare_positive_threshold', default: 0.01, min: 0, exclusiveMin: true, max: 0.5, percent: true, rules: ['MLSD302', 'MLSD512'], description: 'A positive rate below this (or above 1 − this) is rare enough that the design must state its imbalance handling (MLSD302) and measure the operating point (MLSD512). A fraction (`0.01`) or, in `.mlsdrc.yaml`, a percentage (`1%`).' },
  { key: 'immature_label_share', default: 0.1, min: 0, exclusiveMin: true, max: 1, percent: true, rules: ['MLSD309'], description: 'The share of `data.training_window` younger than the label delay (and not covered by `maturity`) from which unmatured labels are reported.' },
  { key: 'default_hnsw_m', default: 32, min: 1, rules: ['MLSD608'], description: 'The HNSW graph degree M used for index memory when a doc does not state `serving.index.m`: links take 2·M·4 bytes per item (level-0 neighbour ids).' },
  { key: 'min_experiment_days', default: 7, min: 1, rules: ['MLSD510', 'MLSD516'], description: 'The shortest online experiment worth running, in days; days needed are rounded up to whole weeks of at least this.' },
  // v1.1 generative systems (genai.md §11); read by rules MLSD1xx–7xx of genai.md §7
  { key: 'streaming_output_tokens', default: 100, min: 1, rules: ['MLSD150', 'MLSD752'], description: 'A user-facing text generator whose `streaming` is not stated counts as streamed when its responses (`scale.output_tokens` or `prompt.max_output_tokens`) are at least this many tokens long (genai.md §4 *Streamed*).' },
  { key: 'gpu_memory_utilization', default: 0.9, min: 0, exclusiveMin: true, max: 1, percent: true, rules: ['MLSD651'], description: 'The share of accelerator memory usable for weights and KV cache (the rest goes to activations, the CUDA context and fragmentation). A fraction (`0.9`) or, in `.mlsdrc.yaml`, a percentage (`90%`).' },
  { key: 'hours_per_month', default: 720, min: 1, max: 744, rules: ['MLSD654', 'MLSD152'], description: 'Hours of accelerator time billed per month when a self-hosted monthly cost is computed from `price_per_gpu_hour` (720 = 30 days around the clock).' },
] as const satisfies readonly OptionSpec[];

export type OptionKey = (typeof OPTIONS)[number]['key'];

/** The options every rule receives, resolved from the defaults and the config layers. */
export type RuleOptions = { [K in OptionKey]: number };

export const DEFAULT_OPTIONS: RuleOptions = Object.fromEntries(OPTIONS.map((o) => [o.key, o.default])) as RuleOptions;

/** `imbalance_threshold` → `imbalanceThreshold` (the editor setting `mlsd.options.imbalanceThreshold`). */
export function camelKey(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Finds an option by its snake_case or camelCase name, case-insensitive, `-`/`_` ignored. */
export function optionByName(name: string): OptionSpec | undefined {
  const n = name.toLowerCase().replace(/[-_]/g, '');
  return OPTIONS.find((o) => o.key.replace(/_/g, '') === n);
}

/** The allowed range in words: "greater than 0 and at most 0.5", "at least 1". */
export function rangeText(o: OptionSpec): string {
  const low = o.exclusiveMin ? `greater than ${o.min}` : `at least ${o.min}`;
  return o.max === undefined ? low : `${low} and at most ${o.max}`;
}

/**
 * Checks a value against an option's table entry: a number (or a numeric string; a percentage where the
 * option allows one) within its range. Returns the number, or a message saying what is wrong.
 */
export function checkOption(o: OptionSpec, value: unknown): { value: number } | { error: string } {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && value.trim() !== '') {
    const s = value.trim();
    if (s.endsWith('%')) n = o.percent ? Number(s.slice(0, -1).trim()) / 100 : Number.NaN;
    else n = Number(s);
  }
  if (n === undefined || !Number.isFinite(n))
    return {
      error: `Option \`${o.key}\` must be a number${o.percent ? ' or a percentage' : ''}; got ${JSON.stringify(value)}.`,
    };
  const tooLow = o.exclusiveMin ? n <= o.min : n < o.min;
  if (tooLow || (o.max !== undefined && n > o.max))
    return { error: `Option \`${o.key}\` must be ${rangeText(o)}; got ${JSON.stringify(value)}.` };
  return { value: n };
}

/** The JSON Schema bounds of an option (draft-07: `exclusiveMinimum` is a number). */
export function optionBounds(o: OptionSpec): { minimum?: number; exclusiveMinimum?: number; maximum?: number } {
  return {
    ...(o.exclusiveMin ? { exclusiveMinimum: o.min } : { minimum: o.min }),
    ...(o.max !== undefined ? { maximum: o.max } : {}),
  };
}

/**
 * The `contributes.configuration.properties` entries of package.json for the options (`mlsd.options.*`),
 * in table order. package.json must equal this (a unit test); `npm run gen` rewrites it.
 */
export function optionSettings(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const o of OPTIONS as readonly OptionSpec[]) {
    out[`mlsd.options.${camelKey(o.key)}`] = {
      type: 'number',
      default: o.default,
      ...optionBounds(o),
      scope: 'resource',
      markdownDescription: `${o.description} Read by ${o.rules.join(', ')}. Same as \`options.${o.key}\` in \`.mlsdrc.yaml\`; a value set here overrides it.`,
    };
  }
  return out;
}
