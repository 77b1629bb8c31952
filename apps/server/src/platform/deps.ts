import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Clock } from './clock.ts';
import type { Ids } from './ids.ts';
import type { JobRunner } from './jobs.ts';
import type { Outbox } from './outbox.ts';
import type { FileStorage } from './storage.ts';

/** Everything impure a use case may touch, passed in so that tests can swap any of it. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  ids: Ids;
  storage: FileStorage;
  outbox: Outbox;
  jobs: JobRunner;
  /** Secret that signs cookies; from SESSION_SECRET or generated once into the data folder. */
  cookieSecret: string;
}
