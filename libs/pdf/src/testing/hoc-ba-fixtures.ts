import { readFileSync } from 'node:fs';
import type { PrimaryHocBaContent, SecondaryHocBaContent } from '@edu/contracts';

/**
 * Valid contents made once by interchange's buildHocBaExample (seed 7): a THCS grade 7 record with a personal ID
 * and a tiểu học grade 4 record. Stored as data because a lib must not import an app.
 */
function read<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./hoc-ba-${name}.json`, import.meta.url), 'utf8')) as T;
}

export const secondaryExample = (): SecondaryHocBaContent => read('secondary');
export const primaryExample = (): PrimaryHocBaContent => read('primary');
