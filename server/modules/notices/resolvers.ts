/**
 * The notice register (issue 20, item 3): child abduction notices, their repeat subjects and their
 * breaches, derived on each call from what the graph holds (DESIGN.md §4, "derived, never stored").
 * The same breach rule raises the notice_breach alert when information is written
 * (alerts/noticeBreach.cypher; both use fragments/noticeBreaches.cypher).
 */
import { z } from 'zod';
import { parseArgs } from '../../http/errors.js';
import { cypherFile, type PlainNode } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import type { Viewer } from '../../access/viewer.js';
import type { Resolvers } from '../../generated/graphql.js';

interface Evidence {
  id: string;
  kind: string;
  date: string;
  sources: string[];
  node: PlainNode | null;
}

/** A piece of evidence as the caller may see it: none when only reports withheld from them support it. */
function viewBreach(b: Evidence, viewer: Viewer, withheld: Set<string>, childProtected: boolean) {
  if (b.sources.length > 0 && b.sources.every((s) => withheld.has(s))) return null;
  const evidence = b.node ? toEntity(b.node) : null;
  if (evidence && evidence.kind === 'HeldItem') return null;
  // A link's id touching a child the caller may not see is not theirs to have (DESIGN.md §6).
  const evidenceId = b.node ? evidence!.id : childProtected ? null : b.id;
  return { evidenceId, kind: b.kind, date: b.date, evidence };
}

export const noticesResolvers: Resolvers = {
  Query: {
    noticeRegister: async (_, args, ctx) => {
      const { breachesOnly } = parseArgs(z.object({ breachesOnly: z.boolean().nullish() }), args);
      const viewer = ctx.viewer!;
      const licensedOnly = ctx.user!.role === 'licensing';
      const withheld = viewer.withheldReportIds();
      const rows = await ctx.db.read(cypherFile(import.meta.url, 'register.cypher'), { withheld, licensedOnly }, { what: 'The notice register' });
      const withheldSet = new Set(withheld);
      const entries = rows.map((r) => {
        const n = r.n as PlainNode;
        const p = r.p as PlainNode | null;
        const c = r.c as PlainNode | null;
        const childProtected = !!c && !viewer.canRead(c);
        const breaches = (r.breaches as Evidence[])
          .map((b) => viewBreach(b, viewer, withheldSet, childProtected))
          .filter((b): b is NonNullable<typeof b> => !!b)
          .sort((a, b) => a.date.localeCompare(b.date) || String(a.evidenceId).localeCompare(String(b.evidenceId)));
        return {
          notice: toEntity(n),
          subject: p ? toEntity(p) : null,
          subjectId: p ? String(p.props.id) : null,
          child: c ? toEntity(c) : null,
          servedOn: (n.props.servedOn as string | null) ?? null,
          servedAt: r.l ? toEntity(r.l as PlainNode) : null,
          licensingNotifiedOn: (n.props.licensingNotifiedOn as string | null) ?? null,
          licensingNotified: !!n.props.licensingNotifiedOn,
          subjectNoticeCount: 0,
          breaches,
        };
      });
      // Repeat subjects, counted over the notices the caller sees.
      const bySubject = new Map<string, { subject: EntityView; noticeIds: string[] }>();
      for (const e of entries) {
        if (!e.subjectId || !e.subject) continue;
        const s = bySubject.get(e.subjectId) ?? bySubject.set(e.subjectId, { subject: e.subject, noticeIds: [] }).get(e.subjectId)!;
        s.noticeIds.push(e.notice.id);
      }
      for (const e of entries) e.subjectNoticeCount = e.subjectId ? bySubject.get(e.subjectId)!.noticeIds.length : 0;
      const repeatSubjects = [...bySubject.values()]
        .filter((s) => s.noticeIds.length >= 2)
        .sort((a, b) => b.noticeIds.length - a.noticeIds.length || a.subject.label.localeCompare(b.subject.label))
        .map((s) => ({ subject: s.subject, notices: s.noticeIds.length, noticeIds: s.noticeIds }));
      const shown = breachesOnly ? entries.filter((e) => e.breaches.length > 0) : entries;
      return {
        notices: shown.map(({ subjectId: _subjectId, ...e }) => e),
        repeatSubjects,
        breachedNotices: entries.filter((e) => e.breaches.length > 0).length,
        breaches: entries.reduce((s, e) => s + e.breaches.length, 0),
        scope: licensedOnly
          ? 'Notices served on people who hold a driver or operator licence or drive for an operator. Children are shown only as descriptions.'
          : ctx.user!.role === 'safeguarding'
            ? 'Every child abduction notice. Children not on your list are shown only as descriptions.'
            : 'Every child abduction notice.',
      };
    },
  },
};
