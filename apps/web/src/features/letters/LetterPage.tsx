import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { formatRub, ruDate } from '@remed/core';
import { IconDownload, IconFileTypePdf, IconMapPin, IconReceipt } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { BackLink } from '../../ui/BackLink.tsx';
import { letterJsonUrl, letterPdfUrl, useLetter } from './api.ts';
import { LetterItemsTable } from './LetterItemsTable.tsx';
import { LetterStatus } from './LetterStatus.tsx';

const STEPS = [
  'Запишитесь в клинику по телефону или на сайте и скажите, что у вас гарантийное письмо remed.',
  'Покажите письмо в регистратуре (можно с телефона) и получите услуги из списка.',
  'Оплатите услуги на кассе клиники и возьмите чек.',
  'Отсканируйте QR-код с чека в приложении — деньги вернутся по СБП, вместе с кэшбэком.',
];

export function LetterPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const letter = useLetter(id);
  const doctor = user.roles.includes('console_doctor');
  const insured = user.roles.includes('insured');

  if (letter.isError) return <QueryError error={letter.error} retry={() => letter.refetch()} />;
  if (letter.isPending) return <Skeleton h={400} />;
  const l = letter.data;
  const address = l.branch?.address ?? l.clinic.address;

  return (
    <Stack gap="lg" maw={860} data-testid="page-letter">
      <BackLink to={doctor ? `/console/cases/${l.caseId}` : '/letters'}>
        {doctor ? 'К случаю' : 'Все письма'}
      </BackLink>
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1} fz={{ base: 24, sm: 30 }} data-testid="letter-number">
            Гарантийное письмо {l.number}
          </Title>
          <LetterStatus status={l.status} />
        </Group>
        <Text c="dimmed">
          {l.insuredName} · полис {l.policyNumber} · выдано {formatDateTime(l.issuedAt)}
        </Text>
      </Stack>
      {l.status === 'cancelled' && (
        <Alert color="red" title="Письмо отменено">
          {l.cancelReason ?? 'Причина не указана.'} По этому письму клиника не примет вас без оплаты.
        </Alert>
      )}
      {l.status === 'used_up' && (
        <Alert color="blue" title="Письмо использовано" data-testid="letter-used-up">
          По чекам уже оплачены все услуги из письма. Если помощь всё ещё нужна, попросите помощи ещё раз —
          врач пульта выдаст новое письмо.
        </Alert>
      )}
      {l.status === 'expired' && (
        <Alert color="gray" title="Срок действия письма истёк">
          Если помощь всё ещё нужна, попросите помощи ещё раз — врач пульта выдаст новое письмо.
        </Alert>
      )}
      <Card withBorder padding="lg">
        <Group align="flex-start" wrap="nowrap">
          <ThemeIcon variant="light" size={44} aria-hidden>
            <IconMapPin />
          </ThemeIcon>
          <Stack gap={2}>
            <Text fw={700} fz="lg" data-testid="letter-clinic">
              {l.clinic.name}
            </Text>
            {l.branch && <Text>{l.branch.name}</Text>}
            {address && <Text>{address}</Text>}
            {l.branch?.phone && <Text>Телефон: {l.branch.phone}</Text>}
            <Text fw={600} mt="xs" data-testid="letter-valid">
              Действует с {ruDate(l.validFrom)} по {ruDate(l.validUntil)} включительно
            </Text>
          </Stack>
        </Group>
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h3" mb="sm">
          Услуги
        </Title>
        <LetterItemsTable
          items={l.items}
          data-testid="letter-items"
          footer={
            <Table.Tr>
              <Table.Th colSpan={2}>Итого</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="letter-total">
                {formatRub(l.total)}
              </Table.Th>
            </Table.Tr>
          }
        />
        <Stack gap={4} mt="sm">
          {l.franchisePercent > 0 && (
            <Text size="sm">
              Франшиза {l.franchisePercent} %: эту часть стоимости оплачиваете вы, остальное вернёт страховая.
            </Text>
          )}
          {l.cashbackPercent > 0 && (
            <Text size="sm">Кэшбэк клиники: {l.cashbackPercent} % от оплаченного.</Text>
          )}
        </Stack>
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h3" mb="sm">
          Как получить деньги обратно
        </Title>
        <List type="ordered" spacing="sm" size="md" data-testid="letter-steps">
          {STEPS.map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
        {insured && l.status === 'issued' && (
          <Button
            component={Link}
            to={`/claims/new?letter=${l.id}`}
            size="lg"
            mt="md"
            leftSection={<IconReceipt size={22} />}
            data-testid="letter-claim"
          >
            Вернуть деньги по чеку
          </Button>
        )}
      </Card>
      <Group gap="sm">
        <Button
          component="a"
          href={letterPdfUrl(l.id)}
          download={`${l.number}.pdf`}
          leftSection={<IconFileTypePdf size={20} />}
          size="lg"
          data-testid="letter-pdf"
        >
          Скачать PDF
        </Button>
        <Button
          component="a"
          href={letterJsonUrl(l.id)}
          download={`${l.number}.json`}
          variant="light"
          leftSection={<IconDownload size={20} />}
          size="lg"
          data-testid="letter-json"
        >
          Скачать JSON
        </Button>
      </Group>
    </Stack>
  );
}
