import { afterEach, describe, expect, it, vi } from 'vitest';
import { CorrelatedLogger, correlationIdFrom, currentCorrelationId, withCorrelationId } from './correlation.js';

describe('correlation ids', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps the id across awaits inside the work, and only there', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    const seen = await withCorrelationId('c-1', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return currentCorrelationId();
    });
    expect(seen).toBe('c-1');
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('accepts a well-formed caller id and replaces anything else', () => {
    expect(correlationIdFrom('school-123:abc')).toBe('school-123:abc');
    expect(correlationIdFrom('bad id with spaces')).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdFrom('x'.repeat(200))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts the id in front of each log line written inside correlated work', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    const logger = new CorrelatedLogger('test');
    withCorrelationId('c-42', () => logger.log('inside'));
    logger.log('outside');
    expect(lines.find((l) => l.includes('inside'))).toContain('[corr=c-42] inside');
    expect(lines.find((l) => l.includes('outside'))).not.toContain('corr=');
  });
});
