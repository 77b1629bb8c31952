import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import {
  Accordion,
  Anchor,
  Badge,
  Card,
  Group,
  Progress,
  Rating,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type ClinicFeedbackView, type ClinicRatingView, RATING_CONSTANTS, ruDate } from '@remed/core';
import { IconStarFilled } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CabinetPage } from '../../app/CabinetPage.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime, plural } from '../../app/format.ts';
import { decimal, useClinicFeedback, useClinicRating } from './api.ts';

type Components = NonNullable<ClinicRatingView['components']>;

const percentOf = (share: number) => `${decimal(share * 100, 0)} %`;

/** What each component measured, in words, and what the clinic can do about it. */
function explain(c: Components) {
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

function Score({ view }: { view: ClinicRatingView }) {
  if (view.rating === null)
    return (
      <Card withBorder padding="lg" data-testid="rating-score">
        <Text fw={600}>Рейтинг ещё не рассчитан</Text>
        <Text size="sm" c="dimmed">
          Рейтинг пересчитывается каждую ночь и после новых оценок, жалоб и чеков. Загляните позже.
        </Text>
      </Card>
    );
  return (
    <Card withBorder padding="lg" data-testid="rating-score">
      <Group gap="xl" align="center" wrap="wrap">
        <Stack gap={0}>
          <Text c="dimmed" size="sm">
            Рейтинг
          </Text>
          <Text fz={48} fw={700} lh={1} data-testid="rating-value">
            {decimal(view.rating)}
          </Text>
          <Text size="sm" c="dimmed">
            из 10
          </Text>
        </Stack>
        <Stack gap={4}>
          <Badge size="xl" variant="light" style={{ textTransform: 'none' }} data-testid="rating-place">
            {view.place}-е место из {view.of}
          </Badge>
          <Text size="sm" c="dimmed">
            Обновлено {formatDateTime(view.computedAt)}. Пересчитывается каждую ночь и в течение минуты после
            новых оценок, жалоб, чеков и изменения кэшбэка.
          </Text>
        </Stack>
      </Group>
      {view.history.length > 1 && (
        <LineChart
          mt="md"
          h={160}
          data={view.history.map((h) => ({ day: ruDate(h.day).slice(0, 5), rating: h.rating }))}
          dataKey="day"
          series={[{ name: 'rating', label: 'Рейтинг', color: 'teal.7' }]}
          yAxisProps={{ domain: [0, 10] }}
          curveType="monotone"
          withDots={false}
          aria-label="Изменение рейтинга по дням"
        />
      )}
    </Card>
  );
}

function ComponentsList({ components }: { components: Components }) {
  return (
    <Stack gap="sm" data-testid="rating-components">
      <Title order={2} size="h3">
        Из чего складывается рейтинг
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {explain(components).map((c) => (
          <Card key={c.key} withBorder padding="md" data-testid="rating-component">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={700}>{c.title}</Text>
              <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                {decimal(c.part.points)} из {decimal(10 * c.part.weight)}
              </Text>
            </Group>
            <Progress
              value={c.part.score * 100}
              mt={6}
              mb="xs"
              aria-label={`${c.title}: ${decimal(c.part.points)} балла из ${decimal(10 * c.part.weight)}`}
            />
            <Text size="sm">{c.measured}</Text>
            <Text size="sm" c="dimmed" mt={4}>
              Как улучшить: {c.advice}
            </Text>
            {c.link && (
              <Anchor component={Link} to={c.link.to} size="sm" mt={4}>
                {c.link.label}
              </Anchor>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function Feedback({ feedback }: { feedback: ClinicFeedbackView }) {
  const { ratings, complaints, comments } = feedback;
  return (
    <Stack gap="sm" data-testid="rating-feedback">
      <Title order={2} size="h3">
        Оценки и жалобы за 12 месяцев
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Text fw={700} mb="xs">
            {ratings.count
              ? `${ratings.count} ${plural(ratings.count, 'оценка', 'оценки', 'оценок')}, средняя ${decimal(ratings.average ?? 0, 2)}`
              : 'Оценок пока нет'}
          </Text>
          <Stack gap={4}>
            {[5, 4, 3, 2, 1].map((stars) => {
              const n = ratings.distribution[stars - 1] ?? 0;
              return (
                <Group key={stars} gap="xs" wrap="nowrap">
                  <Group gap={2} w={36} wrap="nowrap">
                    <Text size="sm">{stars}</Text>
                    <IconStarFilled size={12} aria-hidden />
                  </Group>
                  <Progress
                    value={ratings.count ? (n / ratings.count) * 100 : 0}
                    color="yellow"
                    style={{ flex: 1 }}
                    aria-label={`${stars} звёзд: ${n}`}
                  />
                  <Text size="sm" w={28} ta="right">
                    {n}
                  </Text>
                </Group>
              );
            })}
          </Stack>
        </Card>
        <Card withBorder padding="md" data-testid="rating-complaints">
          <Text fw={700} mb="xs">
            Жалобы пациентов: {complaints.total}
          </Text>
          <Stack gap={2}>
            <Text size="sm">Обоснованные: {complaints.justified}</Text>
            <Text size="sm">Необоснованные: {complaints.unjustified}</Text>
            <Text size="sm">На рассмотрении: {complaints.pending}</Text>
          </Stack>
          <Text size="xs" c="dimmed" mt="xs">
            Текст жалоб и имена пациентов клинике не показываются; в рейтинг идут только обоснованные.
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder padding="md">
        <Text fw={700} mb="xs">
          Комментарии пациентов
        </Text>
        {comments.length === 0 ? (
          <Text size="sm" c="dimmed">
            Комментариев пока нет.
          </Text>
        ) : (
          <Stack gap="sm">
            {comments.map((c) => (
              <Stack key={`${c.createdAt}-${c.comment}`} gap={2} data-testid="rating-comment">
                <Group gap="xs">
                  <Rating value={c.stars} readOnly size="sm" aria-label={`${c.stars} из 5`} />
                  <Text size="xs" c="dimmed">
                    {formatDateTime(c.createdAt)}
                  </Text>
                </Group>
                <Text size="sm">{c.comment}</Text>
              </Stack>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

function HowItIsComputed() {
  const C = RATING_CONSTANTS;
  return (
    <Accordion variant="contained">
      <Accordion.Item value="formula">
        <Accordion.Control>Как считается рейтинг</Accordion.Control>
        <Accordion.Panel>
          <Stack gap={6}>
            <Text size="sm">
              Рейтинг — от 0 до 10 баллов: сумма пяти частей. У каждой части свой максимум: оценки пациентов —
              3 балла, обоснованные жалобы — 2, цены — 2, кэшбэк — 1,5, услуги не из письма — 1,5.
            </Text>
            <Text size="sm">
              Учитываются последние 12 месяцев. Чтобы одна случайная оценка не подняла и не уронила клинику, к
              её оценкам добавляются {C.satisfactionPriorCount} условных оценок на уровне средней по всем
              клиникам, к визитам и чекам — по {C.complaintsPriorVisits} условных со средними по сети
              показателями (пока данных по сети мало, средние берутся близкими к типичным). Чем больше у
              клиники своих данных, тем меньше влияет поправка.
            </Text>
            <Text size="sm">
              Цены сравниваются с медианой цен других клиник на те же услуги (по номенклатуре 804н), на
              которые пульт выдавал гарантийные письма. Рейтинг пересчитывается каждую ночь и после новых
              оценок, решений по жалобам, чеков и изменения кэшбэка.
            </Text>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

function ClinicRating({ clinicId }: { clinicId: string }) {
  const rating = useClinicRating(clinicId);
  const feedback = useClinicFeedback(clinicId);
  return (
    <>
      {rating.isError && <QueryError error={rating.error} retry={() => rating.refetch()} />}
      {rating.isPending && <Skeleton h={160} />}
      {rating.data && <Score view={rating.data} />}
      {rating.data?.components && <ComponentsList components={rating.data.components} />}
      <HowItIsComputed />
      {feedback.isError && <QueryError error={feedback.error} retry={() => feedback.refetch()} />}
      {feedback.isPending && <Skeleton h={200} />}
      {feedback.data && <Feedback feedback={feedback.data} />}
    </>
  );
}

export function RatingPage() {
  return (
    <CabinetPage
      title="Рейтинг клиники"
      intro="Как клиника выглядит среди других: по этому рейтингу, цене и кэшбэку врач медицинского пульта выбирает, куда направить пациента."
      testId="page-rating"
    >
      {(clinic) => <ClinicRating clinicId={clinic.id} />}
    </CabinetPage>
  );
}
