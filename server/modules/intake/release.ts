/**
 * Released text (DESIGN.md §6, "free text is released, not scrubbed"): free text on a record that
 * concerns a protected subject is withheld from those who may not see the subject, unless the
 * owning agency writes a version for wider sharing. It is stored beside the original
 * (`released_<field>`, with who and when), never replacing it, and the write is audited.
 */
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { idArg } from '../../http/args.js';
import { cypherFile, type PlainNode } from '../../db/database.js';
import { toEntity } from '../../domain/entity.js';
import { kindOf } from '../../domain/vocabulary.js';
import { FREE_TEXT } from '../../access/viewer.js';

/** Records no report supports (imported, seeded) are held by the partnership's police analysts. */
const DEFAULT_OWNER = 'Police';

const releaseArgs = z.object({
  id: idArg,
  field: z.string().refine((f) => FREE_TEXT.has(f), { message: `field is one of ${[...FREE_TEXT].join(', ')}` }),
  text: z.string().trim().min(1, 'write the released text').max(20_000),
});

export async function releaseText(ctx: RequestContext, args: unknown) {
  const a = parseArgs(releaseArgs, args);
  const agency = ctx.user?.agency ?? null;
  const notFound = () => new GraphQLError('No record with that id.', { extensions: { code: 'BAD_USER_INPUT' } });
  if (ctx.viewer?.mayNotUse(a.id)) throw notFound();
  const [row] = await ctx.db.read(
    cypherFile(import.meta.url, 'releaseOwners.cypher'),
    { id: a.id },
  );
  if (!row || (ctx.viewer && !ctx.viewer.canRead(row.n as PlainNode))) throw notFound();
  const node = row.n as PlainNode;
  const owners = kindOf(node.labels) === 'Report' ? [String(node.props.ownerAgency ?? DEFAULT_OWNER)] : (row.owners as string[]).length ? (row.owners as string[]) : [DEFAULT_OWNER];
  if (!agency || !owners.includes(agency)) {
    throw new GraphQLError(`Only ${owners.join(' or ')} can release this record's text.`, { extensions: { code: 'FORBIDDEN' } });
  }
  if (node.props[a.field] === undefined || node.props[a.field] === null) throw new GraphQLError(`The record has no ${a.field} to release.`, { extensions: { code: 'BAD_USER_INPUT' } });
  // The property name comes from the allow-list (FREE_TEXT), never from the request's text.
  const field = [...FREE_TEXT].find((f) => f === a.field)!;
  const [saved] = await ctx.db.write(
    cypherFile(import.meta.url, 'releaseText.cypher'),
    { id: a.id, released: { [`released_${field}`]: a.text }, by: ctx.user!.username, at: new Date().toISOString() },
  );
  return toEntity(saved!.n as PlainNode);
}
