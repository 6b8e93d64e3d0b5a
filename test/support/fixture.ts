/**
 * A small, hand-made graph for the integration tests (ids prefixed `fx-`), loaded next to the demo
 * data. Invented names; drama phone numbers; registrations nobody can hold.
 */
import type { Dataset } from '../../seeds/dataset.js';

export const fixture: Dataset = {
  nodes: [
    { id: 'fx-p1', labels: ['Person'], props: { name: 'Quentin', surname: 'Marchbanks', aliases: ['Quinny'], sources: ['fx-r1'] } },
    { id: 'fx-p2', labels: ['Person'], props: { name: 'Ottoline', surname: 'Fenwright' } },
    { id: 'fx-p3', labels: ['Person'], props: { name: 'Barnaby', surname: 'Quillfeather' } },
    { id: 'fx-ph1', labels: ['Phone'], props: { phoneNo: '+447700900987', raw: '07700 900987' } },
    { id: 'fx-ph2', labels: ['Phone'], props: { phoneNo: '+441632960987', raw: '01632 960987' } },
    { id: 'fx-v1', labels: ['Vehicle'], props: { reg: 'ZZ09QMX', make: 'Vauxhall', model: 'Zafira', colour: 'silver' } },
    { id: 'fx-l1', labels: ['Location'], props: { address: '17 Tannery Row', postcode: 'QX9 4ZZ', latitude: 53.4, longitude: -1.3, kind: 'takeaway' } },
    { id: 'fx-hub', labels: ['Location'], props: { address: '1 Crowded Square', postcode: 'QX9 1ZZ', kind: 'other' } },
    ...Array.from({ length: 40 }, (_, i) => ({ id: `fx-visitor-${i}`, labels: ['Person'], props: { name: `Visitor${i}`, surname: 'Hubbard' } })),
  ],
  links: [
    { id: 'fx-k1', type: 'KNOWS', start: 'fx-p1', end: 'fx-p2', props: { sources: ['fx-r1', 'fx-r2'] } },
    { id: 'fx-k2', type: 'KNOWS', start: 'fx-p2', end: 'fx-p1', props: {} },
    { id: 'fx-k3', type: 'KNOWS', start: 'fx-p2', end: 'fx-p3', props: {} },
    { id: 'fx-hp1', type: 'HAS_PHONE', start: 'fx-p1', end: 'fx-ph1', props: {} },
    { id: 'fx-hp2', type: 'HAS_PHONE', start: 'fx-p2', end: 'fx-ph2', props: {} },
    { id: 'fx-uv1', type: 'USES_VEHICLE', start: 'fx-p1', end: 'fx-v1', props: { role: 'keeper' } },
    { id: 'fx-ca1', type: 'CURRENT_ADDRESS', start: 'fx-p1', end: 'fx-l1', props: { from: '2009-01-01' } },
    { id: 'fx-ca2', type: 'CURRENT_ADDRESS', start: 'fx-p3', end: 'fx-l1', props: { from: '2012-06-01' } },
    { id: 'fx-hub-p1', type: 'CURRENT_ADDRESS', start: 'fx-p1', end: 'fx-hub', props: {} },
    ...Array.from({ length: 40 }, (_, i) => ({ id: `fx-hub-${i}`, type: 'CURRENT_ADDRESS', start: `fx-visitor-${i}`, end: 'fx-hub', props: {} })),
  ],
};
