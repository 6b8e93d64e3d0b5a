import { GraphQLError } from 'graphql';
import type { ZodType } from 'zod';

/** A request the caller can fix: the message says what to change. */
export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Validates resolver arguments with a zod schema; failures become BAD_USER_INPUT with the reason. */
export function parseArgs<T>(schema: ZodType<T>, args: unknown): T {
  const r = schema.safeParse(args);
  if (r.success) return r.data;
  const reasons = r.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`);
  throw badInput(`Invalid arguments — ${reasons.join('; ')}`);
}
