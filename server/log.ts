import pino from 'pino';

/**
 * Structured logs (JSON lines). On a terminal they are pretty-printed for the person watching;
 * under CI or when piped they stay JSON for machines.
 */
const level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info');
export const log = pino(
  { level, base: undefined },
  process.stdout.isTTY && !process.env.VITEST
    ? pino.transport({ target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } })
    : undefined,
);
