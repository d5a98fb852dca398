import type { DesktopBridge } from '../../../shared/api/contract.js';
import { desktopBridgeKey } from '../../../shared/api/operationNames.js';

function isDesktopBridge(value: unknown): value is DesktopBridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof DesktopBridge, unknown>>;
  return typeof candidate.call === 'function' && typeof candidate.onBeforeClose === 'function' && typeof candidate.onOpenFile === 'function';
}

/** The API the Electron preload put on the window, or null in an ordinary browser. */
export function findDesktopBridge(host: Window = window): DesktopBridge | null {
  const candidate: unknown = Reflect.get(host, desktopBridgeKey);
  return isDesktopBridge(candidate) ? candidate : null;
}
