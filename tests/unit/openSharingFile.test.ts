import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSharingFile, sharingFileKind } from '../../electron/desktop/openSharingFile.js';
import { useTempFolders } from '../fixtures/tempFolder.js';

const tempFolder = useTempFolders();

describe('a share or feedback file opened from the File menu or the system', () => {
  it('is told apart by its name', () => {
    expect(sharingFileKind('/a/portfolio-share.rpshare')).toBe('share');
    expect(sharingFileKind('C:\\b\\FEEDBACK.RPFEEDBACK')).toBe('feedback');
    expect(sharingFileKind('/a/notes.docx')).toBeNull();
  });

  it('is read as text for the page, which checks everything else', async () => {
    const path = join(await tempFolder(), 'portfolio-share.rpshare');
    await writeFile(path, '{"format":"reflective-portfolio-share"}\n');
    expect(await readSharingFile(path, 'share')).toEqual({ ok: true, file: { kind: 'share', name: 'portfolio-share.rpshare', text: '{"format":"reflective-portfolio-share"}\n' } });
  });

  it('is refused plainly when missing, not text, or too large', async () => {
    const folder = await tempFolder();
    expect(await readSharingFile(join(folder, 'gone.rpshare'), 'share')).toEqual({ ok: false, problem: 'gone.rpshare could not be found.' });
    const binary = join(folder, 'binary.rpfeedback');
    await writeFile(binary, Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    expect(await readSharingFile(binary, 'feedback')).toEqual({ ok: false, problem: 'binary.rpfeedback is not a Reflective Portfolio feedback file.' });
    const large = join(folder, 'large.rpshare');
    await writeFile(large, 'x'.repeat(15_000_001));
    expect(await readSharingFile(large, 'share')).toEqual({ ok: false, problem: 'large.rpshare is too large to be a share file.' });
  });
});
