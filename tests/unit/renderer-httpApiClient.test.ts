import { afterEach, describe, expect, test, vi } from 'vitest';
import { HttpApiClient } from '../../renderer/src/api/httpApiClient.js';

const token = 'IYCWHtviKjXfg7mLA9NCfc7HVQTNGCj6ilrd7Sb-WG4';

function answering(body: unknown, status = 200) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the web-mode API client', () => {
  test('posts the operation and its argument with the token, and returns the Result as sent', async () => {
    const fetch = answering({ ok: true, value: { ideaNumberStart: 7 } });
    const result = await new HttpApiClient(token).call('settings.update', { ideaNumberStart: 7 });
    expect(result).toEqual({ ok: true, value: { ideaNumberStart: 7 } });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/call');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('Authorization')).toBe(`Bearer ${token}`);
    expect(JSON.parse(String(init?.body))).toEqual({ name: 'settings.update', argument: { ideaNumberStart: 7 } });
    expect(init?.keepalive).toBe(false);
  });

  test('an error Result from the back end comes through with its message', async () => {
    answering({ ok: false, error: { code: 'unauthorised', message: 'Open the address printed in the terminal.' } }, 401);
    const result = await new HttpApiClient(token).call('portfolio.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'unauthorised', message: 'Open the address printed in the terminal.' } });
  });

  test('an unreachable app or an unreadable answer becomes an error value, never a throw', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const unreachable = await new HttpApiClient(token).call('timeline.get', {});
    expect(unreachable.ok).toBe(false);
    answering('<html>not json</html>', 502);
    const unreadable = await new HttpApiClient(token).call('timeline.get', {});
    expect(unreadable).toMatchObject({ ok: false, error: { code: 'internal' } });
    answering({ something: 'else' });
    expect((await new HttpApiClient(token).call('timeline.get', {})).ok).toBe(false);
  });

  test('the last save while the page closes is sent with keepalive, so it outlives the page', () => {
    const fetch = answering({ ok: true, value: null });
    new HttpApiClient(token).callWhilePageCloses('ideas.setStatus', { ideaId: 'a', status: 'done' });
    expect(fetch.mock.calls[0]?.[1]?.keepalive).toBe(true);
  });
});
