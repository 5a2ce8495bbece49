import { describe, expect, it } from 'vitest';
import { routeOf, STATIC_FILES } from './route';

const origin = 'https://zx.longgang.gov.cn';
const get = (path: string, mode = 'cors', method = 'GET') => routeOf({ url: `${origin}${path}`, method, mode, origin });

describe('service worker routing', () => {
  it('never touches the API, whatever the request', () => {
    for (const path of ['/api/auth/me', '/api/meetings?scope=mine', '/api/proposals/1/files/2', '/api', '/api/docs/', '/api/docs/static/index.html'])
      for (const mode of ['cors', 'navigate', 'no-cors', 'same-origin']) expect(get(path, mode), `${mode} ${path}`).toBe('pass');
    expect(get('/api/meetings/check-in', 'cors', 'POST')).toBe('pass');
  });

  it('leaves the server’s own pages, writes, other origins and the worker script alone', () => {
    expect(get('/ops/backup')).toBe('pass');
    expect(get('/metrics', 'navigate')).toBe('pass');
    expect(get('/sw.js')).toBe('pass');
    expect(get('/assets/index-abc123.js', 'cors', 'POST')).toBe('pass');
    expect(get('/meetings/mine', 'navigate', 'POST')).toBe('pass');
    expect(routeOf({ url: 'https://cdn.example.com/assets/x.js', method: 'GET', mode: 'cors', origin })).toBe('pass');
    expect(routeOf({ url: 'not a url', method: 'GET', mode: 'cors', origin })).toBe('pass');
  });

  it('keeps hashed build files, and the files cached at install', () => {
    expect(get('/assets/index-abc123.js')).toBe('asset');
    expect(get('/assets/PrivateRoutes-9f8e.css', 'no-cors')).toBe('asset');
    expect(get('/assets/index-abc123.js?v=2')).toBe('pass');
    for (const file of STATIC_FILES) expect(get(file)).toBe('static');
    expect(get('/robots.txt')).toBe('pass');
  });

  it('sends page loads to the network first', () => {
    for (const path of ['/', '/meetings/mine', '/checkin?token=v1.x', '/portal/longgang', '/login?next=%2F']) expect(get(path, 'navigate')).toBe('navigate');
    // the app's paths are pages only when navigated to
    expect(get('/meetings/mine')).toBe('pass');
  });
});
