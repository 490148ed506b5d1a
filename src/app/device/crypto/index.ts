// The encryption-at-rest core (design.md invariant 5). The db layer seals record content with
// seal/sealBytes under the data key that src/app/lock holds while the device is unlocked.
export { CryptoFormatError, SealedOpenError, WrongPinError } from './errors';
export { PBKDF2_ITERATIONS } from './key-derivation';
export { createMemoryStore, storeKeys, type KeyValueStore } from './key-value-store';
export { InvalidPinError, PASSPHRASE_RULES_MESSAGE, PIN_RULES_MESSAGE, validatePin } from './pin-rules';
export { open, openBytes, parseSealed, seal, sealBytes, type BinaryInput, type Sealed } from './sealed';
export {
  changePin,
  createVault,
  parseVaultRecord,
  unlockVault,
  upgradeVault,
  vaultNeedsUpgrade,
  type CreatedVault,
  type VaultRecord,
} from './vault';
