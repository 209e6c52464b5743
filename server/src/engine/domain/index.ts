/**
 * The ML domain knowledge the engine uses, one file per table family: task types and what fits them
 * (`tasks.ts`), the metric catalogue and operational guardrails (`metrics.ts`), losses (`losses.ts`), the
 * ten archetypes of the book (`archetypes.ts`), label-source vocabularies (`labels.ts`), lookups (`lookup.ts`), name matching (`names.ts`) and practice mode's problems and pacing (`practice.ts`).
 * Sources: ../shared/reference/domain.md and spec/rules.md. Pure data plus small lookup helpers; no
 * imports from the LSP or vscode, nor from the rest of the engine.
 */
export * from './archetypes';
export * from './labels';
export * from './lookup';
export * from './losses';
export * from './metrics';
export * from './names';
export * from './tasks';
export * from './decoding';
export * from './genaiMetrics';
export * from './guardrails';
export * from './genaiMetricSets';
export * from './checklist';
export * from './practice';
