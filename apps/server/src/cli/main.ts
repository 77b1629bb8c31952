import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp } from '../app.ts';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { demoAccountsText, seedDemo } from '../demo/seed.ts';
import { createUser } from '../modules/admin-users/create-user.ts';
import { recoverLostWork } from '../modules/recovery/recover-lost-work.ts';
import { systemActor } from '../platform/actor.ts';
import { createBackup, restoreBackup } from '../platform/backup.ts';
import { createRuntime, createStorage } from '../runtime.ts';
import { adjudicateCommand } from './adjudicate.ts';
import { checkIdCommand } from './check-id.ts';
import { assertPgliteFree, takePgliteLock } from './pglite-lock.ts';

const HELP = `remed — платформа прямого возмещения по ДМС

Команды:
  remed start [--demo]            веб-интерфейс и API (с --demo: демо-данные и симуляторы)
  remed worker                    только фоновые задачи (PostgreSQL; на PGlite задачи идут внутри start)
  remed migrate                   применить миграции базы
  remed seed-demo [--fresh]       загрузить демо-данные (--fresh: сначала удалить все данные)
  remed create-admin --email E --name "ФИО" [--password P]
                                  создать администратора (пароль из --password или REMED_ADMIN_PASSWORD)
  remed backup FILE.tar.gz        резервная копия базы и файлов в один архив
  remed restore FILE.tar.gz       восстановить базу и файлы из архива (данные заменяются)
  remed adjudicate --letter ПИСЬМО.json --receipt ЧЕК.json [--receipt ЧЕК2.json …]
                                  разобрать чеки по гарантийному письму (решения — JSON в stdout)
  remed check-id ВИД ЗНАЧЕНИЕ [--bik БИК]
                                  проверить реквизит: inn, ogrn, kpp, bik, snils, phone, account, corr-account
                                  (для account и corr-account нужен --bik; «-» вместо значения — читать из stdin)

Настройка — переменными окружения, см. README.md и .env.example.`;

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

