import { z } from 'zod';
import { parseArgs } from '../../http/errors.js';
import { GraphQLError } from 'graphql';
import { checkPassword, listUsers, upsertUser, validateUsername } from './users.js';
import { forgetStanding, issueToken, revokeToken } from './tokens.js';
import type { Resolvers } from '../../generated/graphql.js';

const loginArgs = z.object({ username: z.string().min(1, 'give a username').max(64), password: z.string().min(1, 'give a password').max(1024) });

export const authResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => ctx.user,
    users: (_, __, ctx) => listUsers(ctx.db),
  },
  Mutation: {
    login: async (_, args, ctx) => {
      const { username, password } = parseArgs(loginArgs, args);
      const user = await checkPassword(ctx.db, username, password, ctx.clientAddress);
      const token = await issueToken(ctx.db, user);
      const { sessionVersion: _version, ...signedIn } = user;
      ctx.user = signedIn; // so the audit entry of this sign-in names who signed in
      return { token, user: signedIn };
    },
    logout: async (_, __, ctx) => {
      // Tokens of an external identity provider are not ours to revoke: signing out is the provider's.
      if (ctx.user?.session) await revokeToken(ctx.db, ctx.user.username, ctx.user.session);
      return true;
    },
    setUser: async (_, args, ctx) => {
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
      // upsertUser succeeded, so the account is there.
      return all.find((u) => u.username === args.username.trim().toLowerCase())!;
    },
  },
};
