// Worker threads for the workspace scan, started for a scan and ended with it (their heaps go with them, so the
// server's memory after a scan is the index alone). Each worker has a few files in flight so it never waits on
// the server's thread. A worker that dies (a heap limit, a crash) fails its files; the caller checks those itself.
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScanRequest, ScanResult } from './scan-protocol.js';

/** Files in flight per worker: enough to hide the message round trip, few enough to stop promptly on cancel. */
const IN_FLIGHT_PER_WORKER = 3;
/** A worker's heap limit: far above what any file within kubeHardening.maxFileSize needs. */
const WORKER_HEAP_MB = 512;

export interface ScanPool {
  /** How many requests may be in flight at once. */
  readonly capacity: number;
  run(request: Omit<ScanRequest, 'id'>): Promise<ScanResult>;
  close(): Promise<void>;
}

/** Workers to use: the machine's cores (the server's own thread mostly waits on them), at most four. */
export function scanWorkerCount(): number {
  return Math.max(1, Math.min(4, cpus().length));
}

export function createScanPool(script: string, size = scanWorkerCount()): ScanPool {
  interface Slot {
    readonly worker: Worker;
    readonly pending: Map<number, (r: ScanResult) => void>;
    alive: boolean;
  }
  let nextId = 1;
  const slots: Slot[] = [];
  for (let i = 0; i < size; i++) {
    const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const slot: Slot = { worker, pending: new Map(), alive: true };
    const failAll = (message: string) => {
      slot.alive = false;
      for (const [id, resolve] of slot.pending) resolve({ id, kind: 'failed', message });
      slot.pending.clear();
    };
    worker.on('message', (result: ScanResult) => {
      const resolve = slot.pending.get(result.id);
      slot.pending.delete(result.id);
      resolve?.(result);
    });
    worker.on('error', (e) => failAll(`scan worker failed: ${e.message}`));
    worker.on('exit', (code) => failAll(`scan worker exited (${code})`));
    // The scan's promises keep the server busy, not the workers: an idle worker never holds the process open.
    worker.unref();
    slots.push(slot);
  }
  return {
    capacity: size * IN_FLIGHT_PER_WORKER,
    run(request) {
      const id = nextId++;
      const live = slots.filter((s) => s.alive);
      if (live.length === 0) return Promise.resolve({ id, kind: 'failed', message: 'no scan worker is running' });
      const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      return new Promise<ScanResult>((resolve) => {
        slot.pending.set(id, resolve);
        slot.worker.postMessage({ ...request, id } satisfies ScanRequest);
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
