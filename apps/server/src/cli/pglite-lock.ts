import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/**
 * Embedded PGlite belongs to one process. The server records its pid here, and every other command that
 * would open the same folder refuses while that process lives, instead of corrupting the database.
 */
const lockFile = (config: Config) => path.join(config.dataDir, 'server.pid');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(config: Config): number | null {
  if (config.database.kind !== 'pglite') return null;
  try {
    const pid = Number(fs.readFileSync(lockFile(config), 'utf8'));
    return pid && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export function assertPgliteFree(config: Config): void {
  const pid = holderOf(config);
  if (pid) {
    throw new Error(
      `Встроенная база ${config.database.kind === 'pglite' ? config.database.dir : ''} занята сервером (pid ${pid}). Остановите сервер и повторите команду.`,
    );
  }
}

export function takePgliteLock(config: Config): () => void {
  if (config.database.kind !== 'pglite') return () => undefined;
  assertPgliteFree(config);
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(lockFile(config), String(process.pid));
  return () => fs.rmSync(lockFile(config), { force: true });
}
