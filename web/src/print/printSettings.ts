/**
 * The analyst's print choices: the handling marking (OFFICIAL-SENSITIVE unless changed) and the
 * paper size. Kept in this browser (localStorage), so the next export prints the same way.
 */
import { DEFAULT_MARKING, MARKINGS, PAGES, type PageName } from '../chart/printSheet';

export interface PrintSettings {
  marking: string;
  page: PageName;
}

const KEY = 'linkchart.print';

export function printSettings(): PrintSettings {
  try {
    const s = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as Partial<PrintSettings>;
    return {
      marking: typeof s.marking === 'string' && (MARKINGS as readonly string[]).includes(s.marking) ? s.marking : DEFAULT_MARKING,
      page: s.page && s.page in PAGES ? s.page : 'A4',
    };
  } catch {
    return { marking: DEFAULT_MARKING, page: 'A4' };
  }
}

export function savePrintSettings(change: Partial<PrintSettings>): PrintSettings {
  const next = { ...printSettings(), ...change };
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Private mode without storage: the choice lasts until the page is reloaded.
  }
  return next;
}
