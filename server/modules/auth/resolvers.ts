import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { GraphQLError } from 'graphql';
import { checkPassword, listUsers, upsertUser, validateUsername } from './users.js';
import { forgetStanding, issueToken, revokeToken } from './tokens.js';

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
      const token = await issueToken(ctx.db, user);
      const { sessionVersion: _version, ...signedIn } = user;
      ctx.user = signedIn; // so the audit entry of this sign-in names who signed in
      return { token, user: signedIn };
    },
    logout: async (_: unknown, __: unknown, ctx: RequestContext) => {
      // Tokens of an external identity provider are not ours to revoke: signing out is the provider's.
      if (ctx.user?.session) await revokeToken(ctx.db, ctx.user.username, ctx.user.session);
      return true;
    },
    setUser: async (
      _: unknown,
      args: { username: string; role?: string | null; password?: string | null; agency?: string | null; disabled?: boolean | null },
      ctx: RequestContext,
    ) => {
      try {
        await upsertUser(ctx.db, args.username, { role: args.role, password: args.password, agency: args.agency, disabled: args.disabled });
        // This instance applies the change at once; others within STANDING_FOR_MS.
        forgetStanding(ctx.db, validateUsername(args.username));
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