async function withRuntime<T>(fn: (rt: Awaited<ReturnType<typeof createRuntime>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  assertPgliteFree(config);
  const rt = await createRuntime(config);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** The job queue is not in a backup: what the restored rows wait for is queued again at once. */
async function rescheduleAfterRestore(config: Config, database: Database) {
  const rt = await createRuntime(config, { database });
  try {
    await rt.deps.jobs.start({ work: false });
    return await recoverLostWork(rt.deps);
  } finally {
    await rt.deps.jobs.stop();
    await rt.deps.pubsub.close();
  }
}

async function start(demoFlag: boolean) {
  const config = loadConfig(demoFlag ? { ...process.env, DEMO: 'true' } : process.env);
  const release = takePgliteLock(config);
  const rt = await createRuntime(config);
  const app = await buildApp(rt.deps, {
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    webDist,
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await rt.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await rt.deps.jobs.start({ work: config.runWorkers });
  // Work left by a process that stopped (or by a restore) is given its jobs again before anyone waits on it.
  await recoverLostWork(rt.deps).catch((e: unknown) => app.log.error({ err: e }, 'recovery sweep failed'));
  if (config.demo) {
    const { created } = await seedDemo(rt.deps);
    if (created) app.log.info('demo data loaded');
  }
  await app.listen({ host: config.host, port: config.port });
  const url = config.publicUrl;
  console.log(`\nremed работает: ${url}  (API: ${url}/api/docs)`);
  if (config.demo) console.log(`${demoAccountsText(url)}\n`);
}

async function worker() {
  const config = loadConfig();
  if (config.database.kind === 'pglite') {
    throw new Error(
      'remed worker работает только с PostgreSQL (DATABASE_URL). На встроенной базе задачи выполняет remed start.',
    );
  }
  const rt = await createRuntime(config);
  await rt.deps.jobs.start({ work: true });
  await recoverLostWork(rt.deps);
  console.log('remed worker: обрабатываю фоновые задачи');
  const stop = async () => {
    await rt.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

async function migrate() {
  const config = loadConfig();
  assertPgliteFree(config);
  const database = await openDatabase(config.database);
  await runMigrations(database);
  await database.close();
  console.log('Миграции применены');
}

async function seedDemoCommand(fresh: boolean) {
  return withRuntime(async ({ deps }) => {
    // Seeding issues a letter, whose e-mail is queued as a job; the queue must exist.
    await deps.jobs.start({ work: false });
    const { created } = await seedDemo(deps, { fresh });
    console.log(
      created ? 'Демо-данные загружены' : 'Демо-данные уже есть (используйте --fresh, чтобы начать заново)',
    );
    console.log(demoAccountsText(deps.config.publicUrl));
  });
}

async function createAdmin(values: { email?: string; name?: string; password?: string }) {
  const password = values.password ?? process.env.REMED_ADMIN_PASSWORD;
  if (!values.email || !values.name || !password) {
    throw new Error('Укажите --email, --name и пароль (--password или REMED_ADMIN_PASSWORD)');
  }
  return withRuntime(async ({ deps }) => {
    const user = await createUser(
      deps,
      systemActor,
      { email: values.email!, fullName: values.name!, password, roles: ['admin'] },
      { mustChangePassword: false },
    );
    console.log(`Администратор создан: ${user.email}`);
  });
}

/** Opens the migrated database alone: no runtime, so no worker touches the rows while they are copied. */
async function withMigratedDatabase(fn: (database: Database, config: Config) => Promise<void>) {
  const config = loadConfig();
  assertPgliteFree(config);
  const database = await openDatabase(config.database);
  try {
    await runMigrations(database);
    await fn(database, config);
  } finally {
    await database.close();
  }
}

const rowCount = (tables: { rows: number }[]) => tables.reduce((s, t) => s + t.rows, 0);

async function backup(file: string) {
  await withMigratedDatabase(async (database, config) => {
    const m = await createBackup(database, createStorage(config), file, new Date());
    console.log(
      `Резервная копия: ${file} (таблиц ${m.tables.length}, строк ${rowCount(m.tables)}, файлов ${m.files})`,
    );
  });
}

async function restore(file: string) {
  await withMigratedDatabase(async (database, config) => {
    const m = await restoreBackup(database, createStorage(config), file);
    console.log(
      `Восстановлено из ${file} от ${m.createdAt} (строк ${rowCount(m.tables)}, файлов ${m.files})`,
    );
    const found = await rescheduleAfterRestore(config, database);
    console.log(
      `Поставлено в очередь заново: чеков ${found.receiptFetches}, выплат ${found.payouts}, загрузок ${found.priceListImports.sent + found.insuredImports.sent}`,
    );
  });
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  // adjudicate repeats --receipt, which the strict parser below would reject.
  if (command === 'adjudicate') {
    process.exitCode = await adjudicateCommand(rest, {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    });
    return;
  }
  // check-id has its own options (--bik) that the strict parser below would reject.
  if (command === 'check-id') {
    process.exitCode = await checkIdCommand(rest, {
      stdin: process.stdin,
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    });
    return;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  switch (command) {
    case 'start':
      return start(values.demo);
    case 'worker':
      return worker();
    case 'migrate':
      return migrate();
    case 'seed-demo':
      return seedDemoCommand(values.fresh);
    case 'create-admin':
      return createAdmin(values);
    case 'backup':
    case 'restore': {
      const file = positionals[0];
      if (!file) throw new Error(`Укажите файл архива: remed ${command} FILE.tar.gz`);
      return command === 'backup' ? backup(file) : restore(file);
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return;
    default:
      throw new Error(`Неизвестная команда: ${command}\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(`Ошибка: ${(e as Error).message}`);
  process.exit(e instanceof ConfigError ? 78 : 1);
});
