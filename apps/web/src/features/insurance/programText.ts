import { formatRub, type ProgramView, ruDate, serviceGroupTitle } from '@remed/core';

const unique = (xs: string[]) => [...new Set(xs)];

/** A program in a few plain sentences, the way an account manager would tell it. */
export function programSummary(p: ProgramView): string[] {
  const covered = unique([...p.coveredPrefixes.map(serviceGroupTitle), ...p.coveredCodes]);
  const lines = [`Входит: ${covered.join(', ') || 'ничего не указано'}.`];
  if (p.exclusionPrefixes.length)
    lines.push(`Не входит: ${unique(p.exclusionPrefixes.map(serviceGroupTitle)).join(', ')}.`);
  if (p.approvalPrefixes.length)
    lines.push(
      `По согласованию с врачом пульта: ${unique(p.approvalPrefixes.map(serviceGroupTitle)).join(', ')}.`,
    );
  lines.push(
    p.annualLimit === null
      ? 'Годового лимита нет.'
      : `Лимит на человека в год — ${formatRub(p.annualLimit, { short: true })}${
          p.groupLimits.length
            ? `, в том числе ${p.groupLimits.map((g) => `${g.name} — ${formatRub(g.limit, { short: true })}`).join(', ')}`
            : ''
        }.`,
  );
  lines.push(p.franchisePercent > 0 ? `Франшиза ${p.franchisePercent} %.` : 'Без франшизы.');
  lines.push(p.anyClinic ? 'Любые клиники.' : 'Только клиники программы.');
  const access = [
    p.accessTypes.includes('letter') && 'гарантийные письма',
    p.accessTypes.includes('reimbursement') && 'возмещение по чекам',
  ].filter(Boolean);
  if (access.length) lines.push(`Доступ к помощи: ${access.join(' и ')}.`);
  return lines;
}

export const contractLine = (p: ProgramView) =>
  `Договор ${p.contract.number} с ${ruDate(p.contract.validFrom)} по ${ruDate(p.contract.validTo)} · ${p.policyholder.name}`;
