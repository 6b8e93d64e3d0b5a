import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { GraphQLError } from 'graphql';
import { checkPassword, listUsers, upsertUser } from './users.js';
import { issueToken } from './tokens.js';

const loginArgs = z.object({ username: z.string().min(1, 'give a username').max(64), password: z.string().min(1, 'give a password').max(1024) });

export const authResolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: RequestContext) => ctx.user,
    users: (_: unknown, __: unknown, ctx: RequestContext) => listUsers(ctx.db),
  },
  Mutation: {
    login: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const { username, password } = parseArgs(loginArgs, args);
      const user = await checkPassword(ctx.db, username, password, ctx.clientAddress);
      ctx.user = user; // so the audit entry of this sign-in names who signed in
      return { token: await issueToken(ctx.db, user), user };
    },
    setUser: async (_: unknown, args: { username: string; role: string; password: string; agency?: string | null }, ctx: RequestContext) => {
      try {
        await upsertUser(ctx.db, args.username, args.role, args.password, args.agency ?? undefined);
      } catch (e) {
        // upsertUser's checks (username shape, role, password length) are the user's to fix.
        if ((e as { extensions?: unknown }).extensions) throw e;
        throw new GraphQLError((e as Error).message, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const all = await listUsers(ctx.db);
      return all.find((u) => u.username === args.username.trim().toLowerCase());
    },
  },
};
