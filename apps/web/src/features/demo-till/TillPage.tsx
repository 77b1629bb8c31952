import {
  Alert,
  Button,
  Card,
  Divider,
  Group,
  Image,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { formatRub, ruDate } from '@remed/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { api, isApiError } from '../../app/api.ts';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { keyed } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useLetters } from '../letters/api.ts';

interface TillReceipt {
  qr: string;
  png: string;
  total: number;
  items: { name: string; price: number; quantity: number; sum: number }[];
}

/** How the printed receipt departs from an honest sale by the letter, so each check outcome can be shown. */
interface ReceiptVariants {
  overcharge: boolean;
  extraItem: boolean;
  refund: boolean;
}

const VARIANT_SWITCHES: readonly { variant: keyof ReceiptVariants; label: string; description: string }[] = [
  { variant: 'overcharge', label: 'Переплата (+20 %)', description: 'Касса берёт больше цены из письма' },
  {
    variant: 'extraItem',
    label: 'Лишняя позиция (бахилы)',
    description: 'В чек добавляется то, чего нет в письме',
  },
  { variant: 'refund', label: 'Возврат', description: 'Чек возврата прихода вместо продажи' },
];

interface Printed extends TillReceipt {
  letterNumber: string;
  refund: boolean;
}

function ReceiptView({ receipt }: { receipt: Printed }) {
  const file = `чек-${receipt.letterNumber}-${receipt.qr.match(/i=(\d+)/)?.[1] ?? 'qr'}.png`;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" data-testid="till-receipt">
      <Card withBorder padding="lg" ff="monospace" style={{ alignSelf: 'start' }}>
        <Text ta="center" fw={700}>
          КАССОВЫЙ ЧЕК
        </Text>
        <Text ta="center" size="sm" mb="sm">
          {receipt.refund ? 'Возврат прихода' : 'Приход'}
        </Text>
        <Stack gap={6}>
          {keyed(receipt.items, (i) => i.name).map(({ key, item: i }) => (
            <div key={key} data-testid="till-item">
              <Text size="sm">{i.name}</Text>
              <Group justify="space-between" gap="xs">
                <Text size="sm" c="dimmed">
                  {i.quantity} × {formatRub(i.price)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatRub(i.sum)}
                </Text>
              </Group>
            </div>
          ))}
        </Stack>
        <Divider my="sm" variant="dashed" />
        <Group justify="space-between">
          <Text fw={700} fz="lg">
            ИТОГ
          </Text>
          <Text fw={700} fz="lg" data-testid="till-total" style={{ whiteSpace: 'nowrap' }}>
            {formatRub(receipt.total)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" mt="sm" style={{ wordBreak: 'break-all' }}>
          {receipt.qr}
        </Text>
      </Card>
      <Stack align="center" gap="sm">
        <Image
          src={receipt.png}
          alt="QR-код чека"
          w="100%"
          maw={360}
          style={{ imageRendering: 'pixelated', border: '1px solid var(--mantine-color-gray-3)' }}
          data-testid="till-qr"
        />
        <Button
          component="a"
          href={receipt.png}
          download={file}
          size="lg"
          leftSection={<IconDownload size={20} />}
          data-testid="till-download"
        >
          Скачать QR (PNG)
        </Button>
        <Text size="sm" c="dimmed" ta="center" maw={360}>
          Отсканируйте код телефоном застрахованного или загрузите скачанный файл как фото чека.
        </Text>
      </Stack>
    </SimpleGrid>
  );
}

/** Demo mode only: prints a receipt for a letter into the simulated FNS and shows its QR. */
export function TillPage() {
  const user = useUser();
  const { clinic } = useCurrentClinic(user);
  const letters = useLetters();
  // Letters in force with services left (used-up ones are not offered); the clinic chosen in the header
  // first, as a network's till serves all its clinics.
  const usable = (letters.data ?? [])
    .filter((l) => l.status === 'issued')
    .sort((a, b) => Number(b.clinic.id === clinic?.id) - Number(a.clinic.id === clinic?.id));
  const [letterId, setLetterId] = useState<string | null>(null);
  const [variants, setVariants] = useState<ReceiptVariants>({
    overcharge: false,
    extraItem: false,
    refund: false,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<Printed | null>(null);
  const notDemo = isApiError(error) && error.status === 404 && !/письм/i.test(error.message);
  const chosen = usable.find((l) => l.id === letterId) ?? null;

  const print = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<TillReceipt>('/api/demo/till', { letterId: chosen.id, ...variants });
      setReceipt({ ...r, letterNumber: chosen.number, refund: variants.refund });
    } catch (e) {
      setError(e);
      setReceipt(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg" maw={1000} data-testid="page-till">
      <PageHeader title="Демо-касса">
        Учебная касса: пробивает чек по гарантийному письму, как настоящая касса клиники, и отправляет его в
        учебную ФНС. Работает только в демо-режиме.
      </PageHeader>
      {notDemo && (
        <Alert color="gray" title="Демо-касса недоступна" data-testid="till-unavailable">
          Демо-касса доступна только в демо-режиме. В рабочем режиме чеки пробивает касса клиники.
        </Alert>
      )}
      {letters.isError && <QueryError error={letters.error} retry={() => letters.refetch()} />}
      <Card withBorder padding="lg">
        <Stack gap="md">
          {letters.isPending ? (
            <Skeleton h={60} />
          ) : (
            <Select
              label="Гарантийное письмо"
              placeholder={usable.length ? 'Выберите письмо пациента' : 'Действующих писем нет'}
              data={usable.map((l) => ({
                value: l.id,
                label: `${l.number} · ${l.insuredName} · ${l.clinic.name}`,
              }))}
              value={letterId}
              onChange={setLetterId}
              searchable
              size="md"
              maw={620}
              disabled={!usable.length}
              data-testid="till-letter"
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {chosen && (
            <Text size="sm" c="dimmed">
              Действует до {ruDate(chosen.validUntil)}. Услуги: {chosen.items.map((i) => i.name).join('; ')} —{' '}
              {formatRub(chosen.total)}
            </Text>
          )}
          <Stack gap="sm">
            {VARIANT_SWITCHES.map(({ variant, label, description }) => (
              <Switch
                key={variant}
                label={label}
                description={description}
                checked={variants[variant]}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setVariants((v) => ({ ...v, [variant]: checked }));
                }}
                size="md"
              />
            ))}
          </Stack>
          {error !== null && !notDemo && (
            <Alert color="red" role="alert">
              {isApiError(error) ? error.message : 'Не удалось пробить чек'}
            </Alert>
          )}
          <Group>
            <Button
              size="lg"
              leftSection={<IconPrinter size={22} />}
              onClick={print}
              loading={busy}
              disabled={!chosen}
              data-testid="till-print"
            >
              Пробить чек
            </Button>
          </Group>
        </Stack>
      </Card>
      {receipt && <ReceiptView receipt={receipt} />}
    </Stack>
  );
}
