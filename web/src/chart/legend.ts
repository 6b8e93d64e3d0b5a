/**
 * What the chart's key says, derived from what is on the chart now: the kinds with their pictograms,
 * what a link's thickness and dashes mean, the operation's boxes, community colours when persons are
 * coloured by community, and the rings and glows of ranks, paths and highlights. `legendFacts` reads
 * the chart; `legendContent` (pure) turns the facts into sections the Legend component draws, and
 * the print/export code can draw the same way.
 */
import type cytoscape from 'cytoscape';
import { kindStyle, KIND_STYLES } from './kinds';
import { bandColour } from './operationBoxes';

export interface LegendFacts {
  /** Style keys present, in vocabulary order. */
  kinds: string[];
  child: boolean;
  restricted: boolean;
  hotspot: boolean;
  pinned: boolean;
  links: number;
  /** Most reports behind one link (drives the thickest line). */
  maxReports: number;
  /** Grading strengths present on links (grades.ts): firm, fair, doubtful, ungraded. */
  strengths: string[];
  heldLink: boolean;
  /** A link whose reports disagree (issue 20 item 6). */
  contested: boolean;
  /** Boxes on the chart: the operation's bands and the analyst's groups. */
  boxes: { label: string; colour: string }[];
  /** Communities present (Louvain), when persons are coloured by community. */
  communities: { colour: string; members: number }[];
  ranked: boolean;
  path: boolean;
  highlighted: boolean;
}

export const NO_FACTS: LegendFacts = {
  kinds: [], child: false, restricted: false, hotspot: false, pinned: false, links: 0, maxReports: 0, strengths: [],
  heldLink: false, contested: false, boxes: [], communities: [], ranked: false, path: false, highlighted: false,
};

/** Reads the facts off a chart (or none without one). */
export function legendFacts(cy: cytoscape.Core | null): LegendFacts {
  if (!cy || cy.destroyed()) return NO_FACTS;
  const kinds = new Set<string>();
  const f: LegendFacts = { ...NO_FACTS, boxes: [], communities: [], strengths: [] };
  const communities = new Map<string, number>();
  cy.nodes().forEach((n) => {
    if (n.data('isGroup')) {
      f.boxes.push({ label: String(n.data('label') ?? ''), colour: bandColour(n.id()) ?? GROUP_COLOUR });
      return;
    }
    kinds.add(String(n.data('sk') ?? 'other'));
    f.child ||= n.data('child') === true;
    f.restricted ||= n.data('restricted') === true;
    f.hotspot ||= n.data('hotspot') === true;
    f.pinned ||= n.hasClass('pinned');
    f.ranked ||= n.hasClass('ranked');
    f.highlighted ||= n.hasClass('hl');
    f.path ||= n.hasClass('path-hl');
    if (n.hasClass('in-community')) {
      const c = String(n.data('commColor'));
      communities.set(c, (communities.get(c) ?? 0) + 1);
    }
  });
  const strengths = new Set<string>();
  cy.edges().forEach((e) => {
    if (e.hasClass('boxed')) return;
    f.links++;
    if (e.data('type') === 'HELD') {
      f.heldLink = true;
      return;
    }
    f.contested ||= e.data('contested') === true;
    f.maxReports = Math.max(f.maxReports, Number(e.data('nsources') ?? 0));
    strengths.add(String(e.data('strength') ?? 'ungraded'));
  });
  f.kinds = KIND_STYLES.map((k) => k.key).filter((k) => kinds.has(k));
  f.strengths = STRENGTH_ORDER.filter((s) => strengths.has(s));
  f.communities = [...communities.entries()].map(([colour, members]) => ({ colour, members })).sort((a, b) => b.members - a.members);
  return f;
}

const GROUP_COLOUR = '#8fb4ff';
const STRENGTH_ORDER = ['firm', 'fair', 'doubtful', 'ungraded'];

export type Mark =
  | { type: 'kind'; kind: string }
  | { type: 'line'; width: number; dash: 'solid' | 'dashed' | 'dotted'; colour: string; /** A two-tone line's second half. */ colour2?: string }
  | { type: 'swatch'; colour: string }
  | { type: 'ring'; colour: string; style: 'double' | 'dashed' | 'solid' | 'glow' }
  | { type: 'box'; colour: string };

export interface LegendItem {
  key: string;
  label: string;
  /** Longer explanation (a tooltip). */
  hint?: string;
  mark: Mark;
}

export interface LegendSection {
  key: 'kinds' | 'marks' | 'links' | 'boxes' | 'communities' | 'analysis';
  title: string;
  items: LegendItem[];
}

