import { formatBytes, formatCount, round } from '../engine/values';
import type { Related, Rule } from './types';

/** HNSW graph links per item: 32 links × 8 bytes. */
const HNSW_LINK_BYTES = 256;

export const mlsd608: Rule = {
  meta: {
    id: 'MLSD608',
    alias: 'index-exceeds-memory',
    title: 'ANN index does not fit its memory',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`serving.index` dim, bytes_per_dim and memory stated, `requirements.scale.items` stated, and items × dim × bytes_per_dim (plus 256 bytes of graph links per item when type is hnsw: 32 links × 8 bytes) exceeds memory.',
  },
  check({ doc, report }) {
    const dim = doc.number('serving.index.dim');
    const bpd = doc.number('serving.index.bytes_per_dim');
    const memory = doc.quantity('serving.index.memory')?.value;
    const items = doc.quantity('requirements.scale.items')?.value;
    if (dim === undefined || bpd === undefined || memory === undefined || items === undefined) return;
    if (!(dim > 0 && bpd > 0 && items > 0 && memory >= 0)) return;
    const hnsw = doc.enumOf('serving.index.type') === 'hnsw';
    const vectors = items * dim * bpd;
    const links = hnsw ? items * HNSW_LINK_BYTES : 0;
    const need = vectors + links;
    if (!(need > memory)) return;

    const memNode = doc.node('serving.index.memory')!;
    const itemsNode = doc.node('requirements.scale.items');
    const related: Related[] = itemsNode ? [{ ...doc.valueSpan(itemsNode), message: `${formatCount(items)} items to index` }] : [];
    const calc =
      `${formatCount(items)} items × ${dim} dims × ${bpd} bytes = ${formatBytes(vectors)}` +
      (hnsw ? ` + ${formatBytes(links)} of HNSW graph links (256 B per item) = ${formatBytes(need)}` : '');
    const ratio = memory > 0 ? ` (${round(need / memory, 3)}×)` : '';
    report({
      ...doc.valueSpan(memNode),
      message:
        `The ANN index does not fit: ${calc}, but \`serving.index.memory\` is ${formatBytes(memory)}${ratio}. ` +
        'An index that does not fit in RAM swaps or fails to load, and latency and recall collapse; ' +
        'add memory (more shards), compress the vectors (`bytes_per_dim: 1` for int8, or `type: ivf-pq`), or lower `dim`.',
      related,
      data: { required: need, vectors, links, memory, items, dim, bytesPerDim: bpd, hnsw },
    });
  },
};
