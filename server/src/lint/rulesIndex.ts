/** The rule catalogue as a Markdown page (docs/rules.md), generated from the registry so it cannot drift. */
import { STEP_KEYS, STEP_TITLES } from '../engine/catalog';
import { RULES } from '../rules';

export function rulesIndexMarkdown(): string {
  const lines = [
    '# Rules',
    '',
    'Every finding has a stable id `MLSDnnn` and a kebab-case alias; both work in `.mlsdrc.yaml`, in the',
    '`mlsd.rules` setting, in `--rule` and in suppression comments. The hundreds digit is the framework step.',
    'Severities are the `recommended` preset; `strict` raises every `info` to `warning`. *Fixable*: `safe`',
    'fixes are applied by `mlsd lint --fix` and **Fix All**; many other rules offer quick-fix suggestions in',
    'the editor. Generated from the rule registry (`npm run gen`); do not edit by hand.',
  ];
  const steps = ['Document structure', ...STEP_KEYS.map((k) => STEP_TITLES[k])];
  steps.forEach((title, step) => {
    const rules = RULES.filter((r) => r.meta.step === step);
    if (!rules.length) return;
    lines.push(
      '',
      `## ${step} — ${title}`,
      '',
      '| id | alias | severity | fixable | what it flags |',
      '|---|---|---|---|---|',
    );
    for (const r of rules) {
      const m = r.meta;
      lines.push(
        `| [${m.id}](rules/${m.id}.md) | \`${m.alias}\` | ${m.defaultSeverity} | ${m.fixable === 'none' ? '' : m.fixable} | ${m.title} |`,
      );
    }
  });
  return `${lines.join('\n')}\n`;
}
