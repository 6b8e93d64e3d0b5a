/**
 * Follow-through (issue 20, items 1 and 2): what the meetings decided and who was to do what, and
 * what was sent to licensing. YP01's strategy meeting of 2010-06-23 is recorded (then corrected:
 * the first version missed the school nurse) with three actions — licensing to check the drivers
 * named in her concerns (never done: overdue), police to hold return interviews (overdue), social
 * care to update her placement plan (done). The last responsible-authorities meeting before Dunmere
 * Cars lost its licence asks licensing to review that licence (done: revoked) and to audit
 * Aldercote Cars' drivers (still open). Police sent licensing a concerns grid of the operators in
 * February 2011 that nobody acknowledged (it escalates on the first check), and a notice
 * notification that licensing did acknowledge.
 *
 * Not entities (kept outside the case graph, like alerts), so they are written after the dataset by
 * server/modules/meetings/demo.ts. Deterministic: no random numbers, every choice read from the
 * dataset by fixed rules. Needs: the meetings, incidents and notices of the dataset.
 */
import type { Dataset } from '../dataset.js';
import { DEMO_IDS } from './cast.js';

export interface DemoMeetingRecord {
  id: string;
  meetingId: string;
  version: number;
  recordedBy: string;
  recordedAgency: string;
  recordedAt: string;
  reason: string | null;
  attendees: string;
  itemIds: string[];
  notes: string;
  actionIds: string[];
}

export interface DemoAction {
  id: string;
  meetingId: string;
  recordId: string;
  text: string;
  released_text: string | null;
  itemIds: string[];
  ownerUser: string | null;
  ownerAgency: string;
  ownerRole: string;
  dueOn: string;
  status: string;
  outcome: string | null;
  createdBy: string;
  createdAgency: string;
  createdAt: string;
  history: string[];
}

export interface DemoDelivery {
  id: string;
  kind: string;
  title: string;
  released_title: string | null;
  note: string | null;
  subjectIds: string[];
  sentBy: string;
  fromAgency: string;
  fromRole: string;
  sentAt: string;
  toAgency: string;
  toRole: string;
  status: string;
  receivedBy: string | null;
  receivedAt: string | null;
  outcome: string | null;
  released_outcome: string | null;
  escalatedTo: string[];
}

export interface FollowThrough {
  records: DemoMeetingRecord[];
  actions: DemoAction[];
  deliveries: DemoDelivery[];
}

const SOCIAL_CARE = "Children's Social Care";
const attendees = (list: [string, string, string][]) => JSON.stringify(list.map(([name, role, agency]) => ({ name, role, agency })));
const change = (at: string, by: string, status: string, dueOn: string | null, outcome: string | null) => JSON.stringify({ at, by, status, dueOn, outcome });

