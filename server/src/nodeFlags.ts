/**
 * The V8 flags the language server runs with: a young generation fixed at 2 MB per semi-space (V8's
 * default starts at 1 MB and grows to 16 MB). Nearly everything a cold open allocates (the CST, the
 * `yaml` document, the node tree) survives, so a large young generation only copies it more: on a
 * 10,000-line doc this cut the cold open from 300 to 265 ms and the peak RSS from 111 to 87 MB (medians
 * of 9 interleaved runs on 2 cores), at 3,000 lines from 192 to 150 ms and 103 to 87 MB, and changed
 * nothing measurable at 1,000 lines. V8 reads them only at start, so they go on node's command line: the
 * extension client passes them as execArgv, and the bench and the fuzzer (`scripts/server-argv.mjs`) read
 * the list from `nodeFlags.json`. `bin/mlsd-language-server.js` keeps a plain `#!/usr/bin/env node`
 * (`env -S` is missing from BusyBox, so Alpine, and from OpenBSD and NetBSD): other editors get them by
 * starting `node <these flags> …/bin/mlsd-language-server.js --stdio` (the README says so), and without
 * them the server works the same, a little slower on large docs. The CLI does not use them: its
 * throughput on 1,000 small docs was 25% lower with them.
 */
import flags from './nodeFlags.json';

export const SERVER_NODE_FLAGS: readonly string[] = flags;
