import type { MenuItemConstructorOptions } from 'electron';
import { productName } from '../startup/productInfo.js';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools are offered only when running from source. */
  developerTools: boolean;
  /** File › Open Share File… and Import Feedback File… */
  openSharingFile: (kind: 'share' | 'feedback') => void;
}

/** File / Edit / View / Help, with the standard roles so shortcuts match each system. */
export function applicationMenuTemplate({ platform, developerTools, openSharingFile }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    ...(developerTools ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
  ];
  return [
    ...(isMac ? [{ label: productName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Share File…', accelerator: 'CmdOrCtrl+O', click: () => openSharingFile('share') },
        { label: 'Import Feedback File…', click: () => openSharingFile('feedback') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: view },
    { role: 'help', submenu: isMac ? [] : [{ role: 'about', label: `About ${productName}` }] },
  ];
}
