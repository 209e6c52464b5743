// Bundles the extension client, the language server and the CLI with esbuild.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  // prefer the CommonJS builds: ESM builds bundled into CJS break on import.meta
  mainFields: ['main', 'module'],
  define: { __MLSD_VERSION__: JSON.stringify(pkg.version) },
};

const builds = [
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
];
if (existsSync('client/src/extension.ts')) {
  builds.push({ entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] });
}
await Promise.all(builds.filter((b) => existsSync(b.entryPoints[0])).map((b) => esbuild.build({ ...common, ...b })));

// The rule registry's metadata as JSON, for the extension client (Show Rule Documentation): the client
// reads it instead of bundling the rules or parsing the docs pages.
const rows = JSON.parse(
  execFileSync(process.execPath, ['dist/cli.js', 'rules', '--format', 'json'], { encoding: 'utf8' }),
);
writeFileSync(
  'dist/rules.json',
  `${JSON.stringify(
    rows.map(({ docs, ...meta }) => meta),
    null,
    2,
  )}\n`,
);
