/**
 * Command-line parsing for `mlsd` (node:util parseArgs, strict). Turns argv into a command and typed
 * options, or a usage error with a message; never exits the process.
 */
import { parseArgs } from 'node:util';
import { PRESETS, SEVERITIES, type Preset } from '../lint/config';
import { ruleByName } from '../rules';
import type { SeverityOrOff } from '../rules/types';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit', 'summary', 'markdown'] as const;
/** `mlsd export` formats */
export const EXPORT_FORMATS = ['markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number] | 'html';
export const COMMANDS = ['lint', 'rules', 'explain', 'init', 'export', 'help', 'version'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliOptions {
  command: Command;
  /** `help <command>`: the command to explain */
  helpTopic?: string;
  /** `explain <rule>`: the rule id or alias */
  ruleName?: string;
  /** `init [dir]`: the folder to write into (the working directory when absent) */
  initDir?: string;
  /** `export <doc>`: the design doc to export */
  exportDoc?: string;
  /** `init --template <name>` */
  template?: string;
  /** `init --list-templates` */
  listTemplates: boolean;
  /** `lint --cache`: reuse the findings of unchanged docs */
  cache: boolean;
  /** `lint --cache-location <file|dir>` (default `.mlsdcache` in the working directory) */
  cacheLocation?: string;
  /** `lint --debug`: a stats line on stderr (files linted, from the cache, time) */
  debug: boolean;
  patterns: string[];
  format: Format;
  /** -1 = unlimited (ESLint semantics) */
  maxWarnings: number;
  fix: boolean;
  fixDryRun: boolean;
  config?: string;
  /** `--rule` flags, in order: rule id (canonical) → severity */
  rules: { name: string; id: string; severity: SeverityOrOff }[];
  preset?: Preset;
  quiet: boolean;
  /** stylish: each finding's explanation under it */
  verbose: boolean;
  outputFile?: string;
  /** undefined = decide from NO_COLOR / TTY */
  color?: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {
  /** true when the command itself is missing or unknown: the general usage is printed too */
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  preset: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  'output-file': { type: 'string', short: 'o' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  debug: { type: 'boolean' },
  template: { type: 'string', short: 't' },
  'list-templates': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Options each command accepts (besides --help / --version / --color / --no-color). */
const LINT_ONLY = [
  'max-warnings',
  'fix',
  'fix-dry-run',
  'config',
  'rule',
  'preset',
  'quiet',
  'verbose',
  'output-file',
  'cache',
  'cache-location',
  'debug',
];
const INIT_ONLY = ['template', 'list-templates'];
/** Lint options `mlsd export` takes too: the doc's config decides its findings. */
const EXPORT_TOO = ['config', 'rule', 'preset', 'output-file'];
const STRING_OPTIONS = new Set(
  Object.entries(OPTIONS)
    .filter(([, o]) => o.type === 'string')
    .flatMap(([k, o]) => [`--${k}`, ...('short' in o ? [`-${o.short}`] : [])]),
);

export function parseCli(argv: string[]): CliOptions {
  // parseArgs refuses `--max-warnings -1` as ambiguous: glue a negative number to its option
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (STRING_OPTIONS.has(a) && i + 1 < argv.length && /^-\d+$/.test(argv[i + 1])) {
      args.push(`${a}=${argv[++i]}`);
    } else args.push(a);
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(cleanParseError((err as Error).message));
  }
  const v = parsed.values;
  const positionals = [...parsed.positionals];

  let command: Command;
  let helpTopic: string | undefined;
  const first = positionals.shift();
  if (first === undefined) {
    if (v.version) command = 'version';
    else if (v.help) command = 'help';
    else throw new UsageError('No command given.', true);
  } else if ((COMMANDS as readonly string[]).includes(first)) {
    command = first as Command;
  } else {
    throw new UsageError(
      `Unknown command \`${first}\`.${looksLikePath(first) ? ` To lint files, run \`mlsd lint ${first}\`.` : ''}`,
      true,
    );
  }
  if (command === 'help') {
    helpTopic = positionals.shift();
    if (helpTopic !== undefined && !(COMMANDS as readonly string[]).includes(helpTopic))
      throw new UsageError(`Unknown command \`${helpTopic}\`.`, true);
    if (positionals.length) throw new UsageError(`Unexpected argument \`${positionals[0]}\`.`);
  }
  let ruleName: string | undefined;
  if (command === 'explain') {
    ruleName = positionals.shift();
    if (ruleName === undefined)
      throw new UsageError('`mlsd explain` needs a rule id or alias (`mlsd explain MLSD303`).');
    if (positionals.length) throw new UsageError(`Unexpected argument \`${positionals[0]}\`.`);
    if (v.format !== undefined) throw new UsageError('`mlsd explain` prints text; it takes no --format.');
  }
  let initDir: string | undefined;
  if (command === 'init') {
    initDir = positionals.shift();
    if (positionals.length)
      throw new UsageError(`\`mlsd init\` takes at most one folder (got \`${positionals[0]}\` too).`);
    if (v.format !== undefined) throw new UsageError('`mlsd init` writes files; it takes no --format.');
    if (v.template !== undefined && v.template.trim() === '') throw new UsageError('--template needs a template name.');
  } else {
    for (const k of INIT_ONLY) {
      if (v[k as keyof typeof v] !== undefined)
        throw new UsageError(`--${k} is an option of \`mlsd init\`, not of \`mlsd ${command}\`.`);
    }
  }
  if ((command === 'rules' || command === 'version') && positionals.length) {
    throw new UsageError(`\`mlsd ${command}\` takes no arguments (got \`${positionals[0]}\`).`);
  }
  let exportDoc: string | undefined;
  if (command === 'export') {
    exportDoc = positionals.shift();
    if (exportDoc === undefined)
      throw new UsageError('`mlsd export` needs a design doc (`mlsd export doc.mlsd.yaml --format html`).');
    if (positionals.length) throw new UsageError(`\`mlsd export\` takes one doc (got \`${positionals[0]}\` too).`);
  }
  if (command !== 'lint') {
    for (const k of LINT_ONLY) {
      if (command === 'export' && EXPORT_TOO.includes(k)) continue;
      if (v[k as keyof typeof v] !== undefined)
        throw new UsageError(`--${k} is an option of \`mlsd lint\`, not of \`mlsd ${command}\`.`);
    }
  }

  const format = (v.format ?? (command === 'export' ? 'markdown' : 'stylish')).toLowerCase();
  if (command === 'export') {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format))
      throw new UsageError(`Unknown export format \`${v.format}\`; use ${EXPORT_FORMATS.join(' or ')}.`);
  } else if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`Unknown format \`${v.format}\`; use ${FORMATS.join(', ')}.`);
  if (command === 'rules' && format !== 'stylish' && format !== 'json')
    throw new UsageError('`mlsd rules` prints stylish (a table) or json.');

  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    const s = v['max-warnings'].trim();
    if (!/^-?\d+$/.test(s) || Number(s) < -1)
      throw new UsageError(`--max-warnings takes a whole number ≥ -1 (-1 = unlimited), not \`${v['max-warnings']}\`.`);
    maxWarnings = Number(s);
  }

  let preset: Preset | undefined;
  if (v.preset !== undefined) {
    const p = v.preset
      .replace(/^mlsd:/, '')
      .trim()
      .toLowerCase();
    if (!(PRESETS as string[]).includes(p))
      throw new UsageError(`Unknown preset \`${v.preset}\`; use recommended or strict.`);
    preset = p as Preset;
  }

  const rules: CliOptions['rules'] = [];
  for (const r of v.rule ?? []) {
    const m = /^\s*([^=:\s]+)\s*[=:]\s*(\S+)\s*$/.exec(r);
    if (!m)
      throw new UsageError(
        `--rule takes ID=severity (for example \`--rule MLSD107=off\` or \`--rule missing-online-metric=error\`), not \`${r}\`.`,
      );
    const rule = ruleByName(m[1]);
    if (!rule) throw new UsageError(`Unknown rule \`${m[1]}\` in --rule. \`mlsd rules\` lists the ids and aliases.`);
    let sev = m[2].toLowerCase();
    if (sev === 'warn') sev = 'warning';
    if (!(SEVERITIES as string[]).includes(sev))
      throw new UsageError(`Invalid severity \`${m[2]}\` in --rule ${r}; use off, hint, info, warning or error.`);
    rules.push({ name: m[1], id: rule.meta.id, severity: sev as SeverityOrOff });
  }

  if (v.fix && v['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together.');
  if (v.color && v['no-color']) throw new UsageError('--color and --no-color cannot be used together.');
  if (v['output-file'] !== undefined && v['output-file'].trim() === '')
    throw new UsageError('--output-file needs a file name.');
  if (v.config !== undefined && v.config.trim() === '') throw new UsageError('--config needs a file name.');
  if (v['cache-location'] !== undefined && v['cache-location'].trim() === '')
    throw new UsageError('--cache-location needs a file or folder name.');

  return {
    command,
    helpTopic,
    ruleName,
    initDir,
    exportDoc,
    template: v.template,
    listTemplates: !!v['list-templates'],
    cache: !!v.cache || v['cache-location'] !== undefined,
    cacheLocation: v['cache-location'],
    debug: !!v.debug,
    patterns: command === 'lint' ? positionals : [],
    format: format as Format,
    maxWarnings,
    fix: !!v.fix,
    fixDryRun: !!v['fix-dry-run'],
    config: v.config,
    rules,
    preset,
    quiet: !!v.quiet,
    verbose: !!v.verbose,
    outputFile: v['output-file'],
    color: v['no-color'] ? false : v.color ? true : undefined,
    help: !!v.help,
    version: !!v.version,
  };
}

