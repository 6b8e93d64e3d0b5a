/**
 * The network diagram of a strategy-meeting pack: the child in the centre, everything else on rings
 * by how many links away it is, drawn with pdfkit as vector shapes and words. The layout is a pure
 * function of the view (sorted ids, no randomness), so the same view prints the same picture.
 */
import type PDFKit from 'pdfkit';
import { linkWords } from '../../domain/linkWords.js';

export interface DiagramNode {
  id: string;
  kind: string;
  label: string;
  properties: Record<string, unknown>;
}
export interface DiagramLink {
  source: string;
  target: string;
  type: string;
  properties?: Record<string, unknown>;
}
export interface Placed {
  node: DiagramNode;
  x: number;
  y: number;
  hop: number;
}

/**
 * Radial layout by hop distance from the child (a radial tree over the breadth-first tree): each
 * entity gets a wedge of the circle in proportion to how many entities hang off it, its own nodes
 * are placed inside that wedge, so branches stay together and lines rarely cross. Neighbours on a
 * crowded ring alternate between two radii so their labels do not sit on each other.
 */
export function radialLayout(childId: string, nodes: DiagramNode[], links: DiagramLink[], radius: number, minGap = 34): Placed[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const adj = new Map<string, string[]>();
  for (const l of links) {
    if (!byId.has(l.source) || !byId.has(l.target) || l.source === l.target) continue;
    adj.set(l.source, [...(adj.get(l.source) ?? []), l.target]);
    adj.set(l.target, [...(adj.get(l.target) ?? []), l.source]);
  }
  const order = (a: string, b: string) => {
    const na = byId.get(a)!;
    const nb = byId.get(b)!;
    return na.kind.localeCompare(nb.kind) || na.label.localeCompare(nb.label) || a.localeCompare(b);
  };
  // Breadth-first tree from the child; what the links shown do not join to it hangs off a virtual
  // root on the outermost ring.
  const hop = new Map<string, number>();
  const kids = new Map<string, string[]>();
  if (byId.has(childId)) hop.set(childId, 0);
  let frontier = byId.has(childId) ? [childId] : [];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      const fresh = [...new Set(adj.get(id) ?? [])].filter((m) => !hop.has(m)).sort(order);
      for (const m of fresh) hop.set(m, hop.get(id)! + 1);
      kids.set(id, fresh);
      next.push(...fresh);
    }
    frontier = next;
  }
  const loose = [...byId.keys()].filter((id) => !hop.has(id)).sort(order);
  const rings = Math.max(1, ...hop.values(), loose.length ? Math.max(0, ...hop.values()) + 1 : 0);
  for (const id of loose) hop.set(id, rings);
  const weight = new Map<string, number>();
  const weigh = (id: string): number => {
    const w = Math.max(1, (kids.get(id) ?? []).reduce((sum, k) => sum + weigh(k), 0));
    weight.set(id, w);
    return w;
  };
  // Each ring gets room for its entities (minGap apart) but stays inside `radius`, further out
  // than the ring before: a crowded first ring moves out, an almost empty one stays close.
  const counts = new Map<number, number>();
  for (const h of hop.values()) counts.set(h, (counts.get(h) ?? 0) + 1);
  const ringRadius = new Map<number, number>([[0, 0]]);
  for (let h = 1; h <= rings; h++) {
    const need = ((counts.get(h) ?? 0) * minGap) / (2 * Math.PI);
    const min = ringRadius.get(h - 1)! + (radius * 0.6) / rings;
    ringRadius.set(h, Math.min(radius * (h === rings ? 1 : 0.8), Math.max((radius * h) / rings, need, min)));
  }
  const placed: Placed[] = [];
  const put = (id: string, from: number, to: number) => {
    const h = hop.get(id)!;
    const a = (from + to) / 2;
    const r = ringRadius.get(h)!;
    placed.push({ node: byId.get(id)!, x: h ? Math.cos(a) * r : 0, y: h ? Math.sin(a) * r : 0, hop: h });
    const children = kids.get(id) ?? [];
    const total = children.reduce((sum, k) => sum + weight.get(k)!, 0);
    let at = from;
    for (const k of children) {
      const span = ((to - from) * weight.get(k)!) / total;
      put(k, at, at + span);
      at += span;
    }
  };
  const top = -Math.PI / 2;
  const rootWeight = byId.has(childId) ? weigh(childId) : 0;
  const share = (2 * Math.PI * rootWeight) / (rootWeight + loose.length || 1);
  if (byId.has(childId)) put(childId, top, top + share);
  loose.forEach((id, i) => {
    const span = (2 * Math.PI - share) / loose.length;
    kids.set(id, []);
    weight.set(id, 1);
    put(id, top + share + i * span, top + share + (i + 1) * span);
  });
  // Stagger crowded rings: every other node, by angle, moves a third of a ring inwards.
  for (let h = 1; h <= rings; h++) {
    const ring = placed.filter((p) => p.hop === h).sort((a, b) => Math.atan2(a.y, a.x) - Math.atan2(b.y, b.x));
    const r = ringRadius.get(h)!;
    if (ring.length * minGap <= 2 * Math.PI * r) continue;
    ring.forEach((p, i) => {
      if (i % 2 === 0) return;
      const k = (r - radius / rings / 3) / r;
      p.x *= k;
      p.y *= k;
    });
  }
  return placed;
}

