import { describe, expect, it } from 'vitest';
import { ByteBudget } from './byte-budget.js';

/** A piece of work that runs until released, recording when it started. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { work: async () => { log.push(name); await done; }, release };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('ByteBudget', () => {
  it('runs work while the bytes together fit, the rest in arrival order as bytes are freed', async () => {
    const budget = new ByteBudget(100);
    const log: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => gate(log, n));
    const runs = [budget.run(60, a.work), budget.run(30, b.work), budget.run(50, c.work), budget.run(5, d.work)];
    await tick();
    // d would fit, but waits behind c: nobody is overtaken.
    expect(log).toEqual(['a', 'b']);
    b.release();
    await tick();
    expect(log).toEqual(['a', 'b']);
    a.release();
    await tick();
    expect(log).toEqual(['a', 'b', 'c', 'd']);
    c.release();
    d.release();
    await Promise.all(runs);
  });

  it('runs one piece larger than the whole budget alone', async () => {
    const budget = new ByteBudget(100);
    const log: string[] = [];
    const [big, small] = [gate(log, 'big'), gate(log, 'small')];
    const runs = [budget.run(1_000, big.work), budget.run(1, small.work)];
    await tick();
    expect(log).toEqual(['big']);
    big.release();
    await tick();
    expect(log).toEqual(['big', 'small']);
    small.release();
    await Promise.all(runs);
  });

  it('frees the bytes of work that fails', async () => {
    const budget = new ByteBudget(10);
    await expect(budget.run(10, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(budget.run(10, async () => 'ran')).resolves.toBe('ran');
  });
});