function looksLikePath(s: string): boolean {
  return /[\\/.*]/.test(s);
}

function cleanParseError(m: string): string {
  const first = m.split('\n')[0];
  return first.replace(/ To specify a positional argument starting with a '-'.*$/, '').trim();
}

export const USAGE = `Usage: mlsd <command> [options]

Commands:
  lint [files|dirs|globs…]   Lint ML system design docs (default: every *.mlsd.yaml / *.mlsd.yml
                             under the working directory, skipping node_modules and dot-folders)
  rules                      List the rule catalogue (id, alias, step, default severity, fixable, title)
  explain <id|alias>         Print a rule's page: what it checks, why it matters, bad and good examples
  init [dir]                 Write a commented .mlsdrc.yaml and a first design doc from a template
  export <doc>               Export a design doc as Markdown or one self-contained HTML file, with the
                             system diagram, the figures, the review scorecard and the review notes
  help [command]             Show this help, or the help of a command
  version                    Print the version (also --version)

Run \`mlsd help lint\` for the lint options.
`;

export const LINT_HELP = `Usage: mlsd lint [options] [files|dirs|globs…]

Lints ML system design docs. Directories expand to the *.mlsd.yaml / *.mlsd.yml files inside them;
files named explicitly are linted whatever their name; globs are expanded (quote them). With no
argument, every design doc under the working directory is linted (node_modules, .git and other
dot-folders are skipped). A pattern that matches nothing is an error.

Options:
  -f, --format <name>      Output format: stylish (default), json (ESLint's shape), sarif (SARIF 2.1.0),
                           github (Actions annotations), gitlab (Code Quality JSON), junit (JUnit XML),
                           summary (one line per doc: readiness, per-step coverage, counts),
                           markdown (a pull-request comment or job summary: scorecard and findings)
  -o, --output-file <file> Write the report to a file instead of stdout
      --max-warnings <n>   Exit 1 when there are more than n warnings (-1 = unlimited, the default)
  -q, --quiet              Report errors only (warnings, infos and hints are neither shown nor counted)
      --verbose            stylish: print each finding's explanation (why it matters, what to write) under it
      --fix                Apply the safe fixes in place, then report what remains
      --fix-dry-run        Compute the safe fixes without writing files (json shows the fixed \`output\`)
      --cache              Skip docs whose content, config and mlsd version are unchanged since the last
                           cached run (their findings come from the cache file)
      --cache-location <p> The cache file, or a folder to keep .mlsdcache in (default: .mlsdcache in the
                           working directory; implies --cache)
      --debug              Print a stats line on stderr: files linted, files from the cache, time
  -c, --config <file>      Use this config file instead of searching for .mlsdrc.yaml
      --rule <id=severity> Set a rule's severity: off, hint, info, warning or error; id or alias;
                           repeatable (--rule MLSD107=off --rule missing-online-metric=error)
      --preset <name>      recommended or strict (strict raises every info to warning)
      --color, --no-color  Force colors on or off (default: on for a terminal, off when NO_COLOR is set)
  -h, --help               Show this help

Configuration per doc: the preset (recommended), then the nearest .mlsdrc.yaml / .mlsdrc.yml walking
up from the doc (stopping at the working directory or a folder holding .git, whichever comes first; the
editor searches the same way from its workspace folder) or the --config file, then --preset and --rule.

Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors, or too many warnings;
2 usage, configuration, unreadable file or internal error. Infos and hints never fail the run.
`;

