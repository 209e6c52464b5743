/**
 * `mlsd lint --cache`: the findings of each doc, kept in one JSON file (ESLint's `--cache`), so a doc whose
 * content, resolved configuration and mlsd version are unchanged is not linted again. The key of an entry
 * is the SHA-256 of the file's bytes, a hash of the resolved config (preset, severities, options) and of
 * the run options that shape the findings (`--quiet`); the mlsd version is the file's. Paths are stored
 * relative to the cache file's folder, so a CI cache restored into another checkout path still hits.
 *
 * A cache file that is not JSON or not an mlsd cache (corrupt, foreign, another format version) is
 * rebuilt, with a notice; one from another mlsd version is dropped silently (an upgrade re-lints).
 * With `--fix`, a cached doc is reused only when it has nothing to fix; a fixed doc is stored under the
 * hash of the text written. `--fix-dry-run` reads the cache but stores nothing (the file is unchanged).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedConfig } from '../lint/config';
import type { FileResult } from './lintFiles';

/** The cache file's name when `--cache-location` is a folder or absent. */
export const CACHE_FILE_NAME = '.mlsdcache';
/** The format of the cache file; a file with another one is rebuilt. */
export const CACHE_FORMAT = 1;

/** A file's result without the parts that depend on the run (its path, a fix's output). */
export type CachedResult = Omit<FileResult, 'filePath' | 'output' | 'fixedCount'>;

interface Entry {
  /** sha256 of the file's bytes */
  hash: string;
  /** `configKey` of the run that stored it */
  config: string;
  result: CachedResult;
  /** some finding had a safe fix (then `--fix` lints the doc again) */
  fixable: boolean;
}

interface CacheFile {
  mlsdCache: number;
  version: string;
  entries: Record<string, Entry>;
}

/**
 * The cache file for `--cache-location` (resolved against the working directory): a path that is an
 * existing folder, or ends with a separator, holds `.mlsdcache`; anything else is the file itself.
 */
export function cacheFilePath(cwd: string, location?: string): string {
  if (location === undefined) return path.join(cwd, CACHE_FILE_NAME);
  const p = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(p, CACHE_FILE_NAME);
  try {
    if (fs.statSync(p).isDirectory()) return path.join(p, CACHE_FILE_NAME);
  } catch {
    // missing: a file path
  }
  return p;
}

export function contentHash(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The part of an entry's key that comes from the config and the run options. */
export function configKey(config: ResolvedConfig, run: { quiet: boolean }): string {
  const canonical = {
    preset: config.preset,
    severity: [...config.severity.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    options: Object.entries(config.options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    quiet: run.quiet,
  };
  return contentHash(JSON.stringify(canonical)).slice(0, 32);
}

export class LintCache {
  private entries: Record<string, Entry> = {};
  private dirty = false;
  private constructor(
    readonly file: string,
    readonly version: string,
    /** set when the file existed but could not be used (corrupt, foreign): the notice to print */
    readonly notice?: string,
  ) {}

  /** Reads the cache file; a missing file is an empty cache, a bad one an empty cache with a notice. */
  static open(file: string, version: string, shown = file): LintCache {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return new LintCache(file, version);
      return new LintCache(
        file,
        version,
        `cannot read the cache file ${shown} (${(err as Error).message}); linting every doc.`,
      );
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return new LintCache(file, version, `the cache file ${shown} is corrupt (not JSON); it is rebuilt.`);
    }
    if (!isCacheFile(data))
      return new LintCache(
        file,
        version,
        `the cache file ${shown} is not an mlsd cache (format ${CACHE_FORMAT}); it is rebuilt.`,
      );
    const cache = new LintCache(file, version);
    if (data.version === version) cache.entries = data.entries;
    else cache.dirty = true; // another mlsd version: every entry is stale
    return cache;
  }

  private key(file: string): string {
    return path.relative(path.dirname(this.file), file).split(path.sep).join('/');
  }

  /** The cached result of a doc, when its bytes and config key match. */
  get(file: string, hash: string, config: string): { result: FileResult; fixable: boolean } | undefined {
    const e = this.entries[this.key(file)];
    if (!e || e.hash !== hash || e.config !== config || !isResult(e.result)) return undefined;
    // entries come from JSON.parse and are handed out once per run: no copy needed
    return { result: { filePath: file, ...e.result, fixedCount: 0 }, fixable: e.fixable !== false };
  }

  set(file: string, hash: string, config: string, result: FileResult, fixable: boolean): void {
    const { filePath: _p, output: _o, fixedCount: _f, ...rest } = result;
    this.entries[this.key(file)] = { hash, config, result: rest, fixable };
    this.dirty = true;
  }

  /** Forgets a doc (it could not be read, or a rule failed on it). */
  delete(file: string): void {
    const k = this.key(file);
    if (k in this.entries) {
      delete this.entries[k];
      this.dirty = true;
    }
  }

  /** Writes the cache file when it changed (atomically: a temp file, then a rename). */
  save(): void {
    if (!this.dirty && !this.notice) return;
    const data: CacheFile = { mlsdCache: CACHE_FORMAT, version: this.version, entries: this.entries };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.file);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    this.dirty = false;
  }
}

function isCacheFile(v: unknown): v is CacheFile {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return (
    o.mlsdCache === CACHE_FORMAT &&
    typeof o.version === 'string' &&
    !!o.entries &&
    typeof o.entries === 'object' &&
    !Array.isArray(o.entries)
  );
}

function isResult(r: unknown): r is CachedResult {
  return !!r && typeof r === 'object' && Array.isArray((r as CachedResult).messages);
}
