/**
 * Contested links (issue 20 item 6) on the demo data: per-s027 KNOWS per-s028 is graded B by a
 * Police officer's note and E ("suspected false") by Children's Social Care after an anonymous
 * call. Both assessments stand side by side with who made each; the link is marked contested; a
 * low grade never hides it. Assessments follow the same access rules as the reports behind them.
 */
import { describe, expect, it } from 'vitest';
import { gqlOk } from '../support/client.js';
import { RESTRICTION_DEMO as D } from '../../seeds/demo/restrictions.js';

const LINKS = `query ($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 1, limit: 500) {
  links { id type source target sources contested assessments { reportId agency sourceType sourceGrade intelGrade receivedOn } } } }`;
const contestedId = `KNOWS:${D.contestedFrom}:${D.contestedTo}`;

describe('a link two agencies assess differently', () => {
  it('is contested, with both assessments side by side, and still shown', async () => {
    const { neighbourhood } = await gqlOk(LINKS, { ids: [D.contestedFrom] });
    const link = neighbourhood.links.find((l: any) => l.id === contestedId);
    expect(link, 'the E-graded link is still there').toBeTruthy();
    expect(link.contested).toBe(true);
    expect(link.assessments).toEqual([
      { reportId: D.policeGrade, agency: 'Police', sourceType: 'police', sourceGrade: '1', intelGrade: 'B', receivedOn: '2011-06-20' },
      { reportId: D.cscGrade, agency: "Children's Social Care", sourceType: 'partner', sourceGrade: '3', intelGrade: 'E', receivedOn: '2011-07-04' },
    ]);
    // Agreement is not contest: every other link around him is uncontested unless its reports disagree.
    for (const l of neighbourhood.links.filter((x: any) => x.id !== contestedId)) {
      const grades = new Set(l.assessments.map((a: any) => a.intelGrade));
      expect(l.contested, l.id).toBe(grades.has('E') && (grades.has('A') || grades.has('B') || grades.has('C')));
      // Assessments are those of the link's visible sources, no others.
      expect(l.assessments.map((a: any) => a.reportId).sort()).toEqual([...l.sources].sort());
    }
  });

  it('the provenance panel’s reports carry each side’s grade and agency', async () => {
    const { provenance } = await gqlOk(`query ($ids: [ID!]) { provenance(reportIds: $ids) { id properties } }`, { ids: [D.policeGrade, D.cscGrade] });
    const by = Object.fromEntries(provenance.map((r: any) => [r.id, r.properties]));
    expect(by[D.policeGrade]).toMatchObject({ intelGrade: 'B', ownerAgency: 'Police' });
    expect(by[D.cscGrade]).toMatchObject({ intelGrade: 'E', ownerAgency: "Children's Social Care" });
  });

  it('shows the same to licensing (two adults), on paths too', async () => {
    const { neighbourhood } = await gqlOk(LINKS, { ids: [D.contestedFrom] }, 'licensing');
    expect(neighbourhood.links.find((l: any) => l.id === contestedId)?.contested).toBe(true);
    const { paths } = await gqlOk(`query ($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 1, linkTypes: ["KNOWS"]) { links { id contested assessments { intelGrade } } } }`, { a: D.contestedFrom, b: D.contestedTo });
    const hop = paths.flatMap((p: any) => p.links).find((l: any) => l.id === contestedId);
    expect(hop.contested).toBe(true);
    expect(hop.assessments.map((a: any) => a.intelGrade)).toEqual(['B', 'E']);
  });

  it('a held link has no assessments and is never contested (its reports are not the caller’s)', async () => {
    // The Drugs Team's associate is restricted: the analyst (no team) sees the link to him as HELD.
    const { neighbourhood } = await gqlOk(LINKS, { ids: [D.person] });
    const held = neighbourhood.links.filter((l: any) => l.type === 'HELD');
    expect(held.length).toBeGreaterThan(0);
    for (const l of held) expect(l).toMatchObject({ contested: false, assessments: [], sources: [] });
  });
});
