import type { ExportFormat } from '../api/charts';
import { defineActions } from './define';
import type { Action } from './types';

const exportAction = (format: ExportFormat, label: string, what: 'picture' | 'data'): Action => ({
  name: `export-${format.toLowerCase()}`,
  label,
  title: `Download the ${what} of the visible chart as ${label}; recorded in the audit log`,
  placements: ['export'],
  testId: `export-${format.toLowerCase()}`,
  analystOnly: true,
  enabled: ({ state }) => !state.session.exporting,
  perform: ({ ops }) => void ops.exportAs(format),
});

/** Audited exports of the visible chart (analysts only). */
export const exportActions = defineActions([
  exportAction('PNG', 'PNG', 'picture'),
  exportAction('SVG', 'SVG', 'picture'),
  exportAction('GRAPHML', 'GraphML', 'data'),
  exportAction('CSV', 'CSV', 'data'),
  { ...exportAction('PDF', 'PDF', 'picture'), title: 'Download a printable PDF of the visible chart (paper size as chosen, landscape); recorded in the audit log' },
  { ...exportAction('PRINT', 'Print', 'picture'), name: 'print', testId: 'print', title: 'Print the visible chart with its title, key and marking (paper size as chosen); recorded in the audit log' },
]);