export function followThrough(data: Dataset): FollowThrough {
  const meetings = data.nodes.filter((n) => n.labels.includes('Meeting'));
  const linksTo = (type: string, end: string) => data.links.filter((l) => l.type === type && l.end === end).map((l) => l.start);
  const child = DEMO_IDS.demoChild;
  const discussed = new Set(data.links.filter((l) => l.type === 'DISCUSSED_AT' && l.start === child).map((l) => l.end));
  const strategy = meetings.find((m) => discussed.has(m.id) && m.props.date === '2010-06-23');
  // The last responsible-authorities meeting before Dunmere Cars' licence was revoked (2010-03-12).
  const ra = meetings
    .filter((m) => m.props.kind === 'responsible_authority' && String(m.props.date) < '2010-03-12')
    .sort((a, b) => String(b.props.date).localeCompare(String(a.props.date)))[0];
  if (!strategy || !ra) throw new Error('followThrough: the demo meetings it records are missing');

  const concerns = linksTo('RAISED_AT', strategy.id).sort();
  const raConcerns = linksTo('RAISED_AT', ra.id).sort();
  const operatorsOf = (incidents: string[]) => [...new Set(data.links.filter((l) => l.type === 'INVOLVED_IN' && l.start.startsWith('opr-') && incidents.includes(l.end)).map((l) => l.start))].sort();
  const raOperators = [...new Set(['opr-3', 'opr-1', ...operatorsOf(raConcerns)])];

  const sDate = String(strategy.props.date);
  const raDate = String(ra.props.date);
  const at = (date: string, time = '16:30:00') => `${date}T${time}.000Z`;
  const v1 = `${strategy.id}:v1`;
  const v2 = `${strategy.id}:v2`;
  const raV1 = `${ra.id}:v1`;
  const sw = 'j.okafor';
  const chair = 'r.bannister';

  const actions: DemoAction[] = [
    {
      id: 'act-demo-01',
      meetingId: strategy.id,
      recordId: v1,
      text: 'Licensing to check the licence status of every driver named in YP01’s concerns and report back to the next strategy meeting.',
      released_text: 'Licensing to check the licence status of the drivers named in the concerns raised at this meeting and report back.',
      itemIds: [child, ...concerns.slice(0, 2)],
      ownerUser: null,
      ownerAgency: 'Licensing',
      ownerRole: 'licensing',
      dueOn: '2010-07-21',
      status: 'open',
      outcome: null,
      createdBy: sw,
      createdAgency: SOCIAL_CARE,
      createdAt: at(sDate),
      history: [change(at(sDate), sw, 'open', '2010-07-21', null)],
    },
    {
      id: 'act-demo-02',
      meetingId: strategy.id,
      recordId: v1,
      text: 'Police to hold a return interview after every missing episode and share it with social care within 72 hours.',
      released_text: null,
      itemIds: [child],
      ownerUser: null,
      ownerAgency: 'Police',
      ownerRole: 'analyst',
      dueOn: '2010-07-07',
      status: 'open',
      outcome: null,
      createdBy: sw,
      createdAgency: SOCIAL_CARE,
      createdAt: at(sDate),
      history: [change(at(sDate), sw, 'open', '2010-07-07', null)],
    },
    {
      id: 'act-demo-03',
      meetingId: strategy.id,
      recordId: v1,
      text: 'Social worker to update the placement plan with the places of concern.',
      released_text: null,
      itemIds: [child],
      ownerUser: null,
      ownerAgency: SOCIAL_CARE,
      ownerRole: 'safeguarding',
      dueOn: '2010-07-14',
      status: 'done',
      outcome: 'Placement plan updated on 2010-07-09; residential unit told of the places of concern.',
      createdBy: sw,
      createdAgency: SOCIAL_CARE,
      createdAt: at(sDate),
      history: [change(at(sDate), sw, 'open', '2010-07-14', null), change(at('2010-07-09', '11:05:00'), sw, 'done', null, 'Placement plan updated on 2010-07-09; residential unit told of the places of concern.')],
    },
    {
      id: 'act-demo-04',
      meetingId: ra.id,
      recordId: raV1,
      text: 'Licensing to review Dunmere Cars’ operator licence in the light of the complaints raised again tonight.',
      released_text: null,
      itemIds: ['opr-3'],
      ownerUser: null,
      ownerAgency: 'Licensing',
      ownerRole: 'licensing',
      dueOn: '2010-03-31',
      status: 'done',
      outcome: 'Operator licence revoked on 2010-03-12.',
      createdBy: chair,
      createdAgency: 'Licensing',
      createdAt: at(raDate, '12:00:00'),
      history: [change(at(raDate, '12:00:00'), chair, 'open', '2010-03-31', null), change(at('2010-03-12', '15:00:00'), chair, 'done', null, 'Operator licence revoked on 2010-03-12.')],
    },
    {
      id: 'act-demo-05',
      meetingId: ra.id,
      recordId: raV1,
      text: 'Licensing to audit the drivers working for Aldercote Cars (licences, notices, complaints) and bring the list to the next meeting.',
      released_text: null,
      itemIds: ['opr-1'],
      ownerUser: null,
      ownerAgency: 'Licensing',
      ownerRole: 'licensing',
      dueOn: '2010-04-30',
      status: 'open',
      outcome: null,
      createdBy: chair,
      createdAgency: 'Licensing',
      createdAt: at(raDate, '12:00:00'),
      history: [change(at(raDate, '12:00:00'), chair, 'open', '2010-04-30', null)],
    },
  ];

  const strategyAttendees: [string, string, string][] = [
    ['Jo Okafor', 'social worker (chair)', SOCIAL_CARE],
    ['DC Sam Reid', 'child sexual exploitation team', 'Police'],
    ['Priya Lal', 'licensing officer', 'Licensing'],
    ['Mel Carter', 'residential unit manager', SOCIAL_CARE],
  ];
  const decisions = [
    'YP01 remains subject to a child protection plan; risk of sexual exploitation assessed as high.',
    'The drivers named in the concerns are to be checked by licensing.',
    'Every missing episode to be followed by a return interview.',
  ];
  const records: DemoMeetingRecord[] = [
    {
      id: v1,
      meetingId: strategy.id,
      version: 1,
      recordedBy: sw,
      recordedAgency: SOCIAL_CARE,
      recordedAt: at(sDate, '17:10:00'),
      reason: null,
      attendees: attendees(strategyAttendees),
      itemIds: [child, ...concerns],
      notes: decisions.join('\n'),
      actionIds: ['act-demo-01', 'act-demo-02', 'act-demo-03'],
    },
    {
      id: v2,
      meetingId: strategy.id,
      version: 2,
      recordedBy: sw,
      recordedAgency: SOCIAL_CARE,
      recordedAt: at('2010-06-25', '09:20:00'),
      reason: 'The first version left out the school nurse, who attended and reported the health concerns.',
      attendees: attendees([...strategyAttendees, ['Ann Hale', 'school nurse', 'Health']]),
      itemIds: [child, ...concerns],
      notes: decisions.join('\n'),
      actionIds: [],
    },
    {
      id: raV1,
      meetingId: ra.id,
      version: 1,
      recordedBy: chair,
      recordedAgency: 'Licensing',
      recordedAt: at(raDate, '12:30:00'),
      reason: null,
      attendees: attendees([
        ['Rob Bannister', 'licensing manager (chair)', 'Licensing'],
        ['Insp. Dee Marsh', 'licensing liaison', 'Police'],
        ['Kay Whitlow', 'trading standards officer', 'Council'],
      ]),
      itemIds: [...raOperators, ...raConcerns],
      notes: ['Dunmere Cars: complaints raised at two meetings running; its operator licence goes to review.', 'Aldercote Cars: drivers to be audited.'].join('\n'),
      actionIds: ['act-demo-04', 'act-demo-05'],
    },
  ];

  const notice = DEMO_IDS.noticeAtTakeaway;
  const deliveries: DemoDelivery[] = [
    {
      id: 'dlv-demo-01',
      kind: 'concerns_grid',
      title: 'Concerns grid: taxi operators by concerns, 2009–2010 (operator-risk table)',
      released_title: null,
      note: 'For the licensing committee: Dunmere Express (successor of Dunmere Cars) and Aldercote Cars lead the table.',
      subjectIds: ['opr-1', 'opr-2', 'opr-3', 'opr-6'],
      sentBy: 'demo-analyst',
      fromAgency: 'Police',
      fromRole: 'analyst',
      sentAt: '2011-02-01T10:00:00.000Z',
      toAgency: 'Licensing',
      toRole: 'licensing',
      status: 'unacknowledged',
      receivedBy: null,
      receivedAt: null,
      outcome: null,
      released_outcome: null,
      escalatedTo: [],
    },
    {
      id: 'dlv-demo-02',
      kind: 'notice_notification',
      title: 'Child abduction notice served on a licensed driver',
      released_title: 'Child abduction notice served on a licensed driver',
      note: null,
      subjectIds: [notice],
      sentBy: 'demo-analyst',
      fromAgency: 'Police',
      fromRole: 'analyst',
      sentAt: '2010-09-06T09:00:00.000Z',
      toAgency: 'Licensing',
      toRole: 'licensing',
      status: 'acknowledged',
      receivedBy: 'p.lal',
      receivedAt: '2010-09-07T14:30:00.000Z',
      outcome: 'Driver’s licence suspended pending review; the operator told.',
      released_outcome: 'Driver’s licence suspended pending review; the operator told.',
      escalatedTo: [],
    },
    {
      id: 'dlv-demo-03',
      kind: 'evidence_pack',
      title: 'Evidence pack: sightings and vehicles for the civil injunction application',
      released_title: null,
      note: null,
      subjectIds: ['opr-3'],
      sentBy: 'demo-analyst',
      fromAgency: 'Police',
      fromRole: 'analyst',
      sentAt: '2011-03-14T11:00:00.000Z',
      toAgency: SOCIAL_CARE,
      toRole: 'safeguarding',
      status: 'acknowledged',
      receivedBy: sw,
      receivedAt: '2011-03-15T10:00:00.000Z',
      outcome: 'Shared with the strategy meeting of 2011-03-21.',
      released_outcome: null,
      escalatedTo: [],
    },
  ];
  return { records, actions, deliveries };
}
