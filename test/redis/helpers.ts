import { Queue } from 'bullmq';
import { inject } from 'vitest';

/** Connection options for the run's redis-server. */
export function connection(): { host: string; port: number } {
  return { host: '127.0.0.1', port: inject('redisPort') };
}

let n = 0;
/** A fresh, empty queue (a unique name per call) and its cleanup. */
export async function freshQueue(): Promise<{ queue: Queue; name: string; dispose: () => Promise<void> }> {
  const name = `bulk-test-${process.pid}-${++n}`;
  const queue = new Queue(name, { connection: connection() });
  await queue.waitUntilReady();
  return {
    queue,
    name,
    dispose: async () => {
      await queue.obliterate({ force: true });
      await queue.close();
    },
  };
}
