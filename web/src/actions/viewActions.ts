import { patch } from '../store/chartStore';
import { defineActions } from './define';

/** The workspace around the chart: dock, table, help, Escape. */
export const viewActions = defineActions([
  {
    name: 'toggle-dock',
    label: 'Timeline and map',
    keys: ['T'],
    help: 'Show / hide the timeline and map',
    perform: ({ store, state }) => patch(store, 'session', { dock: !state.session.dock }),
  },
  {
    name: 'escape',
    label: 'Deselect',
    keys: ['Escape'],
    help: 'Deselect, close a menu or this help',
    perform: ({ store, state, cy }) => {
      if (state.session.help) patch(store, 'session', { help: false });
      else if (state.session.menu) patch(store, 'session', { menu: null });
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
