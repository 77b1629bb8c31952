import { Card, Group, List, Progress, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { formatRub, type MyInsurance, ruDate } from '@remed/core';
import { IconAlertTriangle, IconCheck, IconClipboardCheck, IconMapPin, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';

type Policy = MyInsurance['policies'][number];

function PhraseList({
  title,
  items,
  icon,
  color,
  testId,
}: {
  title: string;
  items: string[];
  icon: ReactNode;
  color: string;
  testId: string;
}) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text fw={700} fz="lg" mb="xs">
        {title}
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed">Нет</Text>
      ) : (
        <List
          spacing={6}
          size="md"
          icon={
            <ThemeIcon color={color} size={24} radius="xl" variant="light" aria-hidden>
              {icon}
            </ThemeIcon>
          }
        >
          {items.map((i) => (
            <List.Item key={i}>{i}</List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

export function franchiseSentence(percent: number) {
  return percent > 0
    ? `Франшиза ${percent} %: эту долю стоимости каждой услуги оплачиваете вы сами, остальное возвращает страховая.`
    : 'Франшизы нет: страховая возвращает всю стоимость согласованных услуг.';
}

export function LimitBar({ limit, left }: { limit: number | null; left: number | null }) {
  if (limit === null || left === null)
    return <Text fz="md">Годового лимита нет: сумма возмещений не ограничена.</Text>;
  const share = limit > 0 ? Math.round((left / limit) * 100) : 0;
  return (
    <Stack gap={4} data-testid="limit-left">
      <Group justify="space-between" gap="xs">
        <Text fz="md">Осталось в этом году</Text>
        <Text fz="md" fw={700}>
          {formatRub(left, { short: true })} из {formatRub(limit, { short: true })}
        </Text>
      </Group>
      <Progress
        value={share}
        size="lg"
        color={share < 20 ? 'red' : 'teal'}
        aria-label={`Остаток лимита: ${share} %`}
      />
    </Stack>
  );
}

/** The program's three phrase lists, in the order the insured reads them. */
const PHRASE_LISTS: readonly {
  phrases: 'covered' | 'excluded' | 'needsApproval';
  title: string;
  Icon: typeof IconCheck;
  color: string;
  testId: string;
}[] = [
  { phrases: 'covered', title: 'Входит', Icon: IconCheck, color: 'teal', testId: 'program-covered' },
  { phrases: 'excluded', title: 'Не входит', Icon: IconX, color: 'red', testId: 'program-excluded' },
  {
    phrases: 'needsApproval',
    title: 'Только по согласованию с врачом пульта',
    Icon: IconAlertTriangle,
    color: 'yellow',
    testId: 'program-approval',
  },
];

/** The policy and its program in plain words, for the insured person. */
export function PolicyCard({ policy }: { policy: Policy }) {
  const p = policy.program;
  return (
    <Stack gap="md" data-testid="policy">
      <Card withBorder padding="lg">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <ThemeIcon size={48} variant="light" aria-hidden>
            <IconClipboardCheck size={28} />
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fz="lg" fw={700}>
              Полис {policy.number}
            </Text>
            <Text fz="md">
              {p.name} · {p.insurer}
            </Text>
            <Text fz="md" c={policy.active ? undefined : 'red'}>
              {policy.active ? 'Действует' : 'Не действует'}: с {ruDate(policy.validFrom)} по{' '}
              {ruDate(policy.validTo)}
            </Text>
          </Stack>
        </Group>
        <Text fz="md" mt="md">
          {p.description}
        </Text>
        <Stack gap="sm" mt="md">
          <LimitBar limit={p.annualLimit} left={p.annualLeft} />
          <Text fz="md" data-testid="franchise">
            {franchiseSentence(p.franchisePercent)}
          </Text>
        </Stack>
      </Card>
      <Title order={2} size="h3">
        Что входит в программу
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {PHRASE_LISTS.map((list) => (
          <PhraseList
            key={list.phrases}
            title={list.title}
            items={p[list.phrases]}
            icon={<list.Icon size={16} />}
            color={list.color}
            testId={list.testId}
          />
        ))}
      </SimpleGrid>
      <Card withBorder padding="md" data-testid="program-clinics">
        <Text fw={700} fz="lg" mb="xs">
          {p.anyClinic ? 'Клиники: любые, с которыми работает сервис' : 'Клиники программы'}
        </Text>
        <Stack gap="xs">
          {p.clinics.map((c) => (
            <Group key={c.name} gap="xs" wrap="nowrap" align="flex-start">
              <IconMapPin size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <div>
                <Text fz="md" fw={600}>
                  {c.name}
                </Text>
                {c.address && (
                  <Text size="sm" c="dimmed">
                    {c.address}
                  </Text>
                )}
              </div>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