export const RULES_HELP = `Usage: mlsd rules [--format stylish|json]

Lists every rule: id, alias, framework step, default severity (recommended preset), whether
--fix can fix it, and its title. --format json prints an array of objects with the same fields
plus the description and the docs link.
`;

export const EXPORT_HELP = `Usage: mlsd export <doc> [--format markdown|html] [-o FILE]

Renders one design doc for readers who will not open the YAML:
  markdown (default)  reads as a design doc on GitHub or GitLab: the review scorecard, the system diagram
                      in a mermaid block, the computed figures, a section per framework step with its
                      tables, and review notes whose rule ids link to the rule pages
  html                one self-contained file (inline CSS and SVG diagram, no script, nothing fetched):
                      open it in a browser; Print → Save as PDF gives a clean document

YAML comments that explain a value (trailing, or the lines right above its key) appear next to it.

Options:
  -f, --format <name>      markdown (default) or html
  -o, --output-file <file> Write to a file instead of stdout
  -c, --config <file>      Use this config file instead of searching for .mlsdrc.yaml
      --rule <id=severity> Set a rule's severity (as for lint); repeatable
      --preset <name>      recommended or strict
  -h, --help               Show this help

Exit codes: 0 written (whatever the findings: they are in the export); 2 usage, configuration or an
unreadable doc.
`;

export const EXPLAIN_HELP = `Usage: mlsd explain <id|alias>

Prints a rule's page (docs/rules/<ID>.md, shipped with mlsd) as plain text: what it checks, why it
matters, a bad and a good example, how to configure it. \`mlsd explain MLSD303\` and
\`mlsd explain temporal-leakage\` print the same page. An unknown rule exits 2 with the nearest names.
`;

export const INIT_HELP = `Usage: mlsd init [dir] [--template <name>] [--list-templates]

Writes two files into dir (default: the working directory), creating it when missing:
  .mlsdrc.yaml       the configuration, with comments: the recommended preset, how to set a rule's
                     severity, and every rule option with its default (commented out)
  <name>.mlsd.yaml   a first design doc from a template: design.mlsd.yaml for the blank seven-step
                     skeleton (the default), or <template>.mlsd.yaml for a worked archetype

Options:
  -t, --template <name>    The template: blank (default) or an archetype such as news-feed
      --list-templates     List the templates and exit
  -h, --help               Show this help

It never overwrites: when .mlsdrc.yaml (or .mlsdrc.yml) or the doc already exists, nothing is written
and the command exits 2. The templates are those of the editor's New Design Doc from Template… picker.
`;
