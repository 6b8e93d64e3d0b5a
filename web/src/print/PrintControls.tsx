import { useState } from 'react';
import { MARKINGS, PAGES, type PageName } from '../chart/printSheet';
import { printSettings, savePrintSettings } from './printSettings';

/**
 * The handling marking and paper size that the picture exports, the PDF and Print use.
 * data-testids: print-marking, print-page.
 */
export function PrintControls() {
  const [settings, setSettings] = useState(printSettings);
  return (
    <>
      <select
        data-testid="print-marking"
        value={settings.marking}
        onChange={(e) => setSettings(savePrintSettings({ marking: e.target.value }))}
        title="Handling marking printed at the top and bottom of the PNG, SVG, PDF and printout"
        aria-label="Handling marking"
      >
        {MARKINGS.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <select
        data-testid="print-page"
        value={settings.page}
        onChange={(e) => setSettings(savePrintSettings({ page: e.target.value as PageName }))}
        title="Paper size of the PDF and the printout (landscape)"
        aria-label="Paper size"
      >
        {Object.keys(PAGES).map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </>
  );
}
