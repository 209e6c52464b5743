/**
 * Settings mapping (client/src/settings.ts), rule documentation lookup (client/src/ruleDocs.ts) and
 * the extension manifest's contributions (package.json) agreeing with both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  SETTING_DEFAULTS,
  explicitValue,
  normalizeRules,
  normalizeSeverity,
  toServerSettings,
  toServerSettingsFromObject,
  type InspectedValue,
} from '../../client/src/settings';
import { listRuleDocs, resolveRule } from '../../client/src/ruleDocs';
import { RULES } from '../../server/src/rules';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('explicitValue: the most specific scope the user set wins; defaults do not count', () => {
  assert.equal(explicitValue({ defaultValue: 'recommended' }), undefined);
  assert.equal(explicitValue({ defaultValue: 'a', globalValue: 'b' }), 'b');
  assert.equal(explicitValue({ globalValue: 'b', workspaceValue: 'c' }), 'c');
  assert.equal(explicitValue({ workspaceValue: 'c', workspaceFolderValue: 'd' }), 'd');
  assert.equal(explicitValue({ workspaceFolderValue: 'd', globalLanguageValue: 'e' }), 'e');
  assert.equal(explicitValue(undefined), undefined);
});

test('toServerSettings: only explicitly set rule settings are sent, so .mlsdrc.yaml still applies', () => {
  const defaults: Record<string, InspectedValue> = Object.fromEntries(
    Object.entries(SETTING_DEFAULTS).map(([k, v]) => [k, { defaultValue: v }]),
  );
  const s = toServerSettings((k) => defaults[k]);
  assert.deepEqual(s, {
    validate: { enable: true, scope: 'workspace', maxWorkspaceDocs: 200 },
    maxItemsComputed: 5000,
  });
});

test('toServerSettings: set values are normalized and validated', () => {
  const inspected: Record<string, InspectedValue> = {
    preset: { defaultValue: 'recommended', workspaceValue: 'strict' },
    rules: {
      defaultValue: {},
      globalValue: {
        MLSD107: 'off',
        'missing-online-metric': 'Error',
        MLSD102: 'warn',
        bad: 'loud',
        MLSD105: ['warning', { qps_tolerance: 5 }],
      },
    },
    'options.imbalanceThreshold': { defaultValue: 0.1, workspaceValue: 0.05 },
    'options.qpsTolerance': { defaultValue: 3, globalValue: -1 },
    'validate.enable': { defaultValue: true, workspaceFolderValue: false },
    'validate.scope': { defaultValue: 'workspace', workspaceValue: 'openFiles' },
    'validate.maxWorkspaceDocs': { defaultValue: 200, globalValue: 50.5 },
    maxItemsComputed: { defaultValue: 5000, globalValue: 200.7 },
  };
  const problems: string[] = [];
  const s = toServerSettings((k) => inspected[k], problems);
  assert.deepEqual(s, {
    preset: 'strict',
    rules: {
      MLSD107: 'off',
      'missing-online-metric': 'error',
      MLSD102: 'warning',
      MLSD105: ['warning', { qps_tolerance: 5 }],
    },
    options: { imbalanceThreshold: 0.05 },
    validate: { enable: false, scope: 'openFiles', maxWorkspaceDocs: 50 },
    maxItemsComputed: 200,
  });
  assert.equal(problems.length, 2);
  assert.match(problems.join('\n'), /bad/);
  assert.match(problems.join('\n'), /qpsTolerance/);
});

test('toServerSettings: mlsd.options as one object, camelCase or snake_case', () => {
  const s = toServerSettingsFromObject({
    options: { qps_tolerance: 4, defaultPeakFactor: '2.5', largeCorpusItems: 0 },
  });
  assert.deepEqual(s.options, { qpsTolerance: 4, defaultPeakFactor: 2.5 });
  const p: string[] = [];
  assert.deepEqual(toServerSettingsFromObject({ preset: 'loose' }, p).preset, undefined);
  assert.equal(p.length, 1);
});

test('toServerSettings: validate.scope and validate.maxWorkspaceDocs: invalid values fall back to the defaults, reported', () => {
  const p: string[] = [];
  const s = toServerSettingsFromObject({ validate: { scope: 'everything', maxWorkspaceDocs: -3 } }, p);
  assert.deepEqual(s.validate, { enable: true, scope: 'workspace', maxWorkspaceDocs: 200 });
  assert.equal(p.length, 2);
  assert.match(p[0], /mlsd\.validate\.scope/);
  assert.match(p[1], /mlsd\.validate\.maxWorkspaceDocs/);
  assert.deepEqual(toServerSettingsFromObject({ validate: { scope: 'openFiles', maxWorkspaceDocs: 0 } }).validate, {
    enable: true,
    scope: 'openFiles',
    maxWorkspaceDocs: 0,
  });
});

test('severities: canonical names and common spellings', () => {
  assert.equal(normalizeSeverity('warn'), 'warning');
  assert.equal(normalizeSeverity(' Information '), 'info');
  assert.equal(normalizeSeverity(0), 'off');
  assert.equal(normalizeSeverity(2), 'error');
  assert.equal(normalizeSeverity(false), 'off');
  assert.equal(normalizeSeverity('loud'), undefined);
  assert.deepEqual(normalizeRules(null), {});
  const p: string[] = [];
  assert.deepEqual(normalizeRules(['MLSD107'], p), {});
  assert.equal(p.length, 1);
});

test('package.json: contributed settings match the client defaults and have descriptions', () => {
  const props = pkg.contributes.configuration.properties as Record<
    string,
    { default: unknown; markdownDescription?: string; description?: string; enum?: string[]; scope?: string }
  >;
  for (const [key, def] of Object.entries(SETTING_DEFAULTS)) {
    const p = props[`mlsd.${key}`];
    assert.ok(p, `mlsd.${key} contributed`);
    assert.deepEqual(p.default, def, `mlsd.${key} default`);
    assert.ok((p.markdownDescription ?? p.description ?? '').length > 20, `mlsd.${key} described`);
    assert.ok(p.scope, `mlsd.${key} scope`);
  }
  assert.deepEqual(
    Object.keys(props).sort(),
    Object.keys(SETTING_DEFAULTS)
      .map((k) => `mlsd.${k}`)
      .sort(),
  );
  assert.deepEqual(props['mlsd.preset'].enum, ['recommended', 'strict']);
  assert.deepEqual(props['mlsd.trace.server'].enum, ['off', 'messages', 'verbose']);
  assert.equal(props['mlsd.trace.server'].scope, 'window');
  assert.deepEqual(props['mlsd.validate.scope'].enum, ['workspace', 'openFiles']);
  assert.equal(props['mlsd.validate.scope'].scope, 'window');
  assert.equal(props['mlsd.validate.maxWorkspaceDocs'].scope, 'window');
});

test('package.json: commands, activation, language, view and packaged files', () => {
  const c = pkg.contributes;
  const ids = c.commands.map((x: { command: string }) => x.command);
  for (const id of [
    'mlsd.newFromTemplate',
    'mlsd.restartServer',
    'mlsd.showOutput',
    'mlsd.showRuleDocumentation',
    'mlsd.fixAll',
  ]) {
    assert.ok(ids.includes(id), id);
    assert.ok(pkg.activationEvents.includes(`onCommand:${id}`), `activation on ${id}`);
  }
  for (const cmd of c.commands) assert.equal(cmd.category, 'ML Design', cmd.command);
  // Practice mode: Start activates the extension; Pause/Resume/End are enabled only during a session.
  assert.ok(ids.includes('mlsd.startPractice'));
  assert.ok(pkg.activationEvents.includes('onCommand:mlsd.startPractice'));
  const enablement = (id: string) => c.commands.find((x: { command: string }) => x.command === id)?.enablement;
  assert.equal(enablement('mlsd.pausePractice'), 'mlsd.practice.active && !mlsd.practice.paused');
  assert.equal(enablement('mlsd.resumePractice'), 'mlsd.practice.active && mlsd.practice.paused');
  assert.equal(enablement('mlsd.endPractice'), 'mlsd.practice.active');
  const palette = (id: string) => c.menus.commandPalette.find((x: { command: string }) => x.command === id)?.when;
  for (const id of ['mlsd.pausePractice', 'mlsd.resumePractice', 'mlsd.endPractice'])
    assert.equal(palette(id), enablement(id), `${id} shows in the palette only when enabled`);
  assert.equal(
    c.commands.find((x: { command: string }) => x.command === 'mlsd.fixAll').enablement,
    'editorLangId == mlsd || view == mlsd.designView && mlsd.designView.hasDoc',
  );
  assert.ok(pkg.activationEvents.includes('onLanguage:mlsd'));
  assert.ok(pkg.activationEvents.includes('onView:mlsd.designView'));
  assert.ok(
    !pkg.activationEvents.some(
      (e: string) => e.startsWith('workspaceContains') || e === '*' || e === 'onStartupFinished',
    ),
  );
  const lang = c.languages.find((l: { id: string }) => l.id === 'mlsd');
  assert.deepEqual(lang.filenamePatterns, ['*.mlsd.yaml', '*.mlsd.yml']);
  assert.deepEqual(lang.aliases, ['ML System Design', 'mlsd']);
  assert.equal(c.views.explorer[0].id, 'mlsd.designView');
  assert.ok(c.viewsWelcome.some((w: { contents: string }) => w.contents.includes('command:mlsd.newFromTemplate')));
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces, { supported: true });
  assert.equal(pkg.devDependencies['@types/vscode'], '1.100.0');
  assert.equal(pkg.engines.vscode, '^1.100.0');
  // Every file the manifest points at exists (schemas are checked when present: written separately).
  const files = [
    lang.configuration,
    pkg.icon,
    ...c.grammars.map((g: { path: string }) => g.path),
    ...c.snippets.map((s: { path: string }) => s.path),
    ...c.walkthroughs.flatMap((w: { steps: { media: { markdown?: string } }[] }) =>
      w.steps.map((s) => s.media.markdown),
    ),
  ];
  for (const f of files) assert.ok(fs.existsSync(path.join(ROOT, f)), `${f} exists`);
  const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes/mlsd.tmLanguage.json'), 'utf8'));
  assert.equal(grammar.scopeName, 'source.mlsd');
  assert.deepEqual(grammar.patterns, [{ include: 'source.yaml' }]);
  const langConf = JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8'));
  assert.equal(langConf.comments.lineComment, '#');
  const word = new RegExp(langConf.wordPattern, 'g');
  assert.deepEqual('metrics: [ndcg@10, pr-auc, map@iou=0.5] p99: 200ms 99.9%'.match(word), [
    'metrics',
    'ndcg@10',
    'pr-auc',
    'map@iou=0.5',
    'p99',
    '200ms',
    '99.9%',
  ]);
});

test('rule docs: the list comes from the registry (dist/rules.json, written by the build); lookup by id or alias', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-rules-'));
  const registry = path.join(dir, 'rules.json');
  fs.writeFileSync(
    registry,
    JSON.stringify([
      { id: 'MLSD303', alias: 'temporal-leakage', title: 'Random split of time-ordered data' },
      { id: 'MLSD006', alias: 'missing-section', title: 'Missing framework step' },
      { alias: 'no-id' },
    ]),
  );
  const rules = listRuleDocs(registry, path.join(dir, 'docs'));
  assert.deepEqual(rules, [
    {
      id: 'MLSD006',
      alias: 'missing-section',
      title: 'Missing framework step',
      file: path.join(dir, 'docs', 'MLSD006.md'),
    },
    {
      id: 'MLSD303',
      alias: 'temporal-leakage',
      title: 'Random split of time-ordered data',
      file: path.join(dir, 'docs', 'MLSD303.md'),
    },
  ]);
  assert.equal(resolveRule('mlsd303', rules)?.id, 'MLSD303');
  assert.equal(resolveRule('Temporal_Leakage', rules)?.id, 'MLSD303');
  assert.equal(resolveRule('MLSD006 missing-section', rules)?.id, 'MLSD006');
  assert.equal(resolveRule({ code: 'MLSD303' }, rules)?.id, 'MLSD303', 'a finding node of the ML Design view');
  assert.equal(resolveRule({ value: 'MLSD006', target: {} }, rules)?.id, 'MLSD006', 'a diagnostic code object');
  assert.equal(resolveRule('nope', rules), undefined);
  assert.deepEqual(listRuleDocs(path.join(dir, 'missing.json'), dir), []);
  fs.writeFileSync(registry, '{not json');
  assert.deepEqual(listRuleDocs(registry, dir), []);
  // The built registry is the rule registry, and every rule has its page in the package.
  const built = listRuleDocs(path.join(ROOT, 'dist', 'rules.json'), path.join(ROOT, 'docs', 'rules'));
  assert.deepEqual(
    built.map(({ id, alias, title }) => ({ id, alias, title })),
    RULES.map((r) => ({ id: r.meta.id, alias: r.meta.alias, title: r.meta.title })).sort((a, b) =>
      a.id.localeCompare(b.id),
    ),
  );
  for (const r of built) assert.ok(fs.existsSync(r.file), `${r.id}: ${r.file}`);
});
