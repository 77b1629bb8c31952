import { type ClinicRatingView, RATING_CONSTANTS } from '@remed/core';
import { plural } from '../../app/format.ts';
import { decimal } from './api.ts';

export type Components = NonNullable<ClinicRatingView['components']>;

const percentOf = (share: number) => `${decimal(share * 100, 0)} %`;

/** What each component measured, in words, and what the clinic can do about it. */
export function explain(c: Components) {
  const s = c.satisfaction;
  const k = c.complaints;
  const p = c.price;
  const e = c.extras;
  const priceDiff = p.index === null ? 0 : Math.round((p.index - 1) * 100);
  return [
    {
      key: 'satisfaction',
      title: 'Оценки пациентов',
      part: s,
      measured: s.ratings
        ? `${s.ratings} ${plural(s.ratings, 'оценка', 'оценки', 'оценок')}, средняя ${decimal(s.average ?? 0, 2)} из 5. С поправкой на малое число оценок — ${decimal(s.adjustedAverage, 2)} (средняя по всем клиникам ${decimal(s.networkAverage, 2)}).`
        : `Оценок пока нет: считаем по средней по всем клиникам, ${decimal(s.networkAverage, 2)} из 5.`,
      advice:
        'Напоминайте пациентам оценить визит в приложении: оценка открывается, когда чек одобрен. Разберите комментарии ниже — в них видно, что мешает поставить пять звёзд.',
    },
    {
      key: 'complaints',
      title: 'Обоснованные жалобы',
      part: k,
      measured: k.visits
        ? `${k.justified} ${plural(k.justified, 'обоснованная жалоба', 'обоснованные жалобы', 'обоснованных жалоб')} на ${k.visits} ${plural(k.visits, 'визит', 'визита', 'визитов')}.`
        : 'Визитов с одобренными чеками за год пока нет.',
      advice:
        'Жалобы пациентов рассматривает врач медицинского пульта; в рейтинг идут только обоснованные. Чаще всего это лишние услуги в чеке и отказ принять по гарантийному письму — договоритесь о порядке с регистратурой.',
    },
    {
      key: 'price',
      title: 'Уровень цен',
      part: p,
      measured:
        p.index === null
          ? 'Не с чем сравнить: услуги, на которые пульт выдаёт письма, есть в прейскуранте только у вас.'
          : `По ${p.codes} ${plural(p.codes, 'услуге', 'услугам', 'услугам')} из гарантийных писем ваши цены ${priceDiff === 0 ? 'на уровне медианы' : `${priceDiff > 0 ? 'выше' : 'ниже'} медианы других клиник на ${Math.abs(priceDiff)} %`}.`,
      advice:
        'Сравниваются цены на услуги, на которые пульт чаще всего выдаёт письма. Пересмотрите цены на приёмы врачей, анализы и УЗИ: 10 % ниже медианы заметно поднимают эту часть.',
    },
    {
      key: 'cashback',
      title: 'Кэшбэк пациентам',
      part: c.cashback,
      measured: c.cashback.percent
        ? `Кэшбэк ${c.cashback.percent} % из возможных ${RATING_CONSTANTS.cashbackMaxPercent} %.`
        : 'Клиника не участвует в бонусной программе.',
      advice: `Каждый процент кэшбэка — плюс ${decimal((10 * c.cashback.weight) / RATING_CONSTANTS.cashbackMaxPercent, 2)} балла рейтинга и более высокое место в выдаче у врача пульта.`,
      link: { to: '/clinic/bonus', label: 'Изменить кэшбэк' },
    },
    {
      key: 'extras',
      title: 'Услуги не из гарантийного письма',
      part: e,
      measured: e.receipts
        ? `В ${e.withExtras} из ${e.receipts} ${plural(e.receipts, 'чека', 'чеков', 'чеков')} (${percentOf(e.share ?? 0)}) были позиции, которых нет в письме.`
        : 'Чеков, сверенных с письмами, за год пока нет.',
      advice:
        'Пробивайте по гарантийному письму только услуги из него. Бахилы, справки и дополнительные обследования не возмещаются и расстраивают пациента; если услуга нужна, попросите врача пульта добавить её в письмо.',
    },
  ];
}
