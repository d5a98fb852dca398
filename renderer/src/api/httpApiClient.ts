import type { ApiClient, ApiInput, ApiOutputs, OperationName } from '../../../shared/api/contract.js';
import { type Result, failure } from '../../../shared/api/result.js';
import { isResult } from './isResult.js';

export const apiCallPath = '/api/call';

const unreachable = 'Reflective Portfolio could not be reached. Check that it is still running in the terminal.';

/** Talks to the loopback web server: every operation is one POST carrying the per-start token. */
export class HttpApiClient implements ApiClient {
  constructor(
    private readonly token: string,
    private readonly endpoint: string = apiCallPath,
  ) {}

  async call<K extends OperationName>(name: K, argument: ApiInput<K>): Promise<Result<ApiOutputs[K]>> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, this.requestInit(name, argument, false));
    } catch {
      return failure('internal', unreachable);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure(response.status === 401 ? 'unauthorised' : 'internal', `Reflective Portfolio sent an answer the page could not read (HTTP ${response.status}).`);
    }
    if (!isResult(body)) return failure('internal', `Reflective Portfolio sent an answer the page could not read (HTTP ${response.status}).`);
    return body as Result<ApiOutputs[K]>;
  }

  /** Fire-and-forget, for the last save while the page is being closed: the browser finishes it. */
  callWhilePageCloses<K extends OperationName>(name: K, argument: ApiInput<K>): void {
    try {
      void fetch(this.endpoint, this.requestInit(name, argument, true)).catch(() => undefined);
    } catch {
      // A body over the browser's keepalive limit throws at once; nothing more can be done while closing.
    }
  }

  private requestInit(name: OperationName, argument: unknown, keepalive: boolean): RequestInit {
    return {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ name, argument }),
      cache: 'no-store',
      credentials: 'omit',
      keepalive,
    };
  }
}
