/**
 * The V8 flags the language server runs with: a young generation fixed at 2 MB per semi-space (V8's
 * default starts at 1 MB and grows to 16 MB). Nearly everything a cold open allocates (the CST, the
 * `yaml` document, the node tree) survives, so a large young generation only copies it more: on a
 * 10,000-line doc this cut the cold open from 300 to 265 ms and the peak RSS from 111 to 87 MB (medians
 * of 9 interleaved runs on 2 cores), at 3,000 lines from 192 to 150 ms and 103 to 87 MB, and changed
 * nothing measurable at 1,000 lines. V8 reads them only at start, so they are passed on the command line:
 * by the extension client (execArgv), by `bin/mlsd-language-server.js`'s shebang (`env -S`), and by the
 * bench and the fuzzer, which read that shebang. A unit test keeps the shebang and this list equal.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=2', '--max-semi-space-size=2'];
