import { readFile } from 'node:fs/promises';
import {
  adjudicateSequence,
  type FiscalReceipt,
  type GuaranteeLetter,
  guaranteeLetterSchema,
  normaliseFiscalReceipt,
} from '@remed/core';

interface CommandIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = 'remed adjudicate --letter LETTER.json --receipt R1.json [--receipt R2.json …]';

/** Bad input: reported as one line on stderr with exit code 2. */
class InputError extends Error {}

function parseFlags(args: string[]): { letter: string; receipts: string[] } {
  let letter: string | undefined;
  const receipts: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args[++k];
    if (flag !== '--letter' && flag !== '--receipt') throw new InputError(`неизвестный аргумент «${arg}»`);
    if (!value || value.startsWith('--')) throw new InputError(`после ${flag} укажите файл`);
    if (flag === '--receipt') receipts.push(value);
    else if (letter !== undefined) throw new InputError('--letter указан дважды');
    else letter = value;
  }
  if (!letter) throw new InputError('укажите --letter');
  if (receipts.length === 0) throw new InputError('укажите хотя бы один --receipt');
  return { letter, receipts };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `${file}: ${code === 'ENOENT' ? 'файл не найден' : `не удалось прочитать (${code})`}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InputError(`${file}: это не JSON`);
  }
}

async function readLetter(file: string): Promise<GuaranteeLetter> {
  const parsed = guaranteeLetterSchema.safeParse(await readJson(file));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  throw new InputError(
    `${file}: это не гарантийное письмо remed.guarantee-letter/v1 — ${issue?.message ?? 'неверный формат'}${where}`,
  );
}

async function readReceipt(file: string): Promise<FiscalReceipt> {
  const result = normaliseFiscalReceipt(await readJson(file));
  if (result.ok) return result.value;
  throw new InputError(`${file}: ${result.error.message}`);
}

/**
 * `remed adjudicate`: decides each receipt against one letter in the order given, carrying the letter's
 * quantities, limit and claimed receipts from one to the next, and prints the §5.1 decisions as JSON.
 */
export async function adjudicateCommand(args: string[], io: CommandIo): Promise<number> {
  try {
    const flags = parseFlags(args);
    const letter = await readLetter(flags.letter);
    const receipts: FiscalReceipt[] = [];
    for (const file of flags.receipts) receipts.push(await readReceipt(file));
    const { results } = adjudicateSequence(letter, receipts);
    io.stdout(
      `${JSON.stringify(
        results.map((r) => r.decision),
        null,
        2,
      )}\n`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const line = `remed adjudicate: ${e.message}. Использование: ${USAGE}`.replace(/\s*\n\s*/g, ' ');
    io.stderr(`${line}\n`);
    return 2;
  }
}
