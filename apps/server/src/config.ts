import net from 'node:net';
import path from 'node:path';
import {
  type IdentifierResult,
  validateBik,
  validateCorrespondentAccount,
  validateInn,
  validateKpp,
  validateOgrn,
  validateSettlementAccount,
} from '@remed/core';
import { z } from 'zod';
import { secondFactorRolesSchema, totpKeySchema } from './modules/second-factor/second-factor-config.ts';

/** The only reader of process.env. Every variable is documented in README.md and .env.example. */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalPath = z.string().min(1).optional();

const isAddressOrSubnet = (v: string) => {
  const [address = '', prefix, extra] = v.split('/');
  const family = net.isIP(address);
  if (!family || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};

/** A requisite checked with its control digits; the reason names what is wrong. */
const requisite = (validate: (v: string) => IdentifierResult) =>
  z.string().superRefine((v, ctx) => {
    const r = validate(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'должен начинаться с postgres:// или postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_SECRET: z.string().min(32, 'не короче 32 символов').optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.string().default('false'),
  TLS_CERT_FILE: optionalPath,
  TLS_KEY_FILE: optionalPath,
  BCRYPT_COST: z.coerce.number().int().min(12).max(15).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  TOTP_ENCRYPTION_KEY: totpKeySchema.optional(),
  SECOND_FACTOR_ROLES: secondFactorRolesSchema,
  DEMO: bool.default(false),
  RUN_WORKERS: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'должен начинаться с smtp:// или smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('remed <no-reply@remed.local>'),
  RECEIPTS_PROTOCOL: z.enum(['fns', 'aggregator']).default('fns'),
  RECEIPTS_API_URL: z.url().optional(),
  RECEIPTS_API_TOKEN: z.string().min(1).optional(),
  RECEIPTS_FNS_USER_ID: z
    .string()
    .min(1)
    .refine(
      (v) => Buffer.byteLength(v, 'utf8') <= 120,
      'не длиннее 120 байт: в base64 не больше 160 символов',
    )
    .default('remed'),
  PAYOUTS_API_URL: z.url().optional(),
  PAYOUTS_AGENT_ID: z.string().min(1).optional(),
  PAYOUTS_SECRET_KEY: z.string().min(1).optional(),
  // How long the provider keeps an Idempotence-Key (YooKassa: 24 hours); older payouts are looked up first.
  PAYOUTS_IDEMPOTENCE_WINDOW_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  DIRECTORY_API_URL: z.url().optional(),
  DIRECTORY_API_TOKEN: z.string().min(1).optional(),
  SERVICE_NAME: z.string().min(2).default('remed — медицинский пульт'),
  SERVICE_PHONE: z.string().min(5).default('+7 495 000-00-00'),
  // The service's legal details for contracts with clinics; the defaults are a fictitious demo company.
  SERVICE_LEGAL_NAME: z.string().min(3).default('Общество с ограниченной ответственностью «Ремед Ассистанс»'),
  SERVICE_SHORT_NAME: z.string().min(3).default('ООО «Ремед Ассистанс»'),
  SERVICE_INN: requisite(validateInn).default('7710000008'),
  SERVICE_KPP: requisite(validateKpp).default('771001001'),
  SERVICE_OGRN: requisite(validateOgrn).default('1027700000107'),
  SERVICE_ADDRESS: z.string().min(5).default('125009, г. Москва, ул. Тверская, д. 7, офис 12'),
  SERVICE_EMAIL: z.email('неверный адрес электронной почты').default('dogovor@demo.remed.ru'),
  SERVICE_BIK: requisite(validateBik).default('044525225'),
  SERVICE_BANK_NAME: z.string().min(3).default('ПАО Сбербанк'),
  SERVICE_CORRESPONDENT_ACCOUNT: z
    .string()
    .regex(/^\d{20}$/, '20 цифр')
    .default('30101810400000000225'),
  SERVICE_SETTLEMENT_ACCOUNT: z
    .string()
    .regex(/^\d{20}$/, '20 цифр')
    .default('40702810938000000700'),
  SERVICE_HEAD_NAME: z.string().min(3).default('Орлов Сергей Петрович'),
  SERVICE_HEAD_POST: z.string().min(3).default('Генеральный директор'),
  SERVICE_CITY: z.string().min(2).default('г. Москва'),
  EDO_MAX_FILE_MB: z.coerce.number().int().min(1).max(30).default(20),
  INSURED_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(2_000_000).default(1_000_000),
  INSURED_IMPORT_MAX_FILE_MB: z.coerce.number().int().min(1).max(500).default(200),
  QR_WORKERS: z.coerce.number().int().min(1).max(8).default(1),
  QR_TIMEOUT_SECONDS: z.coerce.number().positive().max(60).default(6),
  PHOTO_MAX_MEGAPIXELS: z.coerce.number().positive().max(200).default(50),
  ALLOWED_ORIGINS: z
    .string()
    .refine(
      (v) => v.split(',').every((o) => URL.canParse(o.trim()) && new URL(o.trim()).origin === o.trim()),
      'список адресов через запятую вида https://remed.example.ru (без пути и косой черты в конце)',
    )
    .optional(),
  METRICS_TOKEN: z.string().min(16, 'не короче 16 символов').optional(),
  METRICS_ALLOW: z
    .string()
    .refine(
      (v) => v.split(',').every((a) => isAddressOrSubnet(a.trim())),
      'адреса и подсети через запятую, например 127.0.0.1,10.0.0.0/8,::1',
    )
    .default('127.0.0.1,::1'),
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('ru-central1'),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
});

type RawEnv = Record<string, string | undefined>;

/** Checks across variables, run on the raw values so they are reported together with per-variable errors. */
function crossChecks(env: RawEnv): string[] {
  const problems: string[] = [];
  if (Boolean(env.TLS_CERT_FILE) !== Boolean(env.TLS_KEY_FILE)) {
    problems.push(
      `${env.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE'}: TLS_CERT_FILE и TLS_KEY_FILE задаются вместе`,
    );
  }
  if (env.S3_BUCKET && !(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY)) {
    problems.push('S3_ACCESS_KEY_ID: при заданном S3_BUCKET нужны S3_ACCESS_KEY_ID и S3_SECRET_ACCESS_KEY');
  }
  if (env.NODE_ENV === 'production' && !(env.RECEIPTS_API_URL && env.PAYOUTS_API_URL)) {
    problems.push(
      'RECEIPTS_API_URL: в production нужны настоящие сервисы чеков и выплат (RECEIPTS_API_URL и PAYOUTS_API_URL)',
    );
  }
  if (env.RECEIPTS_API_URL && !env.RECEIPTS_API_TOKEN) {
    problems.push(
      'RECEIPTS_API_TOKEN: при заданном RECEIPTS_API_URL нужен токен (мастер-токен ФНС или токен агрегатора)',
    );
  }
  if (env.PAYOUTS_API_URL && !(env.PAYOUTS_AGENT_ID && env.PAYOUTS_SECRET_KEY)) {
    problems.push(
      'PAYOUTS_AGENT_ID: при заданном PAYOUTS_API_URL нужны PAYOUTS_AGENT_ID и PAYOUTS_SECRET_KEY',
    );
  }
  if (env.DIRECTORY_API_URL && !env.DIRECTORY_API_TOKEN) {
    problems.push('DIRECTORY_API_TOKEN: при заданном DIRECTORY_API_URL нужен токен справочника');
  }
  const bik = env.SERVICE_BIK ?? '044525225';
  for (const [key, validate, fallback] of [
    ['SERVICE_CORRESPONDENT_ACCOUNT', validateCorrespondentAccount, '30101810400000000225'],
    ['SERVICE_SETTLEMENT_ACCOUNT', validateSettlementAccount, '40702810938000000700'],
  ] as const) {
    const r = validate(env[key] ?? fallback, bik);
    if (!r.ok && validateBik(bik).ok) problems.push(`${key}: ${r.reason}`);
  }
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    problems.push('SESSION_SECRET: обязателен при NODE_ENV=production');
  }
  if (env.NODE_ENV === 'production' && !env.TOTP_ENCRYPTION_KEY) {
    problems.push('TOTP_ENCRYPTION_KEY: обязателен при NODE_ENV=production');
  }
  return problems;
}

export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Неверная конфигурация:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function parseTrustProxy(v: string): boolean | number | string {
  if (v === 'true') return true;
  if (v === 'false' || v === '') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

type Env = z.output<typeof schema>;

function serviceParty(env: Env) {
  return {
    name: env.SERVICE_LEGAL_NAME,
    shortName: env.SERVICE_SHORT_NAME,
    inn: env.SERVICE_INN,
    kpp: env.SERVICE_KPP,
    ogrn: env.SERVICE_OGRN,
    address: env.SERVICE_ADDRESS,
    phone: env.SERVICE_PHONE,
    email: env.SERVICE_EMAIL,
    headName: env.SERVICE_HEAD_NAME,
    headPost: env.SERVICE_HEAD_POST,
    bik: env.SERVICE_BIK,
    bankName: env.SERVICE_BANK_NAME,
    correspondentAccount: env.SERVICE_CORRESPONDENT_ACCOUNT,
    settlementAccount: env.SERVICE_SETTLEMENT_ACCOUNT,
  };
}

/** Pages that may send state-changing requests with a session, beside the server's own address. */
function allowedOrigins(env: Env) {
  return [
    new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).origin,
    ...(env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  ];
}

/** Without outside endpoints the simulators serve the same contracts at /sim on this server. */
function outsideSystems(env: Env) {
  return {
    receipts: {
      /** `fns`: the FNS Open API (SOAP, master token); `aggregator`: `POST /api/v1/check/get`. */
      protocol: env.RECEIPTS_PROTOCOL,
      url:
        env.RECEIPTS_API_URL ??
        `http://127.0.0.1:${env.PORT}/sim/${env.RECEIPTS_PROTOCOL === 'fns' ? 'fns-openapi' : 'fns'}`,
      /** The FNS master token or the aggregator token. */
      token: env.RECEIPTS_API_TOKEN ?? 'simulator-token',
      /** Sent to the FNS in base64 as FNS-OpenApi-UserToken. */
      userId: env.RECEIPTS_FNS_USER_ID,
      simulated: !env.RECEIPTS_API_URL,
    },
    directory: env.DIRECTORY_API_URL
      ? { url: env.DIRECTORY_API_URL, token: env.DIRECTORY_API_TOKEN ?? '', simulated: false }
      : { url: `http://127.0.0.1:${env.PORT}/sim/dadata`, token: 'simulator-token', simulated: true },
    payouts: env.PAYOUTS_API_URL
      ? {
          url: env.PAYOUTS_API_URL,
          agentId: env.PAYOUTS_AGENT_ID ?? '',
          secretKey: env.PAYOUTS_SECRET_KEY ?? '',
          simulated: false,
          idempotenceWindowMs: env.PAYOUTS_IDEMPOTENCE_WINDOW_HOURS * 3_600_000,
        }
      : {
          url: `http://127.0.0.1:${env.PORT}/sim/yookassa`,
          agentId: 'simulator-agent',
          secretKey: 'simulator-secret',
          simulated: true,
          idempotenceWindowMs: env.PAYOUTS_IDEMPOTENCE_WINDOW_HOURS * 3_600_000,
        },
  };
}

function storage(env: Env, dataDir: string) {
  return env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
    ? ({
        kind: 's3',
        bucket: env.S3_BUCKET,
        endpoint: env.S3_ENDPOINT,
        region: env.S3_REGION,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
      } as const)
    : ({ kind: 'local', dir: path.join(dataDir, 'files') } as const);
}

function toConfig(env: Env) {
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    dataDir,
    database: env.DATABASE_URL
      ? ({ kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE } as const)
      : ({ kind: 'pglite', dir: path.join(dataDir, 'pglite') } as const),
    sessionSecret: env.SESSION_SECRET,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    cookieSecure: env.COOKIE_SECURE,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    tls:
      env.TLS_CERT_FILE && env.TLS_KEY_FILE
        ? { certFile: env.TLS_CERT_FILE, keyFile: env.TLS_KEY_FILE }
        : null,
    bcryptCost: env.BCRYPT_COST,
    login: {
      maxFailures: env.LOGIN_MAX_FAILURES,
      lockMinutes: env.LOGIN_LOCK_MINUTES,
      ratePerMinute: env.LOGIN_RATE_PER_MINUTE,
    },
    secondFactor: { roles: env.SECOND_FACTOR_ROLES, encryptionKey: env.TOTP_ENCRYPTION_KEY },
    demo: env.DEMO,
    runWorkers: env.RUN_WORKERS,
    logLevel: env.LOG_LEVEL,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    service: { name: env.SERVICE_NAME, phone: env.SERVICE_PHONE },
    /** The service as a party to contracts with clinics; its contracts department gets their mail. */
    serviceParty: serviceParty(env),
    serviceCity: env.SERVICE_CITY,
    edoMaxFileBytes: env.EDO_MAX_FILE_MB * 1024 * 1024,
    insuredImport: {
      maxRows: env.INSURED_IMPORT_MAX_ROWS,
      maxFileBytes: env.INSURED_IMPORT_MAX_FILE_MB * 1024 * 1024,
    },
    qr: {
      workers: env.QR_WORKERS,
      timeoutMs: env.QR_TIMEOUT_SECONDS * 1000,
      maxPixels: Math.round(env.PHOTO_MAX_MEGAPIXELS * 1_000_000),
    },
    /** Receipt and help-request photos with more pixels are refused before they are decoded. */
    photoMaxPixels: Math.round(env.PHOTO_MAX_MEGAPIXELS * 1_000_000),
    allowedOrigins: allowedOrigins(env),
    metrics: { token: env.METRICS_TOKEN ?? null, allow: env.METRICS_ALLOW },
    ...outsideSystems(env),
    sms: env.SMS_GATEWAY_URL ? { url: env.SMS_GATEWAY_URL, token: env.SMS_GATEWAY_TOKEN } : null,
    storage: storage(env, dataDir),
  };
}

/** Reads and validates the environment; a bad value throws a ConfigError that names every bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...crossChecks(cleaned),
  ];
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  return toConfig(parsed.data);
}
