import type { Result } from '../../../shared/api/result.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** True when a value from the back end has the shape of a Result envelope. */
export function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false;
  if (value['ok'] === true) return 'value' in value;
  if (value['ok'] !== false) return false;
  const error = value['error'];
  return isRecord(error) && typeof error['code'] === 'string' && typeof error['message'] === 'string';
}
