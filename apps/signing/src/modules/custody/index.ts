export { CustodyModule } from './custody.module.js';
export { PersonKeys, type UnlockedSigner } from './person-keys.js';
export { SignatureLevels } from './signature-levels.js';
