import { reportMissing } from './support';
import type { Related, Rule } from './types';

export const mlsd104: Rule = {
  meta: {
    id: 'MLSD104',
    alias: 'missing-data-availability',
    title: 'No word on what data is available',
    step: 1,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`data.sources` is empty and `requirements.data` is missing: the doc never says what data exists, how much, or whether it is labeled.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('data.sources') || doc.stated('requirements.data')) return;
    const sources = doc.node('data.sources');
    const related: Related[] | undefined =
      sources && sources.keyStart !== undefined
        ? [{ start: sources.keyStart, end: sources.keyEnd!, message: '`data.sources` lists no source' }]
        : undefined;
    reportMissing(ctx, {
      path: 'requirements.data',
      because: 'and `data.sources` lists no source',
      explanation:
        'The doc never says what data is available. Whether labels exist and how many there are decides between supervised learning, weak or hand labels, or a heuristic first. Add e.g. `requirements.data: {labeled: true, size: 10M labeled sessions}`, or list the sources under `data.sources`.',
      value: { labeled: 'TBD', size: 'TBD' },
      title: 'Add `requirements.data` to fill in',
      related,
    });
  },
};
