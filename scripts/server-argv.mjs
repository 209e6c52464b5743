// How the bench and the fuzzer start the language server: `node`, the V8 flags the extension client passes
// (server/src/nodeFlags.json, see nodeFlags.ts), then the bin other editors run, so they measure the server
// as VS Code runs it.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** argv after `node` for the language server of the repo at `root` */
export function serverArgv(root) {
  const flags = JSON.parse(fs.readFileSync(path.join(root, 'server', 'src', 'nodeFlags.json'), 'utf8'));
  return [...flags, path.join(root, 'bin', 'mlsd-language-server.js')];
}
