/**
 * Server-side state that does not need the connection: the analysis cache (one parse and one lint
 * per document version and config), and config resolution per document (preset → .mlsdrc.yaml →
 * editor settings). The server entry feeds it text and settings; features read `Analysis`.
 */
import type { Analysis } from './lint/analysis';
import { analyze, lint } from './lint/engine';
import { MlsdDoc } from './engine/model';
import { parseText } from './engine/parse';
import { reparse, sameParse } from './engine/reparse';
import {
  isInside,
  loadConfigFile,
  resolveConfigFor,
  resolveConfig,
  settingsToRaw,
  type ConfigProblem,
  type RawConfig,
  type ResolvedConfig,
} from './lint/config';
import type { MlsdSettings } from './protocol';
import { nodeFs, type FileReaderWithTime } from './lint/nodeFs';
import { uriToPath } from './lint/uri';

export type SessionFs = FileReaderWithTime;

/** `MLSD_CHECK_REPARSE=1` (tests, the fuzzer): every patched parse is compared with a full parse. */
const CHECK_REPARSE = process.env.MLSD_CHECK_REPARSE === '1';

export class Session {
  private cache = new Map<string, Analysis>();
  private settings = new Map<string, MlsdSettings>();
  private fileConfigs = new Map<string, { mtime: number; raw?: RawConfig; problems: ConfigProblem[] }>();
  /** bumped whenever settings or config files change: cached lint results are then stale */
  private generation = 0;
  private generations = new Map<string, number>();
  workspaceRoots: string[] = [];

  constructor(private fsx: SessionFs = nodeFs) {}

  setSettings(uri: string, s: MlsdSettings | undefined): void {
    const prev = JSON.stringify(this.settings.get(uri) ?? null);
    const next = JSON.stringify(s ?? null);
    if (prev !== next) {
      if (s) this.settings.set(uri, s);
      else this.settings.delete(uri);
      this.generation++;
    }
  }

  getSettings(uri: string): MlsdSettings | undefined {
    return this.settings.get(uri);
  }

  hasSettings(uri: string): boolean {
    return this.settings.has(uri);
  }

  /** Settings or config files changed everywhere: drop every cached result and setting. */
  invalidateAll(): void {
    this.settings.clear();
    this.fileConfigs.clear();
    this.generation++;
  }

  /** A `.mlsdrc.yaml` changed on disk. */
  invalidateConfigFiles(): void {
    this.fileConfigs.clear();
    this.generation++;
  }

  close(uri: string): void {
    this.cache.delete(uri);
    this.settings.delete(uri);
    this.generations.delete(uri);
  }

  /** The analysis of a document version: parsed and linted once, then served from the cache. */
  analysis(uri: string, version: number | null, text: string): Analysis {
    const c = this.cache.get(uri);
    // same version: the parse is reused; only a config change (a new generation) re-lints it
    const sameVersion = !!c && version !== null && c.version === version && c.doc.text === text;
    if (sameVersion && this.generations.get(uri) === this.generation) return c!;
    const t0 = performance.now();
    const doc = sameVersion ? c!.doc : this.parse(c, uri, version, text);
    const { config, problems, file } = this.configFor(uri);
    const result = lint(doc, config);
    const a: Analysis = {
      uri,
      version,
      doc,
      config,
      lint: result,
      configProblems: problems,
      configFile: file,
      elapsedMs: performance.now() - t0,
    };
    this.cache.set(uri, a);
    this.generations.set(uri, this.generation);
    return a;
  }

  /** a new version's parse: the previous one patched when the edit is inside one value, else a full parse */
  private parse(prev: Analysis | undefined, uri: string, version: number | null, text: string): MlsdDoc {
    const patched = prev ? reparse(prev.doc.parsed, text) : undefined;
    if (!patched) return analyze(text, uri, version);
    if (CHECK_REPARSE && !sameParse(patched, parseText(text)))
      console.error(`mlsd: the patched parse of ${uri} v${version} differs from the full parse`);
    return new MlsdDoc(patched, uri, version);
  }

  /**
   * The analysis of a doc that is not open (workspace linting): linted with `settings` (its workspace
   * folder's), the config files read through the same cache, and not kept (the caller keeps what it needs).
   */
  analyzeDetached(uri: string, text: string, settings: MlsdSettings | undefined): Analysis {
    const t0 = performance.now();
    const doc = analyze(text, uri, null);
    const { config, problems, file } = this.configFor(uri, settings);
    return {
      uri,
      version: null,
      doc,
      config,
      lint: lint(doc, config),
      configProblems: problems,
      configFile: file,
      elapsedMs: performance.now() - t0,
    };
  }

  cached(uri: string): Analysis | undefined {
    return this.cache.get(uri);
  }

  /** The workspace folder holding a path (the innermost, for nested folders); undefined outside all. */
  workspaceRootOf(p: string): string | undefined {
    let best: string | undefined;
    for (const r of this.workspaceRoots) if (isInside(p, r) && (!best || r.length > best.length)) best = r;
    return best;
  }

  configFor(
    uri: string,
    settings: MlsdSettings | undefined = this.settings.get(uri),
  ): { config: ResolvedConfig; problems: ConfigProblem[]; file?: string } {
    const problems: ConfigProblem[] = [];
    const layers: (RawConfig | undefined)[] = [];
    const p = uriToPath(uri);
    let file: string | undefined;
    if (p) {
      file = resolveConfigFor(p, this.workspaceRootOf(p), this.fsx);
      if (file) {
        const mtime = this.fsx.mtime(file);
        let entry = this.fileConfigs.get(file);
        if (!entry || entry.mtime !== mtime) {
          const ps: ConfigProblem[] = [];
          entry = { mtime, raw: loadConfigFile(file, this.fsx, ps), problems: ps };
          this.fileConfigs.set(file, entry);
        }
        layers.push(entry.raw);
        problems.push(...entry.problems);
      }
    }
    const s = settings;
    layers.push(
      settingsToRaw(
        s ? { preset: s.preset, rules: s.rules, options: s.options as Record<string, unknown> | undefined } : undefined,
      ),
    );
    const config = resolveConfig(layers, problems);
    return { config, problems, file };
  }
}
