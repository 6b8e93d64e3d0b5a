import { z } from 'zod';
import type { RequestContext } from '../../http/context.js';
import { parseArgs } from '../../http/errors.js';
import { checkPassword } from './users.js';
import { issueToken } from './tokens.js';

const loginArgs = z.object({ username: z.string().min(1, 'give a username').max(64), password: z.string().min(1, 'give a password').max(1024) });

export const authResolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: RequestContext) => ctx.user,
  },
  Mutation: {
    login: async (_: unknown, args: unknown, ctx: RequestContext) => {
      const { username, password } = parseArgs(loginArgs, args);
      const user = await checkPassword(ctx.db, username, password, ctx.clientAddress);
      ctx.user = user; // so the audit entry of this sign-in names who signed in
      return { token: await issueToken(ctx.db, user), user };
    },
  },
};
