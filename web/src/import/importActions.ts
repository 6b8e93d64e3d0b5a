import { navigate } from 'wouter/use-browser-location';
import { defineActions } from '../actions/define';
import { pathFor } from '../routing/paths';

/** Importing a file (the import screen, web/src/import/ImportScreen.tsx, at /import): analysts only. */
export const importActions = defineActions([
  {
    name: 'import',
    label: 'Import…',
    keys: ['I'],
    help: 'Import a file: call records, handset contacts, a spreadsheet',
    title: 'Import a CSV, Excel or vCard file into the graph as a graded report',
    // The chart bar, not the header: the header's search box needs its width on a small screen.
    placements: ['chartbar'],
    testId: 'action-import',
    analystOnly: true,
    perform: () => navigate(pathFor({ page: 'import' })),
  },
]);
