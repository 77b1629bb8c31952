import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  type IdentifierResult,
  validateBik,
  validateCorrespondentAccount,
  validateInn,
  validateKpp,
  validateOgrn,
  validatePhone,
  validateSettlementAccount,
  validateSnils,
} from '@remed/core';

interface CheckIdIo {
  stdin: NodeJS.ReadableStream;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

type Check = (value: string, bik: string) => IdentifierResult;

const CHECKS: Record<string, { check: Check; needsBik?: true }> = {
  inn: { check: validateInn },
  ogrn: { check: validateOgrn },
  kpp: { check: validateKpp },
  bik: { check: validateBik },
  snils: { check: validateSnils },
  phone: { check: validatePhone },
  account: { check: validateSettlementAccount, needsBik: true },
  'corr-account': { check: validateCorrespondentAccount, needsBik: true },
};

const USAGE = `remed check-id {${Object.keys(CHECKS).join('|')}} ЗНАЧЕНИЕ|- [--bik БИК]`;

const verdict = (r: IdentifierResult) => (r.ok ? 'valid\n' : `invalid: ${r.reason}\n`);

/** `remed check-id KIND VALUE`: exit 0 valid, 1 invalid, 2 bad usage; with `-` checks stdin line by line. */
export async function checkIdCommand(args: string[], io: CheckIdIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`${message}. Использование: ${USAGE}\n`);
    return 2;
  };
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch {
    return usage('Неверные параметры: из ключей допускается только --bik');
  }
  const [kind, value, ...extra] = parsed.positionals;
  const entry = kind === undefined ? undefined : CHECKS[kind];
  if (!entry)
    return usage(kind === undefined ? 'Укажите вид реквизита' : `Неизвестный вид реквизита: ${kind}`);
  if (value === undefined || extra.length > 0)
    return usage('Укажите одно значение или «-» для чтения из stdin');
  const bik = parsed.values.bik;
  if (entry.needsBik && bik === undefined) return usage(`Для проверки ${kind} укажите --bik`);
  const check = (v: string) => entry.check(v, bik ?? '');

  if (value !== '-') {
    const r = check(value);
    io.stdout(verdict(r));
    return r.ok ? 0 : 1;
  }
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    io.stdout(verdict(check(line)));
  }
  return 0;
}

function parseOptions(args: string[]) {
  return parseArgs({ args, allowPositionals: true, options: { bik: { type: 'string' } } });
}
