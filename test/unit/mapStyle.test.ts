/** The base-map configuration (server/http/mapStyle.ts): off unless MAP_STYLE_URL names an http(s) style. */
import { describe, expect, it } from 'vitest';
import { mapStyleFromEnv } from '../../server/http/mapStyle.js';

describe('mapStyleFromEnv', () => {
  it('is off without MAP_STYLE_URL: the plain offline map, nothing fetched from outside', () => {
    expect(mapStyleFromEnv({})).toBeNull();
    expect(mapStyleFromEnv({ MAP_STYLE_URL: '  ' })).toBeNull();
  });

  it('refuses what is not an http(s) URL', () => {
    expect(mapStyleFromEnv({ MAP_STYLE_URL: 'javascript:alert(1)' })).toBeNull();
    expect(mapStyleFromEnv({ MAP_STYLE_URL: 'tiles/style.json' })).toBeNull();
  });

  it("gives the style and the origins the browser may fetch map data from (the style's and MAP_TILE_ORIGINS)", () => {
    expect(mapStyleFromEnv({ MAP_STYLE_URL: 'https://maps.example.org/styles/basic/style.json', MAP_TILE_ORIGINS: 'https://tiles.example.org, nonsense, https://maps.example.org' })).toEqual({
      styleUrl: 'https://maps.example.org/styles/basic/style.json',
      origins: ['https://maps.example.org', 'https://tiles.example.org'],
    });
  });
});
