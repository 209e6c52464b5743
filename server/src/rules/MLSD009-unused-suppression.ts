import type { Rule } from './types';

/**
 * Computed by the lint engine itself (server/src/lint/engine.ts, from the directives of
 * server/src/lint/suppress.ts) after every other rule has run: a suppression can only be judged
 * unused once all findings are known. The safe fix removes the comment, or only the unused name.
 */
export const mlsd009: Rule = {
  meta: {
    id: 'MLSD009',
    alias: 'unused-suppression',
    title: 'Suppression comment suppresses nothing',
    step: 0,
    defaultSeverity: 'info',
    fixable: 'safe',
    description:
      'A suppression comment (`mlsd-disable-next-line`, `mlsd-disable-line`, `mlsd-disable-file`) names a rule that reports nothing where it applies, or a name that is no rule id or alias; one finding per such name, at the name. The safe fix removes the comment (or only that name).',
  },
  check() {
    // computed by the engine from the suppression comments (see lint/engine.ts)
  },
};
