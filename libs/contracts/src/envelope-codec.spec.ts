import { describe, expect, it } from 'vitest';
import { decodeEvent, encodeEvent, Topics, uuidv7 } from './index.js';

describe('envelope codec', () => {
  it('round-trips a document event with its metadata', () => {
    const { meta, bytes } = encodeEvent({
      type: Topics.DocumentSubmitted,
      producer: 'interchange',
      correlationId: 'corr-1',
      payload: { documentId: 'd1', documentType: 'hoc-ba', version: 2, content: { sha256: 'ab', size: 10n } },
    });
    const decoded = decodeEvent(Topics.DocumentSubmitted, bytes);
    expect(decoded.meta).toEqual(meta);
    expect(decoded.payload.documentId).toBe('d1');
    expect(decoded.payload.version).toBe(2);
    expect(decoded.payload.content?.size).toBe(10n);
  });

  it('refuses an event published on the wrong topic', () => {
    const { bytes } = encodeEvent({ type: Topics.DocumentSigned, producer: 'signing', payload: { documentId: 'x' } });
    expect(() => decodeEvent(Topics.DocumentSubmitted, bytes)).toThrow(/does not match topic/);
  });

  it('refuses garbage bytes', () => {
    expect(() => decodeEvent(Topics.DocumentSubmitted, Buffer.from('not protobuf at all'))).toThrow();
  });

  it('makes time-ordered v7 uuids', () => {
    const a = uuidv7(1_000);
    const b = uuidv7(2_000);
    expect(a < b).toBe(true);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
