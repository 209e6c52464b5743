// How the language server is started from a shell: `node`, the V8 flags on bin/mlsd-language-server.js's
// shebang (`#!/usr/bin/env -S node …`, see server/src/nodeFlags.ts), the bin. The bench and the fuzzer
// spawn it this way, so they measure the server as users run it.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** argv after `node` for the language server of the repo at `root` */
export function serverArgv(root) {
  const bin = path.join(root, 'bin', 'mlsd-language-server.js');
  const first = fs.readFileSync(bin, 'utf8').split('\n', 1)[0];
  const m = /^#!\/usr\/bin\/env -S node((?: --[\w-]+(?:=\S+)?)*)$/.exec(first);
  if (!m) throw new Error(`${bin}: unexpected shebang ${JSON.stringify(first)}`);
  return [...m[1].split(' ').filter(Boolean), bin];
}
