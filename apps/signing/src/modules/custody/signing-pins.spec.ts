import { DomainError } from '@edu/errors';
import { describe, expect, it } from 'vitest';
import { checkStrength } from './signing-pins.js';

const refusal = (pin: unknown) => {
  try {
    checkStrength(pin);
    return null;
  } catch (err) {
    return err as DomainError;
  }
};

describe('signing PIN strength', () => {
  it('accepts 6 to 12 digits that are not a run', () => {
    for (const pin of ['246810', '975310', '302118', '830215904477']) expect(refusal(pin), pin).toBeNull();
  });

  it('refuses runs, repeats, well-known PINs and anything but 6–12 digits, naming the field', () => {
    for (const pin of ['000000', '123456', '987654', '135791', '4567890', '123123', '12345', '1234567890123', 'abcdef', '12 3456', 246810, null]) {
      const err = refusal(pin);
      expect(err, String(pin)).toBeInstanceOf(DomainError);
      expect(err!.code).toBe('SIGNING.PIN_WEAK');
      expect(err!.field).toBe('pin');
    }
  });
});
