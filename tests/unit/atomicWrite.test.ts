import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AtomicWriteFileSystem, writeFileAtomically } from '../../electron/storage/atomicWrite.js';
import { useTempFolders } from '../fixtures/tempFolder.js';

const tempFolder = useTempFolders();

/** The real file system, with every call written down in order. */
function recordingFileSystem(calls: string[]): AtomicWriteFileSystem {
  const name = (path: string) => (path.endsWith('.tmp') ? 'temp file' : path.endsWith('.json') ? 'target' : 'folder');
  return {
    async open(path, flags, mode) {
      const handle = await fs.open(path, flags, mode);
      calls.push(`open ${name(path)}`);
      return {
        writeFile: async (data) => {
          await handle.writeFile(data);
          calls.push(`write ${name(path)}`);
        },
        sync: async () => {
          await handle.sync();
          calls.push(`fsync ${name(path)}`);
        },
        close: async () => {
          await handle.close();
          calls.push(`close ${name(path)}`);
        },
      };
    },
    async rename(from, to) {
      await fs.rename(from, to);
      calls.push(`rename ${name(from)} to ${name(to)}`);
    },
    async rm(path, options) {
      await fs.rm(path, options);
      calls.push(`remove ${name(path)}`);
    },
  };
}

describe('atomic writes', () => {
  it('writes a temp file, syncs it, renames it over the target and then syncs the folder', async () => {
    const folder = await tempFolder();
    const calls: string[] = [];
    await writeFileAtomically(join(folder, 'portfolio.json'), '{"a":1}', recordingFileSystem(calls));
    expect(calls).toEqual([
      'open temp file',
      'write temp file',
      'fsync temp file',
      'close temp file',
      'rename temp file to target',
      'open folder',
      'fsync folder',
      'close folder',
    ]);
    expect(await fs.readFile(join(folder, 'portfolio.json'), 'utf8')).toBe('{"a":1}');
  });

  it('leaves no temporary file behind', async () => {
    const folder = await tempFolder();
    await writeFileAtomically(join(folder, 'portfolio.json'), 'one');
    await writeFileAtomically(join(folder, 'portfolio.json'), 'two');
    expect(await fs.readdir(folder)).toEqual(['portfolio.json']);
  });

  it('makes the file readable by its owner only', async () => {
    const folder = await tempFolder();
    await writeFileAtomically(join(folder, 'portfolio.json'), 'private');
    expect((await fs.stat(join(folder, 'portfolio.json'))).mode & 0o777).toBe(0o600);
  });

  it('keeps the old file whole when the new one cannot be written', async () => {
    const folder = await tempFolder();
    const target = join(folder, 'portfolio.json');
    await writeFileAtomically(target, 'old and good');
    const failing: AtomicWriteFileSystem = {
      ...recordingFileSystem([]),
      async open(path, flags, mode) {
        const handle = await fs.open(path, flags, mode);
        return {
          writeFile: async () => {
            throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(writeFileAtomically(target, 'new', failing)).rejects.toThrow('no space');
    expect(await fs.readFile(target, 'utf8')).toBe('old and good');
    expect(await fs.readdir(folder)).toEqual(['portfolio.json']);
  });
});
