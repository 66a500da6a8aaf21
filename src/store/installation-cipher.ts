import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals and opens text with AES-256-GCM under one 32-byte key. */
export interface InstallationCipher {
  seal(plain: string, context: string): string;
  /** Throws when the text was sealed under another key or altered. */
  open(sealed: string, context: string): string;
}

/**
 * AES-256-GCM with a fresh 96-bit IV per value. `context` (the row's key) is
 * bound as associated data, so a sealed value copied onto another workspace's
 * row does not open there. Stored as `v1.<iv>.<tag>.<ciphertext>` in base64.
 */
export function createInstallationCipher(keyBase64: string): InstallationCipher {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32) throw new Error('TOKEN_ENCRYPTION_KEY must decode to 32 bytes');
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(
        '.',
      );
    },
    open(sealed, context) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new Error('a stored installation is not in a format this build can read');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        // Node's message says nothing secret, but ours says what to check.
        throw new Error(
          'a stored installation could not be decrypted: TOKEN_ENCRYPTION_KEY is not the key it was sealed with',
        );
      }
    },
  };
}
