import { describe, expect, it } from 'vitest';
import { CommonErrors, DomainError, HTTP_STATUS, isPermanent } from './index.js';

describe('DomainError', () => {
  it('renders the stable body with both languages and the field', () => {
    const err = new DomainError('X.BAD', 'invalid', { vi: 'sai', en: 'wrong' }, 'content.a');
    expect(err.toBody()).toEqual({ code: 'X.BAD', message: { vi: 'sai', en: 'wrong' }, field: 'content.a' });
    expect(HTTP_STATUS[err.kind]).toBe(400);
  });

  it('treats only unavailability as transient', () => {
    expect(isPermanent(CommonErrors.malformedJson())).toBe(true);
    expect(isPermanent(CommonErrors.internal())).toBe(false);
    expect(isPermanent(new Error('boom'))).toBe(false);
  });
});