/** Kinds in the order a meeting reads them first when a diagram must leave some out. */
const KIND_ORDER = ['Person', 'Incident', 'Crime', 'Notice', 'Phone', 'Location', 'Vehicle', 'Meeting', 'Operator', 'Licence', 'Email'];

/**
 * What fits on one page and still reads: the child, what is linked to it directly, and the persons
 * the derived-link rules link to it (with the links among these). A whole 2-hop network (an
 * operation brings in every suspect) would be a hairball; its size is given on page 1. At most
 * `cap` entities: the linked persons first, then direct links by kind and label.
 */
export function diagramSubset(childId: string, nodes: DiagramNode[], links: DiagramLink[], linkedPersonIds: string[], cap = 50): { nodes: DiagramNode[]; links: DiagramLink[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const direct = new Set<string>();
  for (const l of links) {
    if (l.source === childId) direct.add(l.target);
    if (l.target === childId) direct.add(l.source);
  }
  const linked = linkedPersonIds.filter((id) => byId.has(id));
  const rank = (n: DiagramNode) => {
    const i = KIND_ORDER.indexOf(n.kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  // Reports are where the facts come from, not part of the network: they are not drawn.
  const others = [...direct]
    .filter((id) => byId.has(id) && !linked.includes(id) && byId.get(id)!.kind !== 'Report')
    .map((id) => byId.get(id)!)
    .sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  const keep = new Set([childId, ...linked, ...others.map((n) => n.id)].slice(0, cap));
  return { nodes: nodes.filter((n) => keep.has(n.id)), links: links.filter((l) => keep.has(l.source) && keep.has(l.target)) };
}

/** A print palette by kind (light fills that keep black text readable in greyscale too). */
const KIND_FILL: Record<string, string> = {
  Person: '#7fb2f0', Officer: '#a7a3f5', Phone: '#6fd3c5', Email: '#9fd8f5', Vehicle: '#f2c46d', Location: '#94d69a',
  Incident: '#f5a373', Crime: '#f07f7f', Operator: '#d5a9f5', Licence: '#e3d98a', Notice: '#f59ac4', Meeting: '#b8c8d8',
  Operation: '#ffd36e', Report: '#c8ccd2', HeldItem: '#c9ced6',
};
const KIND_WORD: Record<string, string> = { PhoneCall: 'Phone call', PostCode: 'Postcode', HeldItem: 'Held item' };

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Draws the diagram on a new landscape page of `doc`: links (in words where they touch the child
 * or the chart is small), entities as circles coloured by kind, the child ringed, a do-not-contact
 * phone ringed red, and a key of the kinds shown. Returns the link words it drew, for tests.
 */
export function drawNetworkDiagram(doc: PDFKit.PDFDocument, whole: { childId: string; nodes: DiagramNode[]; links: DiagramLink[]; linkedPersonIds: string[]; title: string }): string[] {
  const view = { ...whole, ...diagramSubset(whole.childId, whole.nodes, whole.links, whole.linkedPersonIds) };
  doc.addPage({ size: 'A4', layout: 'landscape', margin: 36 });
  const W = doc.page.width;
  const H = doc.page.height;
  doc.fillColor('black').font('Helvetica-Bold').fontSize(14).text(view.title, 36, 36);
  const shown = view.nodes.length < whole.nodes.length ? `Showing ${view.nodes.length} of the ${whole.nodes.length} entities: the child, what is linked to it directly and the persons linked to it. ` : '';
  doc.font('Helvetica').fontSize(8).fillColor('#333333').text(`${shown}The child in the centre; rings by number of links away. Other children appear only as descriptors.`, 36, 54, { lineBreak: false });
  const cx = (W - 130) / 2 + 18;
  const cy = H / 2 + 16;
  // An ellipse that uses the landscape page: room for outward labels at the sides, two label rows
  // at the top and bottom.
  const rx = cx - 36 - 80;
  const ry = cy - 90 - 14;
  const placed = radialLayout(view.childId, view.nodes, view.links, 1, 30 / Math.min(rx, ry)).map((p) => ({ ...p, x: p.x * rx, y: p.y * ry }));
  const at = new Map(placed.map((p) => [p.node.id, { x: cx + p.x, y: cy + p.y }]));
  const labelAll = view.links.length <= 40;
  const outer = Math.max(0, ...placed.map((p) => p.hop));
  const nearVertical = new Map(
    placed
      .filter((p) => p.hop === outer && Math.abs(p.x / rx) < 0.35 * Math.hypot(p.x / rx, p.y / ry))
      .sort((a, b) => Math.sign(a.y) - Math.sign(b.y) || a.x - b.x)
      .map((p, i) => [p.node.id, i]),
  );
  const drawn: string[] = [];

  doc.lineWidth(0.6);
  for (const l of view.links) {
    const a = at.get(l.source);
    const b = at.get(l.target);
    if (!a || !b) continue;
    const held = l.type === 'HELD';
    doc.save().strokeColor(held ? '#8b949e' : '#5f6f84');
    if (held) doc.dash(3, { space: 2 });
    doc.moveTo(a.x, a.y).lineTo(b.x, b.y).stroke();
    doc.restore();
    if (labelAll || l.source === view.childId || l.target === view.childId) {
      const words = linkWords(l.type, l.properties ?? {});
      drawn.push(words);
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      let deg = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
      if (deg > 90) deg -= 180;
      if (deg < -90) deg += 180;
      doc.save().rotate(deg, { origin: [mx, my] });
      const w = doc.font('Helvetica').fontSize(5.5).widthOfString(words);
      doc.rect(mx - w / 2 - 1, my - 4, w + 2, 7).fill('#ffffff');
      doc.fillColor('#3a4654').text(words, mx - w / 2, my - 3, { lineBreak: false });
      doc.restore();
    }
  }
  for (const p of placed) {
    const { x, y } = at.get(p.node.id)!;
    const isChild = p.node.id === view.childId;
    const r = isChild ? 11 : 6.5;
    doc.save().circle(x, y, r).fillAndStroke(KIND_FILL[p.node.kind] ?? '#9aa4b1', '#0b0e13').restore();
    if (isChild || p.node.properties.child === true) doc.save().lineWidth(1.6).circle(x, y, r + 2.5).stroke('#0096b4').restore();
    if (p.node.properties.doNotContact === true) doc.save().lineWidth(1.4).circle(x, y, r + 2.2).stroke('#d0312d').restore();
    const label = short(p.node.label, isChild ? 40 : 26);
    doc.font(isChild ? 'Helvetica-Bold' : 'Helvetica').fontSize(isChild ? 8 : 5.8).fillColor('black');
    const w = doc.widthOfString(label);
    // The outermost ring's labels point outwards (left of a node on the left, right on the right),
    // where nothing else is drawn; inner rings' labels sit under their node.
    const unit = Math.hypot(p.x / rx, p.y / ry) || 1;
    const ux = p.hop === outer ? p.x / rx / unit : 0;
    const uy = p.hop === outer ? p.y / ry / unit : 1;
    if (ux > 0.35) doc.text(label, x + r + 2, y - 2.5, { lineBreak: false });
    else if (ux < -0.35) doc.text(label, x - r - 2 - w, y - 2.5, { lineBreak: false });
    else if (p.hop === outer) {
      // Near the top and bottom neighbours sit side by side: every other label goes one line further out.
      const row = (nearVertical.get(p.node.id) ?? 0) % 2;
      doc.text(label, x - w / 2, uy < 0 ? y - r - 8 - row * 7 : y + r + 2 + row * 7, { lineBreak: false });
    } else doc.text(label, x - w / 2, y + r + 2, { lineBreak: false });
  }
  // The key: kinds on the diagram, the marks, and that link labels are in words.
  const kinds = [...new Set(placed.map((p) => p.node.kind))].sort();
  let ky = 90;
  const kx = W - 140;
  doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text('Key', kx, 72);
  doc.font('Helvetica').fontSize(7.5);
  for (const k of kinds) {
    doc.save().circle(kx + 5, ky + 3, 4.5).fillAndStroke(KIND_FILL[k] ?? '#9aa4b1', '#0b0e13').restore();
    doc.fillColor('black').text(KIND_WORD[k] ?? k, kx + 14, ky, { lineBreak: false });
    ky += 12;
  }
  doc.save().lineWidth(1.6).circle(kx + 5, ky + 3, 6).stroke('#0096b4').restore();
  doc.fillColor('black').text('Child', kx + 14, ky, { lineBreak: false });
  ky += 14;
  if (placed.some((p) => p.node.properties.doNotContact === true)) {
    doc.save().lineWidth(1.4).circle(kx + 5, ky + 3, 6).stroke('#d0312d').restore();
    doc.fillColor('black').text("Child's phone: do not contact", kx + 14, ky, { lineBreak: false });
    ky += 14;
  }
  if (view.links.some((l) => l.type === 'HELD')) {
    doc.save().strokeColor('#8b949e').dash(3, { space: 2 }).moveTo(kx, ky + 3).lineTo(kx + 11, ky + 3).stroke().restore();
    doc.fillColor('black').text('Held link: ask the owner', kx + 14, ky, { lineBreak: false });
    ky += 14;
  }
  doc.fillColor('#333333').fontSize(6.5).text(labelAll ? 'Every link is labelled in words.' : "The child's own links are labelled in words.", kx, ky + 4, { width: 120 });
  return drawn;
}
