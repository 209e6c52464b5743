/**
 * The ML Design view's Design Docs section (client/src/docsModel.ts): the server's `mlsd/workspaceDocs`
 * answer → tree nodes (label, description, icon, the URI a click opens).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SeverityName, WorkspaceDocInfo, WorkspaceDocsResult } from '../../server/src/protocol';
import { buildDocsSection, docDescription, docNode } from '../../client/src/docsModel';

const counts = (over: Partial<Record<SeverityName, number>> = {}): Record<SeverityName, number> => ({
  error: 0,
  warning: 0,
  info: 0,
  hint: 0,
  ...over,
});
const doc = (over: Partial<WorkspaceDocInfo>): WorkspaceDocInfo => ({
  uri: 'file:///ws/a.mlsd.yaml',
  title: 'A',
  counts: counts(),
  open: false,
  linted: true,
  ...over,
});

test('docDescription: status, the scorecard’s readiness and verdict, then the finding counts', () => {
  assert.equal(
    docDescription(
      doc({ status: 'review', readiness: 88, verdict: 'ready for review', counts: counts({ warning: 2, hint: 1 }) }),
    ),
    'review · readiness 88 · ready for review · 2 warnings',
  );
  assert.equal(docDescription(doc({ readiness: 100, verdict: 'complete' })), 'readiness 100 · complete');
  assert.equal(
    docDescription(doc({ readiness: 40, verdict: 'draft', counts: counts({ error: 1 }) })),
    'readiness 40 · draft · 1 error',
  );
  // not linted yet: no score, whatever the info says
  assert.equal(docDescription(doc({ linted: false, readiness: 40, verdict: 'draft' })), 'not checked yet');
  const n = docNode(doc({ title: 'Ranking', readiness: 88, verdict: 'ready for review' }));
  assert.match(n.tooltip ?? '', /Review scorecard: readiness 88\/100, ready for review/);
});

test('docDescription: status, then finding counts (errors and warnings first, hints left out)', () => {
  assert.equal(
    docDescription(doc({ status: 'approved', counts: counts({ error: 1, warning: 2, hint: 4 }) })),
    'approved · 1 error, 2 warnings',
  );
  assert.equal(docDescription(doc({ counts: counts({ hint: 3 }) })), 'no findings');
  assert.equal(docDescription(doc({ status: 'draft', linted: false })), 'draft · not checked yet');
});

test('docNode: a click target (its URI), the most severe finding as icon, a tooltip with the file name', () => {
  const n = docNode(
    doc({ uri: 'file:///ws/team/fraud%20v2.mlsd.yaml', title: 'Card fraud', counts: counts({ error: 2 }) }),
  );
  assert.equal(n.kind, 'doc');
  assert.equal(n.uri, 'file:///ws/team/fraud%20v2.mlsd.yaml');
  assert.equal(n.label, 'Card fraud');
  assert.equal(n.icon.id, 'error');
  assert.match(n.tooltip ?? '', /`fraud v2\.mlsd\.yaml`/);
  assert.equal(docNode(doc({ counts: counts({ warning: 1 }) })).icon.id, 'warning');
  assert.equal(docNode(doc({ counts: counts({ info: 5 }) })).icon.id, 'pass-filled');
  assert.equal(docNode(doc({ linted: false })).icon.id, 'loading~spin');
  assert.match(docNode(doc({ open: true })).tooltip ?? '', /unsaved text/);
});

test('buildDocsSection: one expanded section, docs by title, totals; none without docs', () => {
  const result: WorkspaceDocsResult = {
    scope: 'workspace',
    found: 3,
    max: 200,
    docs: [
      doc({ uri: 'file:///ws/c.mlsd.yaml', title: 'Search', counts: counts({ warning: 1 }) }),
      doc({ uri: 'file:///ws/a.mlsd.yaml', title: 'Ads', counts: counts({ error: 1, info: 2 }) }),
      doc({ uri: 'file:///ws/b.mlsd.yaml', title: 'Feed' }),
    ],
  };
  const s = buildDocsSection(result)!;
  assert.equal(s.label, 'Design Docs');
  assert.equal(s.collapsible, 'expanded');
  assert.deepEqual(
    s.children.map((c) => c.label),
    ['Ads', 'Feed', 'Search'],
  );
  assert.equal(s.description, '3 docs · 1 error, 1 warning, 2 infos');
  assert.match(s.tooltip ?? '', /Every design doc of the workspace \(3 docs\)/);
  assert.equal(buildDocsSection({ ...result, docs: [] }), undefined);
  assert.equal(buildDocsSection(null), undefined);
  const fallback = buildDocsSection({ scope: 'openFiles', found: 500, max: 200, docs: [result.docs[2]] })!;
  assert.equal(fallback.description, '1 doc · open files');
  assert.match(fallback.tooltip ?? '', /500 design docs, more than `mlsd\.validate\.maxWorkspaceDocs` \(200\)/);
});
