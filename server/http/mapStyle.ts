/**
 * The base map of the web app's map panel: a MapLibre style URL (MAP_STYLE_URL) for a tile service
 * the deployment may use. Without one, the app draws places on its plain offline map and fetches
 * nothing from outside. The style's origin, and any other origins its tiles, glyphs and sprites
 * come from (MAP_TILE_ORIGINS, comma-separated), are added to the Content-Security-Policy.
 */
import { log } from '../log.js';

export interface MapStyle {
  styleUrl: string;
  /** Origins the browser may fetch map data and images from. */
  origins: string[];
}

function origin(u: string): string | null {
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The configured base map, or null (none configured, or not an http(s) URL: logged, and the plain map is used). */
export function mapStyleFromEnv(env: NodeJS.ProcessEnv = process.env): MapStyle | null {
  const styleUrl = env.MAP_STYLE_URL?.trim();
  if (!styleUrl) return null;
  const own = origin(styleUrl);
  if (!own) {
    log.warn({ MAP_STYLE_URL: styleUrl }, 'MAP_STYLE_URL is not an http(s) URL: the plain map is used');
    return null;
  }
  const extra = (env.MAP_TILE_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map(origin)
    .filter((o): o is string => o !== null);
  return { styleUrl, origins: [...new Set([own, ...extra])] };
}

/** The configuration of this process (read once: the CSP is fixed at start). */
export const MAP_STYLE = mapStyleFromEnv();
