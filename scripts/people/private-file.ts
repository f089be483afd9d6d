import { open } from 'node:fs/promises';

/** Owner read and write only: exports and reports hold personal data (PIPL art. 51). */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Writes a file only its owner may read (0600), whatever the umask, and also when it
 * replaces an older file that was readable by others: the mode is set before any byte
 * is written.
 */
export async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'w', PRIVATE_FILE_MODE);
  try {
    await handle.chmod(PRIVATE_FILE_MODE);
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}
