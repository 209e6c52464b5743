/**
 * The `mlsd` command line (bundled to dist/cli.js, started by bin/mlsd.js): `mlsd lint`, `mlsd rules`,
 * `mlsd help`, `mlsd --version`. See cli/main.ts.
 */
import { isMainThread } from 'node:worker_threads';
import { run, EXIT_FAILURE } from './cli/main';

// a reader that closes the pipe early (`mlsd lint | head`) is not an error of ours
if (isMainThread) main(); // a worker thread of `lintFiles` loads this bundle for the engine only

function main(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });

  try {
    process.exitCode = run(process.argv.slice(2), {
      cwd: process.cwd(),
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
    });
  } catch (err) {
    process.stderr.write(`mlsd: internal error (please report it): ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = EXIT_FAILURE;
  }
}
