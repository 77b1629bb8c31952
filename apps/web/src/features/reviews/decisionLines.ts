import { type ClaimView, formatRub, type LetterView } from '@remed/core';

/** The reviewer's choice for one receipt line: a letter line (or none), and an optional lower amount in rubles. */
export type LineChoice = { letterLine: string; cap: number | string };

export const NOT_IN_LETTER = 'none';

/** What the decision would be, as the server computes it for the current choices. */
export interface Preview {
  status: string;
  reasons: string[];
  reimbursement: number;
  cashback: number;
  summary: string;
  lines: { item: number; approved: number; text: string }[];
}

/** To begin with, each line where the engine matched it, with no lower amount. */
export const initialChoices = (claim: ClaimView): LineChoice[] =>
  claim.lines.map((l) => ({
    letterLine: l.letterLine === null ? NOT_IN_LETTER : String(l.letterLine),
    cap: '',
  }));

/** The reviewer's lines as the API takes them: a letter line or none, and an optional lower amount. */
export const toLines = (claim: ClaimView, choices: LineChoice[]) =>
  claim.lines.map((l, n) => {
    const c = choices[n]!;
    const cap = c.cap === '' ? undefined : Math.round(Number(c.cap) * 100);
    return {
      item: l.item,
      letterLine: c.letterLine === NOT_IN_LETTER ? null : Number(c.letterLine),
      ...(cap === undefined || Number.isNaN(cap) ? {} : { approved: cap }),
    };
  });

/** The letter's lines to choose from, and «not in the letter» last. */
export const letterLineOptions = (letter: LetterView) => [
  ...letter.items.map((i) => ({
    value: String(i.line),
    label: `${i.line}. ${i.name} — ${formatRub(i.price)} × ${i.quantity}`,
  })),
  { value: NOT_IN_LETTER, label: 'Нет в письме — не возмещать' },
];
