/**
 * Configuration: presets (`recommended`, `strict`), the project file `.mlsdrc.yaml` (found by
 * `resolveConfigFor`, the same search for the editor and the CLI), and editor/CLI overrides. Rule names
 * are ids or aliases, case-insensitive. Pure functions; files are read through an injectable reader.
 */
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RULES, ruleByName } from '../rules';
import {
  checkOption,
  DEFAULT_OPTIONS,
  OPTIONS,
  type OptionKey,
  optionByName,
  type RuleOptions,
} from '../engine/options';
import type { Severity, SeverityOrOff } from '../rules/types';

export type Preset = 'recommended' | 'strict';
export const PRESETS: Preset[] = ['recommended', 'strict'];
export const SEVERITIES: SeverityOrOff[] = ['off', 'hint', 'info', 'warning', 'error'];

/** A config layer as written in `.mlsdrc.yaml`, the `mlsd.*` settings, or CLI flags. */
export interface RawConfig {
  extends?: string;
  rules?: Record<string, unknown>;
  options?: Record<string, unknown>;
}

export interface ResolvedConfig {
  preset: Preset;
  severity: Map<string, SeverityOrOff>;
  options: RuleOptions;
}

export interface ConfigProblem {
  message: string;
  source?: string;
}

export function presetSeverity(preset: Preset, def: Severity): Severity {
  return preset === 'strict' && def === 'info' ? 'warning' : def;
}

function normSeverity(v: unknown): SeverityOrOff | undefined {
  if (v === false || v === 0) return 'off';
  if (v === true) return undefined; // "on": keep the preset's severity
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (s === 'warn') return 'warning';
  if (s === 'information') return 'info';
  return (SEVERITIES as string[]).includes(s) ? (s as SeverityOrOff) : undefined;
}

/** Merges config layers (later layers win) over a preset. Unknown names and values are reported, never fatal. */
export function resolveConfig(layers: (RawConfig | undefined)[], problems: ConfigProblem[] = []): ResolvedConfig {
  let preset: Preset = 'recommended';
  for (const l of layers) {
    if (l?.extends !== undefined) {
      const p = String(l.extends)
        .replace(/^mlsd:/, '')
        .trim()
        .toLowerCase();
      if ((PRESETS as string[]).includes(p)) preset = p as Preset;
      else problems.push({ message: `Unknown preset \`${String(l.extends)}\`; use \`recommended\` or \`strict\`.` });
    }
  }
  const severity = new Map<string, SeverityOrOff>();
  for (const r of RULES) severity.set(r.meta.id, presetSeverity(preset, r.meta.defaultSeverity));
  const options: RuleOptions = { ...DEFAULT_OPTIONS };
  for (const l of layers) {
    if (!l) continue;
    for (const [name, value] of Object.entries(l.rules ?? {})) {
      const rule = ruleByName(name);
      if (!rule) {
        problems.push({ message: `Unknown rule \`${name}\` in configuration.` });
        continue;
      }
      const sevValue = Array.isArray(value) ? value[0] : value;
      const sev = normSeverity(sevValue);
      if (sev) severity.set(rule.meta.id, sev);
      else if (sevValue !== true)
        problems.push({
          message: `Invalid severity \`${String(sevValue)}\` for ${rule.meta.id}; use off, hint, info, warning or error.`,
        });
      if (Array.isArray(value) && value[1] && typeof value[1] === 'object')
        mergeOptions(options, value[1] as Record<string, unknown>, problems);
    }
    if (l.options && typeof l.options === 'object') mergeOptions(options, l.options, problems);
  }
  return { preset, severity, options };
}

function mergeOptions(into: RuleOptions, from: Record<string, unknown>, problems: ConfigProblem[]): void {
  for (const [k, v] of Object.entries(from)) {
    const o = optionByName(k);
    if (!o) {
      problems.push({ message: `Unknown option \`${k}\`; known: ${OPTIONS.map((x) => x.key).join(', ')}.` });
      continue;
    }
    if (v === null || v === undefined) continue;
    const checked = checkOption(o, v);
    if ('error' in checked) problems.push({ message: checked.error });
    else into[o.key as OptionKey] = checked.value;
  }
}

export const CONFIG_FILE_NAMES = ['.mlsdrc.yaml', '.mlsdrc.yml'];

/** Parses the text of a `.mlsdrc.yaml`. */
export function parseConfigText(text: string, source: string, problems: ConfigProblem[] = []): RawConfig | undefined {
  try {
    const v = parseYaml(text, { maxAliasCount: 50 }) as unknown;
    if (v == null) return {};
    if (typeof v !== 'object' || Array.isArray(v)) {
      problems.push({ message: 'The config file must be a mapping with `extends`, `rules` and `options`.', source });
      return undefined;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o))
      if (!['extends', 'rules', 'options', '$schema'].includes(k))
        problems.push({ message: `Unknown key \`${k}\` in the config file.`, source });
    return {
      extends: o.extends === undefined ? undefined : String(o.extends),
      rules: o.rules && typeof o.rules === 'object' ? (o.rules as Record<string, unknown>) : undefined,
      options: o.options && typeof o.options === 'object' ? (o.options as Record<string, unknown>) : undefined,
    };
  } catch (err) {
    problems.push({ message: `The config file is not valid YAML: ${(err as Error).message.split('\n')[0]}`, source });
    return undefined;
  }
}

export interface FileReader {
  /** a regular file exists there */
  exists(p: string): boolean;
  read(p: string): string;
  /** anything exists there, a file or a folder (`.git` is a file in a git worktree); defaults to `exists` */
  entryExists?(p: string): boolean;
}

/** The marker of a project root: the config search never goes above a folder holding it. */
export const PROJECT_ROOT_MARKER = '.git';

/**
 * The one config resolver of the editor and the CLI: the `.mlsdrc.yaml` (or `.mlsdrc.yml`) that applies
 * to the doc at `docPath`. The search walks up from the doc's folder and returns the first config file
 * found; it stops (after looking there) at the first folder that holds `.git` or is `root`, whichever
 * comes first. `root` is the editor's workspace folder or the CLI's working directory; it only counts when
 * the doc is inside it (otherwise the search stops at `.git` or the filesystem root).
 */
export function resolveConfigFor(docPath: string, root: string | undefined, fsr: FileReader): string | undefined {
  let dir = path.dirname(path.resolve(docPath));
  const stop = root !== undefined && isInside(dir, path.resolve(root)) ? path.resolve(root) : undefined;
  const entryExists = fsr.entryExists ?? fsr.exists;
  for (let i = 0; i < 256; i++) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = path.join(dir, name);
      if (fsr.exists(p)) return p;
    }
    if (dir === stop || entryExists(path.join(dir, PROJECT_ROOT_MARKER))) return undefined;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/** `p` is `folder` or below it. */
export function isInside(p: string, folder: string): boolean {
  const rel = path.relative(folder, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function loadConfigFile(file: string, fsr: FileReader, problems: ConfigProblem[] = []): RawConfig | undefined {
  try {
    return parseConfigText(fsr.read(file), file, problems);
  } catch (err) {
    problems.push({ message: `Cannot read ${file}: ${(err as Error).message}`, source: file });
    return undefined;
  }
}

/** Maps the editor settings (`mlsd.*`, camelCase options) to a config layer. */
export function settingsToRaw(
  s: { preset?: string; rules?: Record<string, unknown>; options?: Record<string, unknown> } | undefined,
): RawConfig | undefined {
  if (!s) return undefined;
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s.options ?? {})) if (v !== undefined && v !== null) options[k] = v;
  return { extends: s.preset || undefined, rules: s.rules, options };
}
