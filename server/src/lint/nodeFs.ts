/** The real file system behind config discovery (CLI and server); tests inject their own readers. */
import * as fs from 'node:fs';
import type { FileReader } from './config';

export interface FileReaderWithTime extends FileReader {
  mtime(p: string): number;
}

export const nodeFs: FileReaderWithTime = {
  exists: (p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  },
  read: (p) => fs.readFileSync(p, 'utf8'),
  entryExists: (p) => fs.existsSync(p),
  mtime: (p) => {
    try {
      return fs.statSync(p).mtimeMs;
    } catch {
      return 0;
    }
  },
};
