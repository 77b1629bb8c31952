import { Alert, Button, Card, Grid, Group, NumberInput, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatRub } from '@remed/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { BackLink } from '../../ui/BackLink.tsx';
import { lettersKey } from '../letters/api.ts';
import { LetterFileLinks } from '../letters/LetterFileLinks.tsx';
import {
  type ChosenService,
  caseKey,
  issueBody,
  requestsKey,
  type ServiceHit,
  useCase,
  useCoverage,
  useRankedClinics,
} from './api.ts';
import { CaseLetters } from './CaseLetters.tsx';
import { ClinicChooser } from './ClinicChooser.tsx';
import { PatientPanel } from './PatientPanel.tsx';
import { ServicePicker } from './ServicePicker.tsx';

export function CasePage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const kase = useCase(id);
  const [chosen, setChosen] = useState<ChosenService[]>([]);
  const [approved, setApproved] = useState<string[]>([]);
  const [clinicId, setClinicId] = useState<string | null>(null);
  const [branchId, setBranchId] = useState<string | null>(null);
  const [validDays, setValidDays] = useState<number>(30);
  const [issuing, setIssuing] = useState(false);
  const [issueError, setIssueError] = useState<string | null>(null);
  const [issuedId, setIssuedId] = useState<string | null>(null);
  // Approval only matters for codes still chosen.
  const approvedNow = approved.filter((c) => chosen.some((s) => s.serviceCode === c));
  const coverage = useCoverage(id, chosen, approvedNow);
  const clinics = useRankedClinics(id, chosen, approvedNow);

  const changeServices = (next: ChosenService[]) => {
    setChosen(next);
    setIssueError(null);
    setIssuedId(null);
  };
  const add = (hit: ServiceHit) => {
    if (chosen.some((s) => s.serviceCode === hit.serviceCode)) return;
    changeServices([...chosen, { serviceCode: hit.serviceCode, name: hit.name, quantity: 1 }]);
  };

  if (kase.isError) return <QueryError error={kase.error} retry={() => kase.refetch()} />;
  if (kase.isPending) return <Skeleton h={500} />;
  const c = kase.data;

  const clinic = clinics.data?.find((x) => x.clinicId === clinicId);
  const canIssue =
    chosen.length > 0 &&
    !!coverage.data?.allAllowed &&
    !coverage.isPlaceholderData &&
    !!clinic &&
    clinic.missing.length === 0 &&
    c.policy.active;
  const issued = c.letters.find((l) => l.id === issuedId);

  const issue = async () => {
    if (!clinicId) return;
    setIssuing(true);
    setIssueError(null);
    try {
      const res = await api.post<{ id: string }>(`/api/console/cases/${id}/letters`, {
        ...issueBody(chosen, approvedNow),
        clinicId,
        branchId,
        validDays,
      });
      await queryClient.invalidateQueries({ queryKey: caseKey(id) });
      await queryClient.invalidateQueries({ queryKey: requestsKey });
      await queryClient.invalidateQueries({ queryKey: lettersKey });
      setIssuedId(res.id);
      setChosen([]);
      setApproved([]);
      setClinicId(null);
      setBranchId(null);
    } catch (e) {
      setIssueError(isApiError(e) ? e.message : 'Не удалось выдать письмо');
    } finally {
      setIssuing(false);
    }
  };

  return (
    <Stack gap="md" data-testid="page-case">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <BackLink to="/console">Все обращения</BackLink>
          <Title order={1} fz={{ base: 22, sm: 26 }}>
            Случай: {c.insured.fullName}
          </Title>
        </Stack>
      </Group>
      {!c.policy.active && (
        <Alert color="red" icon={<IconAlertCircle />}>
          Полис не действует: гарантийное письмо выдать нельзя.
        </Alert>
      )}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PatientPanel c={c} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {issued && (
              <Alert
                color="teal"
                icon={<IconCircleCheck />}
                title="Гарантийное письмо выдано"
                data-testid="letter-issued"
              >
                <Text size="sm">
                  № <b data-testid="issued-number">{issued.number}</b> · {issued.clinic.name} ·{' '}
                  {formatRub(issued.total)}. Пациент получит его в приложении и по e-mail.
                </Text>
                <Group gap="xs" mt="xs">
                  <Button component={Link} to={`/letters/${issued.id}`} size="compact-sm">
                    Открыть письмо
                  </Button>
                  <LetterFileLinks letterId={issued.id} />
                </Group>
              </Alert>
            )}
            <ServicePicker
              chosen={chosen}
              approved={approvedNow}
              coverage={coverage.data}
              coverageError={coverage.error}
              onAdd={add}
              onQuantity={(code, quantity) =>
                changeServices(chosen.map((s) => (s.serviceCode === code ? { ...s, quantity } : s)))
              }
              onRemove={(code) => changeServices(chosen.filter((s) => s.serviceCode !== code))}
              onApprove={(code, yes) =>
                setApproved((a) =>
                  yes ? [...a.filter((x) => x !== code), code] : a.filter((x) => x !== code),
                )
              }
            />
            {chosen.length > 0 && (
              <ClinicChooser
                clinics={clinics.data}
                loading={clinics.isPending}
                error={clinics.error}
                clinicId={clinicId}
                branchId={branchId}
                onChoose={(cid, bid) => {
                  setClinicId(cid);
                  setBranchId(bid);
                  setIssueError(null);
                }}
              />
            )}
            {chosen.length > 0 && (
              <Card withBorder padding="md" data-testid="issue-letter">
                <Stack gap="sm">
                  {issueError && (
                    <Alert color="red" icon={<IconAlertCircle />} role="alert" data-testid="issue-error">
                      {issueError}
                    </Alert>
                  )}
                  <Group align="flex-end" gap="sm" wrap="wrap">
                    <NumberInput
                      label="Срок действия, дней"
                      min={1}
                      max={90}
                      clampBehavior="strict"
                      allowDecimal={false}
                      value={validDays}
                      onChange={(v) => setValidDays(typeof v === 'number' ? v : 30)}
                      w={180}
                    />
                    <Button onClick={issue} loading={issuing} disabled={!canIssue} data-testid="issue-button">
                      Выдать гарантийное письмо
                    </Button>
                  </Group>
                  {!clinicId && (
                    <Text size="sm" c="dimmed">
                      Выберите клинику из списка выше.
                    </Text>
                  )}
                  {clinic && (
                    <Text size="sm">
                      {clinic.name}: {formatRub(clinic.total)}
                      {coverage.data?.annualLeft != null &&
                        ` · останется лимита ${formatRub(Math.max(0, coverage.data.annualLeft - clinic.total), { short: true })}`}
                    </Text>
                  )}
                </Stack>
              </Card>
            )}
            <CaseLetters letters={c.letters} caseId={c.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
