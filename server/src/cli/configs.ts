/**
 * Configuration per doc for the CLI: the preset, then the `.mlsdrc.yaml` that `resolveConfigFor` finds for
 * the doc (the editor's search: up from the doc, stopping at the working directory or at a folder that
 * holds `.git`, whichever comes first) — or, instead of that search, the `--config` file — then `--preset`
 * and `--rule`. Every problem is attributed to the file it comes from;
 * the caller stops on any.
 */
import * as path from 'node:path';
import {
  loadConfigFile,
  resolveConfig,
  resolveConfigFor,
  type FileReader,
  type RawConfig,
  type ResolvedConfig,
} from '../lint/config';
import type { CliOptions } from './args';

import { nodeFs as nodeReader } from '../lint/nodeFs';

export { nodeReader };

export interface ConfigError {
  /** the config file, or `--rule` / `--preset` */
  source: string;
  message: string;
}

interface LoadedFile {
  raw?: RawConfig;
  errors: ConfigError[];
}

export class CliConfigs {
  private files = new Map<string, LoadedFile>();
  private resolved = new Map<string, ResolvedConfig>();
  private found = new Map<string, string | undefined>();
  private explicit?: LoadedFile;
  private flags: RawConfig;
  /** every problem met so far, each once */
  readonly errors: ConfigError[] = [];
  private reported = new Set<string>();

  constructor(
    opts: Pick<CliOptions, 'config' | 'preset' | 'rules'>,
    private readonly cwd: string,
    private readonly reader: FileReader = nodeReader,
  ) {
    this.flags = {
      extends: opts.preset,
      rules: Object.fromEntries(opts.rules.map((r) => [r.id, r.severity])),
    };
    if (opts.config !== undefined) {
      const file = path.resolve(cwd, opts.config);
      if (!reader.exists(file)) {
        this.explicit = {
          errors: [
            {
              source: opts.config,
              message: `The config file ${opts.config} (--config) does not exist or is not a file.`,
            },
          ],
        };
      } else this.explicit = this.load(file);
      this.note(this.explicit.errors);
    }
  }

  private load(file: string): LoadedFile {
    let entry = this.files.get(file);
    if (entry) return entry;
    const problems: { message: string; source?: string }[] = [];
    const raw = loadConfigFile(file, this.reader, problems);
    // resolve the layer alone to learn its unknown rules, bad severities and bad options
    if (raw) resolveConfig([raw], problems);
    const rel = display(file, this.cwd);
    entry = { raw, errors: problems.map((p) => ({ source: rel, message: p.message })) };
    this.files.set(file, entry);
    return entry;
  }

  private note(errors: ConfigError[]): void {
    for (const e of errors) {
      const k = `${e.source}\u0000${e.message}`;
      if (this.reported.has(k)) continue;
      this.reported.add(k);
      this.errors.push(e);
    }
  }

  /** The config search, once per folder: every doc of a folder finds the same file. */
  private searchFor(abs: string): string | undefined {
    const dir = path.dirname(abs);
    if (this.found.has(dir)) return this.found.get(dir);
    const file = resolveConfigFor(abs, this.cwd, this.reader);
    this.found.set(dir, file);
    return file;
  }

  /** The resolved config for a doc, and the config file found for it. Problems land in `errors`. */
  forFile(docPath: string): { config: ResolvedConfig; file?: string } {
    // --config replaces the search (as ESLint's and markdownlint-cli2's --config do); the working
    // directory plays the part of the editor's workspace folder
    const file = this.explicit ? undefined : this.searchFor(path.resolve(this.cwd, docPath));
    const key = file ?? '';
    let config = this.resolved.get(key);
    if (!config) {
      const layers: (RawConfig | undefined)[] = [];
      if (file) {
        const loaded = this.load(file);
        this.note(loaded.errors);
        layers.push(loaded.raw);
      }
      layers.push(this.explicit?.raw, this.flags);
      config = resolveConfig(layers, []);
      this.resolved.set(key, config);
    }
    return { config, file };
  }
}

/** A path as shown to the user: relative to the working directory (absolute on another drive). */
export function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !path.isAbsolute(rel) ? rel : file;
}
