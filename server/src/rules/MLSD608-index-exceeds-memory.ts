import { indexMemory } from '../engine/figures';
import { replaceScalar } from '../engine/edits';
import { formatBytes, formatCount, round } from '../engine/values';
import type { Fix, Related, Rule } from './types';

/** A memory size that holds `bytes`, rounded up to a whole TB/GB/MB figure (`8TB`, `40GB`). */
function memoryText(bytes: number): string {
  const [u, f] = bytes >= 1e12 ? ['TB', 1e12] : bytes >= 1e9 ? ['GB', 1e9] : ['MB', 1e6];
  let n = Math.max(1, Math.ceil(bytes / f));
  if (n * f < bytes) n++;
  return `${n}${u}`;
}

export const mlsd608: Rule = {
  meta: {
    id: 'MLSD608',
    alias: 'index-exceeds-memory',
    title: 'ANN index does not fit its memory',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`serving.index` dim, bytes_per_dim and memory stated, `serving.index.vectors` (genai.md §8) or else `requirements.scale.items` stated, and vectors × dim × bytes_per_dim (plus vectors × 2·M × 4 bytes of level-0 graph links when type is hnsw, M = `serving.index.m` or `default_hnsw_m`) exceeds memory; for `diskann`, bytes_per_dim is the in-memory code size and no links are added.',
    options: ['default_hnsw_m'],
  },
  check({ doc, report, options }) {
    // domain.md F10, computed in engine/figures
    const f = indexMemory(doc, options.default_hnsw_m);
    if (!f || f.memory === undefined || !(f.required > f.memory)) return;
    const { dim, bytesPerDim: bpd, memory, items, hnsw, vectors, links, required: need, m, mStated } = f;

    const memNode = doc.node('serving.index.memory')!;
    // genai.md §8: `serving.index.vectors` (chunks, several vectors per item) sizes the index when stated
    const noun = f.countFrom === 'serving.index.vectors' ? 'vectors' : 'items';
    const itemsNode = doc.node(f.countFrom);
    const related: Related[] = itemsNode
      ? [{ ...doc.valueSpan(itemsNode), message: `${formatCount(items)} ${noun} to index` }]
      : [];
    const mWhy = mStated ? '`serving.index.m`' : 'the default; state `serving.index.m`';
    const calc =
      `${formatCount(items)} ${noun} × ${dim} dims × ${bpd} bytes = ${formatBytes(vectors)}` +
      (hnsw
        ? ` + ${formatBytes(links)} of HNSW links (2·M·4 B per ${noun === 'items' ? 'item' : 'vector'}, M = ${m}, ${mWhy}) = ${formatBytes(need)}`
        : '') +
      (f.diskann ? ' (DiskANN: the in-memory codes; the graph and full vectors stay on SSD)' : '');
    const ratio = memory > 0 ? ` (${round(need / memory, 3)}×)` : '';
    const suggestions: Fix[] = [];
    const bpdNode = doc.node('serving.index.bytes_per_dim');
    const int8 = bpd > 1 && bpdNode ? replaceScalar(bpdNode, '1') : undefined;
    if (int8 && items * dim + links <= memory)
      suggestions.push({ title: 'Store int8 vectors (`bytes_per_dim: 1`)', edits: [int8], safe: false });
    const more = replaceScalar(memNode, memoryText(need));
    if (more) suggestions.push({ title: `Set \`memory\` to ${memoryText(need)}`, edits: [more], safe: false });
    report({
      ...doc.valueSpan(memNode),
      message: `The ANN index needs ${formatBytes(need)}, but \`serving.index.memory\` is ${formatBytes(memory)}${ratio}`,
      explanation:
        `The ANN index does not fit: ${calc}, but \`serving.index.memory\` is ${formatBytes(memory)}${ratio}. ` +
        'An index that does not fit in RAM swaps or fails to load, and latency and recall collapse; ' +
        'add memory (more shards), compress the vectors (`bytes_per_dim: 1` for int8, or `type: ivf-pq`), or lower `dim`.',
      related,
      suggestions,
    });
  },
};
