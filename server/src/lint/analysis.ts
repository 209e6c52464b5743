/**
 * `Analysis`: the result of one document version — its parse, the config it was linted with and the
 * findings. Produced once per version and config generation (by the server's `Session`); every feature
 * reads it and never re-parses.
 */
import type { MlsdDoc } from '../engine/model';
import type { ConfigProblem, ResolvedConfig } from './config';
import type { LintResult } from './engine';

export interface Analysis {
  uri: string;
  version: number | null;
  doc: MlsdDoc;
  config: ResolvedConfig;
  lint: LintResult;
  configProblems: ConfigProblem[];
  /** the `.mlsdrc.yaml` that applied (resolveConfigFor), if any */
  configFile?: string;
  elapsedMs: number;
}
