import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit } from './memory-hard-work.js';

describe('ConcurrencyLimit', () => {
  it('runs at most `limit` at once, the rest in arrival order, and a failure frees its turn', async () => {
    const turns = new ConcurrencyLimit(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: Array<() => void> = [];
    const job = (i: number) =>
      turns.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        if (i === 1) throw new Error('refused');
        return i;
      });
    const results = [0, 1, 2, 3, 4].map((i) => job(i).catch((e: Error) => e.message));
    const until = async (n: number) => {
      while (releases.length < n) await new Promise((r) => setImmediate(r));
    };
    await until(2);
    expect(started).toEqual([0, 1]);
    releases[1]();
    await until(3);
    expect(started).toEqual([0, 1, 2]);
    releases[0]();
    releases[2]();
    await until(5);
    releases[3]();
    releases[4]();
    expect(await Promise.all(results)).toEqual([0, 'refused', 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });
});
