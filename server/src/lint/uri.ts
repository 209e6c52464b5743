/**
 * `file:` URIs ↔ file system paths, in one place: the server session (document URIs → paths for config
 * discovery), the server's workspace folders, the CLI (documents, SARIF) and rule documentation links.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The path of a `file:` URI; undefined for other schemes (`untitled:`) or a malformed URI. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The `file:` URI of an absolute path (percent-encoded, as LSP clients send them). */
export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** The `file:` URI of a folder, ending in `/` (SARIF's `originalUriBaseIds`). */
export function folderUri(p: string): string {
  return pathToUri(p).replace(/\/?$/, '/');
}