const LINK_COLOUR = '#8a9bb0';
const STRENGTH_WORDS: Record<string, { label: string; hint: string; dash: 'solid' | 'dashed' | 'dotted' }> = {
  firm: { label: 'firm (A/B, reliable source)', hint: 'Best report behind it graded A or B from a source graded 1 or 2', dash: 'solid' },
  fair: { label: 'fair grade', hint: 'Best report behind it graded C or D, or from a less reliable source', dash: 'dashed' },
  doubtful: { label: 'doubtful (E)', hint: 'Every graded report behind it is graded E', dash: 'dotted' },
  ungraded: { label: 'no graded report', hint: 'No report behind it carries a 3x5x2 grade', dash: 'solid' },
};

/** The key's sections for these facts; empty sections are left out. */
export function legendContent(f: LegendFacts): LegendSection[] {
  const sections: LegendSection[] = [];
  sections.push({ key: 'kinds', title: 'Kinds', items: f.kinds.map((k) => ({ key: `kind-${k}`, label: kindStyle(k).name, mark: { type: 'kind', kind: k } })) });

  const marks: LegendItem[] = [];
  if (f.child) marks.push({ key: 'child', label: 'Child', hint: 'A child or young person: never missed on a chart', mark: { type: 'ring', colour: '#5ee6ff', style: 'double' } });
  if (f.restricted) marks.push({ key: 'restricted', label: 'Protected address', hint: 'Not to be read out or shared', mark: { type: 'ring', colour: '#f4f6f8', style: 'dashed' } });
  if (f.hotspot) marks.push({ key: 'hotspot', label: 'Hotspot', hint: 'A place with repeated incidents', mark: { type: 'ring', colour: '#ff5252', style: 'glow' } });
  if (f.pinned) marks.push({ key: 'pinned', label: 'Pinned', hint: 'Layouts leave it where it is', mark: { type: 'ring', colour: '#ffd36e', style: 'solid' } });
  sections.push({ key: 'marks', title: 'Marks', items: marks });

  const links: LegendItem[] = [];
  if (f.strengths.length > 0) {
    const most = Math.max(2, f.maxReports);
    links.push({ key: 'thin', label: '1 report', hint: 'Line thickness: how many reports support the link', mark: { type: 'line', width: 1.6, dash: 'solid', colour: LINK_COLOUR } });
    links.push({ key: 'thick', label: `${most}${f.maxReports >= 4 ? '+' : ''} reports`, hint: 'More independent reports behind a link draw it thicker', mark: { type: 'line', width: 5, dash: 'solid', colour: LINK_COLOUR } });
    for (const s of f.strengths) {
      const w = STRENGTH_WORDS[s];
      if (w && (s !== 'ungraded' || f.strengths.length > 1)) links.push({ key: `grade-${s}`, label: w.label, hint: w.hint, mark: { type: 'line', width: 2.4, dash: w.dash, colour: LINK_COLOUR } });
    }
  }
  if (f.contested) links.push({ key: 'contested', label: 'Contested (two-tone)', hint: 'The reports behind it disagree: one grades it A, B or C, another E (suspected false). Both stand; select the link to see who graded it how', mark: { type: 'line', width: 3.4, dash: 'solid', colour: '#f0a830', colour2: '#4aa3ff' } });
  if (f.heldLink) links.push({ key: 'held-link', label: 'Held link', hint: 'Held under conditions by another agency: ask them for access', mark: { type: 'line', width: 1.8, dash: 'dashed', colour: '#8b949e' } });
  sections.push({ key: 'links', title: 'Links', items: links });

  sections.push({
    key: 'boxes',
    title: 'Boxes',
    items: f.boxes.map((b, i) => ({ key: `box-${i}`, label: b.label, hint: 'Members of the box: on an operation, their link to it is the box', mark: { type: 'box', colour: b.colour } })),
  });

  sections.push({
    key: 'communities',
    title: 'Communities',
    items: f.communities.slice(0, 12).map((c, i) => ({ key: `community-${i}`, label: `${i + 1} (${c.members})`, hint: 'Colour: the community (Louvain) the entity falls in; shape and pictogram still say its kind', mark: { type: 'swatch', colour: c.colour } })),
  });

  const analysis: LegendItem[] = [];
  if (f.ranked) analysis.push({ key: 'rank', label: 'Size = rank', hint: 'Bigger nodes score higher on the chosen measure', mark: { type: 'ring', colour: '#9aa4b1', style: 'solid' } });
  if (f.path) analysis.push({ key: 'path', label: 'Path', hint: 'The path or network asked for: orange ring and thick orange links', mark: { type: 'ring', colour: '#ff9f43', style: 'solid' } });
  if (f.highlighted) analysis.push({ key: 'highlight', label: 'Highlighted', hint: 'What the Highlight choice picks out; the rest is faded', mark: { type: 'ring', colour: '#ffe27a', style: 'glow' } });
  sections.push({ key: 'analysis', title: 'Analysis', items: analysis });

  return sections.filter((s) => s.items.length > 0);
}
