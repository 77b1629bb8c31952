import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { type ClaimView, ruDate } from '@remed/core';
import { type Icon, IconCamera, IconKeyboard, IconPhoto } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { BackLink } from '../../ui/BackLink.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useLetters } from '../letters/api.ts';
import { claimsKey } from './api.ts';
import { ManualEntry } from './ManualEntry.tsx';

// The decoder (JS glue and WebAssembly) is loaded only when the person chooses the camera.
const QrScanner = lazy(() => import('./QrScanner.tsx'));

type Mode = 'camera' | 'photo' | 'manual';

const MODES: { value: Mode; label: string; hint: string; icon: Icon }[] = [
  { value: 'camera', label: 'Сканировать QR-код', hint: 'Камерой телефона', icon: IconCamera },
  {
    value: 'photo',
    label: 'Загрузить фото чека',
    hint: 'Сфотографировать или выбрать снимок',
    icon: IconPhoto,
  },
  { value: 'manual', label: 'Ввести вручную', hint: 'Шесть строк с чека', icon: IconKeyboard },
];

function ModeButton({
  mode,
  active,
  onClick,
}: {
  mode: (typeof MODES)[number];
  active: boolean;
  onClick: () => void;
}) {
  return (
    <UnstyledButton
      onClick={onClick}
      aria-pressed={active}
      data-testid={`claim-mode-${mode.value}`}
      p="md"
      style={{
        border: `2px solid var(--mantine-color-${active ? 'teal-6' : 'gray-3'})`,
        background: active ? 'var(--mantine-color-teal-0)' : 'var(--mantine-color-body)',
        borderRadius: 12,
        minHeight: 72,
      }}
    >
      <Group wrap="nowrap" gap="md">
        <mode.icon size={36} stroke={1.6} color="var(--mantine-color-teal-7)" aria-hidden />
        <Stack gap={0}>
          <Text fz="lg" fw={700}>
            {mode.label}
          </Text>
          <Text size="sm" c="dimmed">
            {mode.hint}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

function SubmitError({ error }: { error: unknown }) {
  const duplicate = isApiError(error) && error.details.reason === 'DUPLICATE_RECEIPT';
  const noQr = isApiError(error) && error.code === 'QR_NOT_FOUND';
  const title = duplicate
    ? 'Этот чек уже отправлен'
    : noQr
      ? 'Не удалось прочитать QR-код'
      : 'Не удалось отправить чек';
  const message = isApiError(error)
    ? (error.fields.qr ?? error.message)
    : 'Не удалось отправить чек. Повторите попытку';
  return (
    <Alert color={duplicate ? 'orange' : 'red'} title={title} role="alert" data-testid="claim-error">
      <Text fz="md">{message}</Text>
      {duplicate && (
        <Anchor component={Link} to="/claims" fz="md" mt="xs" display="inline-block">
          Посмотреть мои чеки и выплаты
        </Anchor>
      )}
    </Alert>
  );
}

export function ClaimNewPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const letters = useLetters();
  // A used-up letter still takes a receipt: a refund, or one sent twice, gets its answer like any other.
  const usable = letters.data?.filter((l) => l.status === 'issued' || l.status === 'used_up') ?? [];
  const [letterId, setLetterId] = useState<string | null>(params.get('letter'));
  const [mode, setMode] = useState<Mode | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The same file chosen again after an error must upload again.
  const resetFile = useRef<() => void>(null);

  // One letter with services left: nothing to choose.
  useEffect(() => {
    if (!letterId && letters.data) {
      const issued = letters.data.filter((l) => l.status === 'issued');
      if (issued.length === 1) setLetterId(issued[0]?.id ?? null);
    }
  }, [letterId, letters.data]);

  const choose = (m: Mode) => {
    setError(null);
    setMode(m);
  };

  const done = async (claim: ClaimView) => {
    queryClient.setQueryData([...claimsKey, claim.id], claim);
    await queryClient.invalidateQueries({ queryKey: claimsKey, exact: true });
    navigate(`/claims/${claim.id}`);
  };

  const send = async (call: () => Promise<ClaimView>) => {
    setError(null);
    setBusy(true);
    try {
      await done(await call());
    } catch (e) {
      setError(e);
      setBusy(false);
      if (mode === 'camera') setMode(null);
    }
  };

  const submitQr = (qr: string, source: 'camera' | 'manual') =>
    send(() => api.post<ClaimView>('/api/me/claims', { letterId, qr, source }));

  const uploadPhoto = (file: File | null) => {
    if (!file || !letterId) return;
    const form = new FormData();
    form.append('letterId', letterId);
    form.append('photo', file);
    resetFile.current?.();
    return send(() => api.upload<ClaimView>('/api/me/claims/photo', form));
  };

  if (letters.isError) return <QueryError error={letters.error} retry={() => letters.refetch()} />;

  return (
    <Stack gap="lg" maw={860} data-testid="page-claim-new">
      <BackLink to="/claims">Мои чеки и выплаты</BackLink>
      <PageHeader title="Вернуть деньги по чеку">
        Отправьте чек из клиники — мы сверим его с гарантийным письмом и переведём деньги по СБП.
      </PageHeader>
      {letters.isPending ? (
        <Skeleton h={70} />
      ) : usable.length === 0 ? (
        <Alert color="gray" title="Нет действующих гарантийных писем" data-testid="claim-no-letters">
          Чек можно отправить только по действующему гарантийному письму. Если вы были у врача без письма,
          попросите помощи — врач пульта подскажет, что делать.
        </Alert>
      ) : (
        <Select
          label="По какому гарантийному письму чек"
          size="lg"
          data={usable.map((l) => ({
            value: l.id,
            label: `${l.number} · ${l.clinic.name} · ${l.status === 'used_up' ? 'использовано' : `до ${ruDate(l.validUntil)}`}`,
          }))}
          value={letterId}
          onChange={(v) => {
            setLetterId(v);
            setError(null);
          }}
          placeholder="Выберите письмо"
          allowDeselect={false}
          data-testid="claim-letter"
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {letterId && usable.length > 0 && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" role="group" aria-label="Как отправить чек">
            {MODES.map((m) => (
              <ModeButton key={m.value} mode={m} active={mode === m.value} onClick={() => choose(m.value)} />
            ))}
          </SimpleGrid>
          {error !== null && <SubmitError error={error} />}
          {busy && mode !== 'manual' && (
            <Group gap="sm" data-testid="claim-sending">
              <Loader size="sm" />
              <Text fz="lg">{mode === 'photo' ? 'Читаем QR-код и отправляем чек…' : 'Отправляем чек…'}</Text>
            </Group>
          )}
          {mode === 'camera' && !busy && (
            <Suspense fallback={<Skeleton h={320} maw={480} />}>
              <QrScanner onResult={(qr) => submitQr(qr, 'camera')} />
            </Suspense>
          )}
          {mode === 'photo' && (
            <Stack gap="sm">
              <Text fz="md">
                Сфотографируйте чек целиком или только QR-код: ровно, при хорошем свете, чтобы код был в
                фокусе.
              </Text>
              <FileButton
                onChange={uploadPhoto}
                accept="image/*"
                capture="environment"
                resetRef={resetFile}
                inputProps={{ 'data-testid': 'claim-photo-input' } as Record<string, string>}
              >
                {(props) => (
                  <Button
                    {...props}
                    size="lg"
                    leftSection={<IconPhoto size={22} />}
                    loading={busy}
                    w="fit-content"
                  >
                    Выбрать фото
                  </Button>
                )}
              </FileButton>
            </Stack>
          )}
          {mode === 'manual' && <ManualEntry busy={busy} onSubmit={(qr) => submitQr(qr, 'manual')} />}
        </>
      )}
    </Stack>
  );
}
