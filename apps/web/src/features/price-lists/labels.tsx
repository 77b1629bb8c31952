import { Badge } from '@mantine/core';
import { type PriceListVersionView, ruDate } from '@remed/core';

export function VersionStatus({ v }: { v: PriceListVersionView }) {
  const [color, label] =
    v.status === 'draft'
      ? v.import.status === 'failed'
        ? ['red', 'файл не прочитан']
        : v.import.status === 'done'
          ? ['yellow', 'черновик']
          : ['blue', 'проверяется']
      : v.status === 'superseded'
        ? ['gray', 'заменена до начала действия']
        : v.inForce
          ? ['teal', 'действует']
          : v.effectiveTo
            ? ['gray', 'действовала']
            : ['indigo', 'запланирована'];
  return (
    <Badge
      color={color}
      variant="light"
      style={{ textTransform: 'none', flexShrink: 0 }}
      miw="fit-content"
      data-testid="version-status"
    >
      {label}
    </Badge>
  );
}

/** «с 01.12.2026», «с 01.01.2026 по 30.11.2026», or what a draft is. */
export function period(v: PriceListVersionView): string {
  if (!v.effectiveFrom) return 'дата не выбрана';
  return v.effectiveTo
    ? `с ${ruDate(v.effectiveFrom)} по ${ruDate(v.effectiveTo)}`
    : `с ${ruDate(v.effectiveFrom)}`;
}

export function sourceLine(v: PriceListVersionView): string {
  if (v.source === 'file') return `файл «${v.sourceFileName}»`;
  if (v.source === 'migration') return 'перенесена из прежнего прейскуранта';
  return v.basedOnNumber ? `правка в кабинете на основе версии ${v.basedOnNumber}` : 'составлена в кабинете';
}

const plural = (n: number, one: string, few: string, many: string) => {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
};

export const services = (n: number) =>
  `${n.toLocaleString('ru-RU')} ${plural(n, 'услуга', 'услуги', 'услуг')}`;
export const errors = (n: number) =>
  `${n.toLocaleString('ru-RU')} ${plural(n, 'ошибка', 'ошибки', 'ошибок')}`;
export const warnings = (n: number) =>
  `${n.toLocaleString('ru-RU')} ${plural(n, 'предупреждение', 'предупреждения', 'предупреждений')}`;
