/**
 * Child indicators (issue 20, item 7): what a school and a health service recorded about YP01, so
 * the strategy meeting's indicators show a school absence and a health flag with their sources.
 * The school's record is shared with social care and police; the health record is held by Health
 * under conditions and shared with social care only, so an analyst sees it as "held by Health".
 *
 * Deterministic and drawing nothing from the shared generator: fixed records, appended at the end.
 * Needs: the children (YP01) and the school YP01 attends (homes).
 */
import type { Cast } from './cast.js';
import type { Kit } from './reports.js';

export function recordSchoolAndHealth({ g, cite }: Kit, cast: Cast): void {
  const yp01 = cast.C(1);
  const school = g.links.find((l) => l.type === 'ATTENDS' && l.start === yp01.id)?.end;

  const attendance = g.node('rep-edu-0001', ['Report'], {
    ref: 'EDU/2009/ATT1',
    receivedOn: '2009-12-04',
    sourceType: 'school',
    sourceGrade: 1,
    intelGrade: 'A',
    handling: 'P',
    ownerAgency: 'Education',
    sharedWith: ["Children's Social Care", 'Police'],
    sharedOn: '2009-12-07',
    summary: `${yp01.pseudonym}: attendance 71% this term, 14 unauthorised half-days, most of them Fridays; twice collected at the gates by an older man in a car.`,
  }).id;
  const absence = g.node('inc-abs-0001', ['Incident'], {
    kind: 'school_absence',
    type: 'persistent_absence',
    date: '2009-09-07',
    endDate: '2009-12-04',
    status: 'closed',
    history: ['2009-09-07:open', '2009-12-04:closed'],
    summary: 'Persistent absence: 71% attendance over the autumn term, 14 unauthorised half-days.',
  });
  cite([attendance], [absence, g.link('VICTIM_OF', yp01.id, absence.id)], [yp01.id, absence.id, ...(school ? [school] : [])]);

  const clinic = g.node('rep-hlt-0001', ['Report'], {
    ref: 'HLT/2010/0003',
    receivedOn: '2010-02-16',
    sourceType: 'partner',
    sourceGrade: 1,
    intelGrade: 'B',
    handling: 'C',
    conditions: 'Health information: to children’s social care for safeguarding only',
    ownerAgency: 'Health',
    sharedWith: ["Children's Social Care"],
    sharedOn: '2010-02-16',
    summary: `${yp01.pseudonym} attended the sexual health clinic with an adult man who said he was her uncle.`,
  }).id;
  const health = g.node('inc-hlt-0001', ['Incident'], {
    kind: 'health_flag',
    type: 'sexual_health_attendance',
    date: '2010-02-15',
    status: 'open',
    history: ['2010-02-15:open'],
    summary: 'Attended a sexual health clinic accompanied by an adult man who gave himself as her uncle.',
  });
  cite([clinic], [health, g.link('VICTIM_OF', yp01.id, health.id)], [yp01.id, health.id]);
}
