/** The app's addresses (web/src/routing/paths.ts): what each names, and back again. */
import { describe, expect, it } from 'vitest';
import { isAppPath, parseAppPath, pathFor, type AppRoute } from '../../web/src/routing/paths';

describe('app addresses', () => {
  const pages: [string, AppRoute][] = [
    ['/', { page: 'home' }],
    ['/chart/chart-1b2c', { page: 'chart', id: 'chart-1b2c' }],
    ['/entity/pole%3A123', { page: 'entity', id: 'pole:123' }],
    ['/safeguarding', { page: 'safeguarding', childId: null }],
    ['/safeguarding/child/per-c01', { page: 'safeguarding', childId: 'per-c01' }],
    ['/licensing', { page: 'licensing', tab: 'operators', id: null, asOf: null }],
    ['/licensing/successors', { page: 'licensing', tab: 'successors', id: null, asOf: null }],
    ['/licensing/operator/opr-3?asOf=2014-05-01', { page: 'licensing', tab: 'operators', id: 'opr-3', asOf: '2014-05-01' }],
    ['/licensing/driver/per-s001', { page: 'licensing', tab: 'driver', id: 'per-s001', asOf: null }],
  ];

  it('names each page, and each page has that address', () => {
    for (const [address, route] of pages) {
      const [pathname, search = ''] = address.split('?');
      expect(parseAppPath(pathname!, search), address).toEqual(route);
      expect(pathFor(route)).toBe(address);
    }
  });

  it('forgives one trailing slash, and names no page for anything else', () => {
    expect(parseAppPath('/chart/x/')).toEqual({ page: 'chart', id: 'x' });
    for (const p of ['/no/such/thing', '/chart', '/chart/', '/chart/a/b', '/entity/%E0%A4%A', '/licensing/nothing', '/licensing/operator', '/safeguarding/child', '/api/graphql', '//']) {
      expect(isAppPath(p), p).toBe(false);
    }
  });

  it('keeps only a date as the operator page’s as-of', () => {
    expect(parseAppPath('/licensing/operator/opr-3', '?asOf=<script>')).toEqual({ page: 'licensing', tab: 'operators', id: 'opr-3', asOf: null });
  });
});
