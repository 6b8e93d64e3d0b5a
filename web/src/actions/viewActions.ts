import { patch } from '../store/chartStore';
import { defineActions } from './define';

/** The workspace around the chart: dock, table, help, Escape. */
export const viewActions = defineActions([
  {
    name: 'toggle-dock',
    label: ({ state }) => (state.session.dock ? 'Hide timeline' : 'Timeline'),
    keys: ['T'],
    help: 'Show / hide the timeline and map',
    title: ({ state }) => (state.session.dock ? 'Give the chart the height of the timeline and map' : 'Show the timeline and map under the chart'),
    placements: ['chartbar'],
    testId: 'dock-toggle',
    perform: ({ store, state }) => patch(store, 'session', { dock: !state.session.dock }),
  },
  {
    name: 'table',
    label: ({ state }) => (state.session.table ? 'Close table' : 'Table'),
    keys: ['Shift+T'],
    help: 'Show the table of the chart’s entities (or the timeline and map again)',
    title: ({ state }) => (state.session.table ? 'Back to the timeline and map under the chart' : 'A sortable table of the entities on the chart, to export as CSV'),
    placements: ['chartbar'],
    testId: 'table-toggle',
    perform: ({ store, state }) => patch(store, 'session', { table: !state.session.table, dock: true }),
  },
  {
    name: 'escape',
    label: 'Deselect',
    keys: ['Escape'],
    help: 'Deselect; close a menu or this help; stop drawing an arrow or picking a path end',
    perform: ({ store, state, cy }) => {
      const s = state.session;
      if (s.help) patch(store, 'session', { help: false });
      else if (s.menu) patch(store, 'session', { menu: null });
      else if (s.arrowFrom || s.pathFrom) patch(store, 'session', { arrowFrom: null, pathFrom: null, notice: null });
      else cy.$(':selected').unselect();
    },
  },
  {
    name: 'help',
    label: '?',
    keys: ['?'],
    help: 'This help',
    title: 'Keyboard shortcuts',
    placements: ['chartbar-end'],
    testId: 'help-open',
    className: 'help-button',
    perform: ({ store, state }) => patch(store, 'session', { help: !state.session.help }),
  },
]);
