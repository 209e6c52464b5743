// Bundles the extension client, the language server and the CLI with esbuild.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');

/**
 * `yaml`'s parser reads `process.env.LOG_TOKENS` for every token it meets (a debugging switch); in Node,
 * `process.env` is a getter into the C++ environment, and this read was about a tenth of the CLI's CPU time
 * on 1,000 docs (`npm run bench`). The bundles read it once, at load. The build fails if the line moves.
 */
const yamlLogTokensOnce = {
  name: 'yaml-log-tokens-once',
  setup(build) {
    build.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/]parse[\\/]parser\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const at = 'if (node_process.env.LOG_TOKENS)';
      if (!src.includes(at)) throw new Error(`build: ${args.path} no longer has \`${at}\`; update scripts/build.mjs`);
      const out = `const LOG_TOKENS_ONCE = !!require('process').env.LOG_TOKENS;\n${src.replace(at, 'if (LOG_TOKENS_ONCE)')}`;
      return { contents: out, loader: 'js' };
    });
  },
};
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
  plugins: [yamlLogTokensOnce],
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
