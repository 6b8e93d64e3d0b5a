/**
 * Worker thread entry (see workerPool.ts): runs one graph task at a time and posts its result, or
 * the error, back with the task's id.
 */
import { parentPort } from 'node:worker_threads';
import { runGraphTask, TooLargeForAnalysis, type GraphTask } from './graphMeasures.js';

export type WorkerRequest = { id: number; task: GraphTask };
export type WorkerReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; tooLarge?: string; message: string; stack?: string };

if (!parentPort) throw new Error('analysisWorker.ts runs as a worker thread only');
const port = parentPort;

port.on('message', ({ id, task }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, result: runGraphTask(task) };
  } catch (e) {
    const err = e as Error;
    reply = { id, ok: false, message: err.message, stack: err.stack, ...(e instanceof TooLargeForAnalysis ? { tooLarge: e.what } : {}) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
