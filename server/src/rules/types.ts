/**
 * The shape of a lint rule: metadata plus a pure `check` over the document model. One file per rule
 * (`MLSDnnn-alias.ts`), listed in the explicit registry `index.ts`.
 */
import type { TextEdit } from '../engine/edits';
import type { MlsdDoc, Related, Span } from '../engine/model';

export type { Related, TextEdit };

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';
export type Fixable = 'none' | 'safe' | 'unsafe';

export interface RuleMeta {
  /** stable id, `MLSDnnn`; the hundreds digit is the framework step */
  id: string;
  /** kebab-case alias, accepted wherever the id is */
  alias: string;
  /** earlier aliases a later spec revision renamed, still accepted wherever the id is (MLSD507's v1 alias) */
  formerAliases?: string[];
  /** short title, for docs and `mlsd rules` */
  title: string;
  /** framework step 0..7 (0 = document structure) */
  step: number;
  defaultSeverity: Severity;
  fixable: Fixable;
  /** one-sentence description of the trigger (docs, SARIF) */
  description: string;
  /** option names this rule reads (rules.md thresholds) */
  options?: (keyof RuleOptions)[];
}

/** The rule options and their defaults derive from the options table (engine/options.ts). */
export { DEFAULT_OPTIONS, type RuleOptions } from '../engine/options';
import type { RuleOptions } from '../engine/options';

export interface Fix {
  /** what the fix does, as a code action title ("Rename to `latency`") */
  title: string;
  edits: TextEdit[];
  /** safe fixes are applied by --fix and "fix all"; unsafe ones only when chosen */
  safe: boolean;
}

export interface Report extends Span {
  /**
   * The headline: one line, at most 100 characters, that says what is wrong with the key figure
   * ("Stage latencies sum to 230ms, over the p99 budget of 200ms").
   */
  message: string;
  /**
   * Why it matters for an ML system and what to write instead (one paragraph, Markdown code spans).
   * Every finding has one; `test/unit/messageContract.test.ts` checks it for the converted rules.
   */
  explanation?: string;
  fix?: Fix;
  /** further fixes offered as quick fixes (did-you-mean alternatives) */
  suggestions?: Fix[];
  related?: Related[];
  /**
   * The framework step (1–7) a document-structure finding is about, when it is not the rule's own step:
   * MLSD006 sets the step whose section is missing, so the design outline files the finding under it.
   */
  aboutStep?: number;
}

export interface Finding extends Report {
  ruleId: string;
  alias: string;
  severity: Severity;
}

export interface RuleContext {
  doc: MlsdDoc;
  options: RuleOptions;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
