/**
 * The app's addresses, in one place for the web app (which page to show) and the server (which
 * paths answer with the app, and which with "not found"). Pure: no DOM, no React, no imports, so
 * the server can import it as it is.
 *
 *   /                              the role's start page
 *   /chart/<id>                    a saved chart (analysts)
 *   /entity/<id>                   an entity and its neighbours on the chart (analysts)
 *   /import                        importing a file over the chart (analysts)
 *   /safeguarding                  the strategy-meeting form
 *   /safeguarding/child/<id>       the strategy-meeting view of one child
 *   /licensing[/<tab>]             licensing: operators, successors, driver, alerts, chart
 *   /licensing/operator/<id>       one operator's page (?asOf=YYYY-MM-DD)
 *   /licensing/driver/<id>         one driver's record
 *   /meetings                      meetings, their records and actions (safeguarding, analysts)
 *   /restrictions                  restrictions held by the user's team, reviews due, access requests
 *   /notices                       the notice register (analysts, safeguarding, licensing)
 *
 * Ids are path segments, encoded (`pole:123` → `pole%3A123`).
 */

export const LICENSING_TABS = ['operators', 'successors', 'driver', 'alerts', 'actions', 'deliveries', 'chart'] as const;
export type LicensingTab = (typeof LICENSING_TABS)[number];

export type AppRoute =
  | { page: 'home' }
  | { page: 'chart'; id: string }
  | { page: 'entity'; id: string }
  | { page: 'import' }
  | { page: 'safeguarding'; childId: string | null }
  | { page: 'meetings' }
  | { page: 'restrictions' }
  | { page: 'notices' }
  | { page: 'licensing'; tab: LicensingTab; id: string | null; asOf: string | null };

const segment = (s: string) => encodeURIComponent(s);

function decoded(s: string | undefined): string | null {
  if (!s) return null;
  try {
    const d = decodeURIComponent(s);
    return d.trim() ? d : null;
  } catch {
    return null; // a malformed escape: no such page
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The page an address names, or null when it names none (the app shows "not found"). `search` is
 * the query string (with or without its "?"), read for the operator page's date only.
 */
export function parseAppPath(pathname: string, search = ''): AppRoute | null {
  // One trailing slash is forgiven ("/chart/x/"); empty segments elsewhere are not.
  const path = /[^/]\/$/.test(pathname) ? pathname.slice(0, -1) : pathname;
  if (path === '/' || path === '') return { page: 'home' };
  const parts = path.split('/').slice(1);
  const [first, second, third] = parts;
  const id = decoded(second);
  switch (first) {
    case 'chart':
    case 'entity':
      return parts.length === 2 && id ? { page: first, id } : null;
    case 'import':
      return parts.length === 1 ? { page: 'import' } : null;
    case 'meetings':
      return parts.length === 1 ? { page: 'meetings' } : null;
    case 'restrictions':
      return parts.length === 1 ? { page: 'restrictions' } : null;
    case 'notices':
      return parts.length === 1 ? { page: 'notices' } : null;
    case 'safeguarding':
      if (parts.length === 1) return { page: 'safeguarding', childId: null };
      return parts.length === 3 && second === 'child' && decoded(third) ? { page: 'safeguarding', childId: decoded(third) } : null;
    case 'licensing': {
      if (parts.length === 1) return { page: 'licensing', tab: 'operators', id: null, asOf: null };
      if (parts.length === 2) return (LICENSING_TABS as readonly string[]).includes(second!) ? { page: 'licensing', tab: second as LicensingTab, id: null, asOf: null } : null;
      const rid = decoded(third);
      if (parts.length !== 3 || !rid) return null;
      if (second === 'driver') return { page: 'licensing', tab: 'driver', id: rid, asOf: null };
      if (second !== 'operator') return null;
      const asOf = new URLSearchParams(search).get('asOf');
      return { page: 'licensing', tab: 'operators', id: rid, asOf: asOf && DATE.test(asOf) ? asOf : null };
    }
    default:
      return null;
  }
}

/** The address of a page (the inverse of parseAppPath). */
export function pathFor(route: AppRoute): string {
  switch (route.page) {
    case 'home':
      return '/';
    case 'chart':
    case 'entity':
      return `/${route.page}/${segment(route.id)}`;
    case 'import':
      return '/import';
    case 'meetings':
      return '/meetings';
    case 'restrictions':
      return '/restrictions';
    case 'notices':
      return '/notices';
    case 'safeguarding':
      return route.childId ? `/safeguarding/child/${segment(route.childId)}` : '/safeguarding';
    case 'licensing':
      if (route.tab === 'operators' && route.id) return `/licensing/operator/${segment(route.id)}${route.asOf ? `?asOf=${route.asOf}` : ''}`;
      if (route.tab === 'driver' && route.id) return `/licensing/driver/${segment(route.id)}`;
      return route.tab === 'operators' ? '/licensing' : `/licensing/${route.tab}`;
  }
}

/** True when the address is one of the app's pages (the server answers it with the app, status 200). */
export const isAppPath = (pathname: string): boolean => parseAppPath(pathname) !== null;
