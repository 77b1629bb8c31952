import { Autocomplete, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type CaseView, ruDate } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { franchiseSentence, LimitBar } from '../insured/ProgramSummary.tsx';
import { RequestWords } from '../insured/RequestWords.tsx';
import { caseKey, useIcd10 } from './api.ts';

function age(birthDate: string) {
  const b = new Date(`${birthDate}T00:00:00`);
  const now = new Date();
  let years = now.getFullYear() - b.getFullYear();
  if (now.getMonth() < b.getMonth() || (now.getMonth() === b.getMonth() && now.getDate() < b.getDate()))
    years -= 1;
  return years;
}

function useSaveCase(caseId: string) {
  const queryClient = useQueryClient();
  return async (patch: Record<string, unknown>, done: string) => {
    try {
      await api.patch(`/api/console/cases/${caseId}`, patch);
      notifications.show({ color: 'teal', message: done });
      await queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
      return true;
    } catch (e) {
      notifications.show({ color: 'red', message: isApiError(e) ? e.message : 'Не удалось сохранить' });
      return false;
    }
  };
}

function ComplaintsEditor({ c }: { c: CaseView }) {
  const [text, setText] = useState(c.complaints);
  const [busy, setBusy] = useState(false);
  const save = useSaveCase(c.id);
  const changed = text.trim() !== c.complaints.trim();
  return (
    <Stack gap="xs">
      <Textarea
        label="Жалобы (для письма и карты случая)"
        autosize
        minRows={3}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="case-complaints"
      />
      <Button
        size="xs"
        variant="light"
        disabled={!changed || text.trim().length === 0}
        loading={busy}
        style={{ alignSelf: 'flex-start' }}
        onClick={async () => {
          setBusy(true);
          await save({ complaints: text.trim() }, 'Жалобы сохранены');
          setBusy(false);
        }}
      >
        Сохранить жалобы
      </Button>
    </Stack>
  );
}

function DiagnosisField({ c }: { c: CaseView }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 200);
  const hits = useIcd10(debounced);
  const save = useSaveCase(c.id);
  const options = (hits.data ?? []).map((h) => `${h.code} — ${h.name}`);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Диагноз (МКБ-10)
      </Text>
      {c.icd10Code ? (
        <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="case-diagnosis">
          <Badge variant="light" style={{ flexShrink: 0 }}>
            {c.icd10Code}
          </Badge>
          <Text size="sm">{c.icd10Text}</Text>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Не указан
        </Text>
      )}
      <Autocomplete
        aria-label="Поиск диагноза по коду или названию"
        placeholder="Код или название, например J06 или ангина"
        size="sm"
        value={q}
        onChange={setQ}
        data={options}
        filter={({ options: all }) => all}
        limit={10}
        onOptionSubmit={async (value) => {
          const [code = '', ...rest] = value.split(' — ');
          if (await save({ icd10Code: code, icd10Text: rest.join(' — ') }, `Диагноз: ${code}`)) setQ('');
        }}
        data-testid="case-icd10"
      />
    </Stack>
  );
}

/** Left column of the case: who the patient is, what the policy allows, what they complain of. */
export function PatientPanel({ c }: { c: CaseView }) {
  const r = c.request;
  return (
    <Stack gap="md">
      <Card withBorder padding="md" data-testid="case-patient">
        <Title order={2} size="h4">
          {c.insured.fullName}
        </Title>
        <Text size="sm" c="dimmed">
          {c.insured.sex === 'female' ? 'Женщина' : 'Мужчина'}, {age(c.insured.birthDate)} лет ·{' '}
          {c.insured.sex === 'female' ? 'родилась' : 'родился'} {ruDate(c.insured.birthDate)}
          {c.insured.phone ? ` · ${c.insured.phone}` : ''}
        </Text>
        <Group gap="xs" mt="xs">
          <Text size="sm">
            Полис {c.policy.number}, {ruDate(c.policy.validFrom)} – {ruDate(c.policy.validTo)}
          </Text>
          <Badge color={c.policy.active ? 'teal' : 'red'} variant="light" style={{ textTransform: 'none' }}>
            {c.policy.active ? 'действует' : 'не действует'}
          </Badge>
        </Group>
        <Text size="sm" fw={600} mt="xs">
          {c.program.name}
        </Text>
        <Stack gap={4} mt={4}>
          <LimitBar limit={c.program.annualLimit} left={c.program.annualLeft} />
          <Text size="sm" c="dimmed">
            {franchiseSentence(c.program.franchisePercent)}
            {c.program.anyClinic ? ' Любые клиники.' : ' Только клиники программы.'}
          </Text>
        </Stack>
      </Card>
      <Card withBorder padding="md" data-testid="case-request">
        <Group justify="space-between" gap="xs">
          <Text fw={600}>Обращение</Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(r.createdAt)} · {r.channel === 'phone' ? 'звонок' : 'приложение'}
          </Text>
        </Group>
        <RequestWords complaint={r.complaint} answers={r.answers} complaintSize="sm" gap={4} />
        {r.hasPhoto && (
          <Text size="sm" c="dimmed" mt={4}>
            К обращению приложено фото.
          </Text>
        )}
      </Card>
      <Card withBorder padding="md">
        <Stack gap="md">
          <ComplaintsEditor key={c.complaints} c={c} />
          <DiagnosisField c={c} />
        </Stack>
      </Card>
    </Stack>
  );
}
