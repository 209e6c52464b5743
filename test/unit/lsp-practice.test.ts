/** LSP over a real stdio connection to the built server: the `mlsd/practiceReport` request of practice mode. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, ROOT } from '../harness/lspClient';
import { shippedTemplates } from '../../server/src/cli/init';
import { expandSnippet, findTemplate } from '../../server/src/engine/templates';
import { practiceDocText } from '../../server/src/engine/practiceSession';
import type { PracticeReportParams, PracticeReportResult } from '../../server/src/protocol';

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
});
after(async () => {
  await client.stop();
});

test('mlsd/practiceReport: the open practice doc against the reference the client sends, with the published findings', async () => {
  const uri = 'untitled:Untitled-practice';
  const text = practiceDocText('news-feed')!.replace(
    'requirements:\n',
    'requirements:\n  business_objective: Increase time spent on the feed\n  scale: {dau: 2B, requests_per_user_per_day: 2}\n',
  );
  client.open(uri, text);
  const diags = await client.diagnostics(uri);
  assert.ok(diags.length > 0);
  const reference = expandSnippet(findTemplate(shippedTemplates(ROOT), 'news-feed')!.body);
  const params: PracticeReportParams = {
    uri,
    archetype: 'news-feed',
    reference,
    session: { status: 'ended', elapsedMs: 600_000, durationMs: 2_700_000, phases: [] },
  };
  const r = await client.request<PracticeReportResult | null>('mlsd/practiceReport', params);
  assert.ok(r);
  assert.match(r.markdown, /^# Practice interview: Personalized news feed\n/);
  assert.match(r.markdown, /Ended early after 10:00 of 45:00\./);
  assert.match(r.markdown, /Covered 3\/\d+: `business_objective`, `scale.dau`, `scale.requests_per_user_per_day`\./);
  assert.match(r.markdown, /- Average and peak QPS: 46\.3k average, 92\.6k peak/);
  for (const d of diags) assert.ok(r.markdown.includes(`(${d.code})`), `${d.code} is in the report`);

  const none = await client.request<PracticeReportResult | null>('mlsd/practiceReport', {
    uri: 'untitled:not-open',
    archetype: 'news-feed',
  });
  assert.equal(none, null, 'a doc that is not open has no report');
});
