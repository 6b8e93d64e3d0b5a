/**
 * A small pool of worker threads for CPU-heavy analysis (betweenness, PageRank, Louvain), so that
 * they run off the event loop: at most one worker per core (by default one fewer than the cores,
 * leaving one for the event loop and the database), started on first use, tasks queued in order.
 * Each task has a time budget from the moment a worker starts it; past it the worker is terminated
 * (the only way to stop synchronous graphology code), replaced, and the task fails with the error
 * `onTimeout` makes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './analysisWorker.js';
import type { GraphTask } from './graphMeasures.js';

export interface PoolOptions {
  /** Worker threads at most. */
  size: number;
  /** Milliseconds one task may run before its worker is terminated. */
  budgetMs: number;
  /** The error a task over budget fails with. */
  onTimeout: () => Error;
}

interface Job {
  id: number;
  task: GraphTask;
  transfer: ArrayBuffer[];
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/**
 * Starts a worker on `file`. A TypeScript file (the server runs under tsx: `npm start`, tests) is
 * loaded through tsx's ESM API registered inside the worker: on Node 20 neither the parent's module
 * hooks nor an `--import tsx` in the worker's execArgv reach a worker's entry module.
 */
function startWorker(file: URL): Worker {
  if (!file.pathname.endsWith('.ts')) return new Worker(file, { execArgv: [] });
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(boot, { eval: true, execArgv: [] });
}

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: URL,
    private readonly opts: PoolOptions,
  ) {}

  /** Runs `task` in a worker; `transfer` lists buffers handed over (not copied) to the worker. */
  run<T>(task: GraphTask, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The analysis pool is closed.'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Tasks waiting for a worker, and workers busy (for tests and diagnostics). */
  stats(): { queued: number; busy: number; workers: number } {
    let busy = 0;
    for (const s of this.slots) if (s.job) busy++;
    return { queued: this.queue.length, busy, workers: this.slots.size };
  }

  /** Terminates every worker; queued and running tasks fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('The analysis pool is closed.'));
    await Promise.all([...this.slots].map((s) => this.retire(s, new Error('The analysis pool is closed.'))));
  }

  private pump(): void {
    while (this.queue.length) {
      const idle = [...this.slots].find((s) => s.ready && !s.job && !s.dead);
      if (!idle) {
        if (this.slots.size < this.opts.size) this.spawn();
        return;
      }
      this.start(idle, this.queue.shift()!);
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => void this.retire(slot, this.opts.onTimeout()), this.opts.budgetMs);
    const message: WorkerRequest = { id: job.id, task: job.task };
    slot.worker.postMessage(message, job.transfer);
  }

  private spawn(): void {
    const worker = startWorker(this.file);
    const slot: Slot = { worker, ready: false, dead: false };
    this.slots.add(slot);
    worker.on('message', (msg: WorkerReply | { ready: true }) => {
      if ('ready' in msg) {
        slot.ready = true;
        this.pump();
        this.unrefIfIdle(slot);
        return;
      }
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      clearTimeout(slot.timer);
      slot.job = undefined;
      if (msg.ok) job.resolve(msg.result);
      else {
        const err = Object.assign(new Error(msg.message), msg.tooLarge ? { tooLarge: msg.tooLarge } : {});
        if (msg.stack) err.stack = msg.stack;
        job.reject(err);
      }
      this.pump();
      this.unrefIfIdle(slot);
    });
    worker.on('error', (e) => {
      if (!slot.ready && !slot.job) {
        // The worker could not even start (a broken install): every waiting task fails with why.
        for (const job of this.queue.splice(0)) job.reject(e);
      }
      void this.retire(slot, e);
    });
    worker.on('exit', (code) => void this.retire(slot, new Error(`An analysis worker stopped (exit code ${code}).`)));
  }

  /** A worker starting or running a task keeps the process alive; an idle one does not. */
  private unrefIfIdle(slot: Slot): void {
    if (!slot.job && !slot.dead) slot.worker.unref();
  }

  /** Takes a worker out of the pool (terminating it); its task, if any, fails with `reason`. */
  private async retire(slot: Slot, reason: Error): Promise<void> {
    if (slot.dead) return;
    slot.dead = true;
    this.slots.delete(slot);
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    job?.reject(reason);
    const terminated = slot.worker.terminate().catch(() => undefined);
    if (!this.closed) this.pump();
    await terminated;
  }
}

/** Worker threads for analysis: ANALYSIS_WORKERS, else one fewer than the cores (at least one, never more than the cores). */
export function analysisPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const cores = os.availableParallelism();
  const asked = Number(env.ANALYSIS_WORKERS);
  return Math.min(cores, Math.max(1, Number.isInteger(asked) && asked > 0 ? asked : cores - 1));
}

/** The analysis worker's file next to this one (.ts under tsx, .js when compiled). */
export function analysisWorkerFile(): URL {
  const ext = new URL(import.meta.url).pathname.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./analysisWorker${ext}`, import.meta.url);
}
