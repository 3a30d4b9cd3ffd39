import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, callAction, isReadAction, toQuery } from './api.js';

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const stubFetch = (response: Response | Error) => {
  const fetchMock = vi.fn<typeof fetch>(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('callAction', () => {
  it('GETs read actions with the input as query parameters and unwraps the result', async () => {
    const fetchMock = stubFetch(json({ help: 'x', success: true, result: { site_title: 'Kendali' } }));
    const result = await callAction<{ site_title: string }>('package_search', { q: 'air bersih', rows: 5 });
    expect(result).toEqual({ site_title: 'Kendali' });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/3/action/package_search?q=air+bersih&rows=5');
    expect(init?.method).toBe('GET');
    expect(init?.body).toBeUndefined();
  });

  it('POSTs other actions as JSON', async () => {
    const fetchMock = stubFetch(json({ success: true, result: { id: 'abc' } }));
    await callAction('package_create', { name: 'data-air', tags: ['air'] });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/3/action/package_create');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"name":"data-air","tags":["air"]}');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  it('asks for errors in the page’s language (Bahasa Indonesia before the page has one)', async () => {
    const first = stubFetch(json({ success: true, result: {} }));
    await callAction('package_show', { id: 'x' });
    expect(new Headers(first.mock.calls[0]?.[1]?.headers).get('Accept-Language')).toBe('id');
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    const second = stubFetch(json({ success: true, result: {} }));
    await callAction('package_create', { name: 'x' });
    expect(new Headers(second.mock.calls[0]?.[1]?.headers).get('Accept-Language')).toBe('en');
  });

  it("throws an ApiError with CKAN's type, message and field errors", async () => {
    stubFetch(
      json(
        {
          success: false,
          error: { __type: 'Validation Error', message: 'Invalid', name: ['Missing value'] },
        },
        409,
      ),
    );
    const error = await callAction('package_create', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ type: 'Validation Error', message: 'Invalid', status: 409 });
    expect((error as ApiError).fields).toEqual({ name: ['Missing value'] });
  });

  it('reports a non-envelope answer and an unreachable server', async () => {
    stubFetch(new Response('<html>Bad Gateway</html>', { status: 502 }));
    await expect(callAction('status_show')).rejects.toMatchObject({ type: 'Invalid Response', status: 502 });
    stubFetch(new TypeError('fetch failed'));
    await expect(callAction('status_show')).rejects.toMatchObject({ type: 'Network Error', status: 0 });
  });

  it('refuses a malformed action name', async () => {
    await expect(callAction('../admin')).rejects.toThrow(TypeError);
  });
});

describe('helpers', () => {
  it('classifies read actions by their name', () => {
    expect(isReadAction('status_show')).toBe(true);
    expect(isReadAction('organization_list')).toBe(true);
    expect(isReadAction('package_update')).toBe(false);
  });

  it('encodes arrays as repeated parameters and skips missing values', () => {
    expect(toQuery({ a: [1, 2], b: undefined, c: null, d: { x: 1 } })).toBe('?a=1&a=2&d=%7B%22x%22%3A1%7D');
    expect(toQuery({})).toBe('');
  });
});
