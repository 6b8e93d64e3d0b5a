import { defineActions } from './define';
import { targetEntities } from './targets';

/** Questions asked of the graph from the chart. */
export const analysisActions = defineActions([
  {
    name: 'expand',
    label: 'Expand',
    menuLabel: 'Expand all links',
    keys: ['E'],
    help: 'Expand the selected entity',
    title: 'Bring in the neighbours',
    placements: ['node'],
    enabled: (ctx) => targetEntities(ctx).nonempty(),
    perform: (ctx) => ctx.ops.expand(targetEntities(ctx).map((n) => n.id())),
  },
  {
    name: 'paths',
    label: 'Shortest paths',
    keys: ['S'],
    help: 'Shortest paths between the two selected entities',
    perform: ({ ops }) => ops.paths(),
  },
  {
    name: 'connecting',
    label: 'Connecting network',
    keys: ['N'],
    help: 'Connecting network of the selected entities',
    // Not disabled with the wrong number selected: the key then says what to select.
    perform: ({ ops }) => ops.connecting(),
  },
]);
