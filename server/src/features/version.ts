/** The package version, injected at build time (esbuild `define`), with a fallback for tests. */
declare const __MLSD_VERSION__: string | undefined;
export const VERSION: string = typeof __MLSD_VERSION__ === 'string' ? __MLSD_VERSION__ : '0.0.0-dev';
