/**
 * The metadata header of each rule page (`docs/rules/<ID>.md`), generated from the rule's `meta`: the
 * heading (id · alias), the title, and a table: step, severity per preset, fixable, the options the rule
 * reads with their defaults. It sits between `<!-- meta:start … -->` and
 * `<!-- meta:end -->`; everything after it is written by hand. `npm run gen` rewrites it.
 */
import { STEP_KEYS } from '../../server/src/engine/catalog';
import { PRESETS, presetSeverity } from '../../server/src/lint/config';
import { DEFAULT_OPTIONS, type Rule } from '../../server/src/rules/types';

export const META_START =
  '<!-- meta:start: generated from the rule meta by `npm run gen`; edit the rule, not this block -->';
export const META_END = '<!-- meta:end -->';

const FIXABLE: Record<string, string> = {
  none: 'no',
  safe: 'yes, safe: `mlsd lint --fix` and **Fix All** apply it',
  unsafe: 'yes, unsafe: offered as a quick fix only',
};

export function stepName(step: number): string {
  return step === 0 ? 'document structure' : STEP_KEYS[step - 1];
}

/** A new rule's page before it is written: the standard headings (`rules.test.ts` requires them). */
export const PAGE_SKELETON = `${['What it checks', 'Why it matters', 'Bad', 'Good', 'How to fix', 'Options']
  .map((h) => (h === 'Bad' || h === 'Good' ? `## ${h}\n\n\`\`\`yaml\nmlsd: 1\n\`\`\`` : `## ${h}`))
  .join('\n\n')}\n`;

/** The generated block, markers included. */
export function ruleDocHeader(rule: Rule): string {
  const m = rule.meta;
  const options = (m.options ?? []).map((o) => `\`${o}\` (default \`${DEFAULT_OPTIONS[o]}\`)`).join(', ') || 'none';
  const presets = PRESETS.map((p) => `\`${p}\`: ${presetSeverity(p, m.defaultSeverity)}`).join(' · ');
  return [
    META_START,
    `# ${m.id} · ${m.alias}`,
    '',
    `> ${m.title}`,
    '',
    '| id | alias | step | severity by preset | fixable | options |',
    '|---|---|---|---|---|---|',
    `| \`${m.id}\` | \`${m.alias}\` | ${m.step} · ${stepName(m.step)} | ${presets} | ${FIXABLE[m.fixable]} | ${options} |`,
    META_END,
  ].join('\n');
}

/**
 * The page with its header regenerated. A page without markers gets the block in place of its first
 * heading and the summary line under it (the hand-written form before generation), or on top.
 */
export function withRuleDocHeader(markdown: string, rule: Rule): string {
  const header = ruleDocHeader(rule);
  const s = markdown.indexOf('<!-- meta:start');
  const e = markdown.indexOf(META_END);
  if (s >= 0 && e > s) return markdown.slice(0, s) + header + markdown.slice(e + META_END.length);
  const lines = markdown.split('\n');
  let drop = 0;
  if (/^#\s/.test(lines[0] ?? '')) {
    drop = 1;
    while (lines[drop] === '') drop++;
    if (/^>\s/.test(lines[drop] ?? '')) drop++;
  }
  const rest = lines.slice(drop);
  while (rest[0] === '') rest.shift();
  return `${header}\n\n${rest.join('\n')}`;
}
