import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  formatRub,
  type MonthlyReport,
  monthShort,
  monthTitle,
  moscowDate,
  REPORT_MAX_MONTHS,
} from '@remed/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '../../app/api.ts';
import { CabinetPage } from '../../app/CabinetPage.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatCount, plural } from '../../app/format.ts';
import { monthsBefore, type ReportPeriod, useMonthlyReport, xlsxUrl } from './api.ts';
import { ReportTable } from './ReportTable.tsx';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const rubles = (k: number) => Math.round(k) / 100;
const nowrap = { whiteSpace: 'nowrap' } as const;

function Totals({ report }: { report: MonthlyReport }) {
  const t = report.total;
  const items = [
    {
      key: 'patients',
      label: 'Пациентов',
      value: formatCount(t.patients),
      hint: 'каждый человек — один раз за период',
    },
    {
      key: 'paid',
      label: 'Оплачено пациентами',
      value: formatRub(t.paid),
      hint: `по ${formatCount(t.receipts)} ${plural(t.receipts, 'одобренному чеку', 'одобренным чекам', 'одобренным чекам')}`,
    },
    {
      key: 'reimbursed',
      label: 'Возмещено страховой',
      value: formatRub(t.reimbursed),
      hint: 'по тем же чекам',
    },
    {
      key: 'cashback',
      label: 'Кэшбэк к выплате',
      value: formatRub(t.cashback),
      hint: 'по бонусной программе клиники',
    },
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" data-testid="report-totals">
      {items.map((i) => (
        <Card key={i.key} withBorder padding="md">
          <Text size="sm" c="dimmed">
            {i.label}
          </Text>
          <Text fz="xl" fw={700} style={nowrap} data-testid={`report-total-${i.key}`}>
            {i.value}
          </Text>
          <Text size="xs" c="dimmed">
            {i.hint}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Charts({ report }: { report: MonthlyReport }) {
  const data = report.months.map((m) => ({
    month: monthShort(m.month),
    paid: rubles(m.paid),
    reimbursed: rubles(m.reimbursed),
    cashback: rubles(m.cashback),
    patients: m.patients,
  }));
  const money = (v: number) => formatRub(Math.round(v * 100), { short: true });
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Card withBorder padding="md">
        <Title order={2} size="h5" mb="sm">
          Деньги по месяцам
        </Title>
        <BarChart
          h={260}
          data={data}
          dataKey="month"
          series={[
            { name: 'paid', label: 'Оплачено', color: 'teal.7' },
            { name: 'reimbursed', label: 'Возмещено', color: 'blue.6' },
            { name: 'cashback', label: 'Кэшбэк', color: 'orange.6' },
          ]}
          valueFormatter={money}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ width: 80 }}
          aria-label="Оплачено, возмещено и кэшбэк по месяцам"
        />
      </Card>
      <Card withBorder padding="md">
        <Title order={2} size="h5" mb="sm">
          Пациенты по месяцам
        </Title>
        <BarChart
          h={260}
          data={data}
          dataKey="month"
          series={[{ name: 'patients', label: 'Пациентов', color: 'grape.6' }]}
          valueFormatter={(v) => formatCount(v)}
          yAxisProps={{ allowDecimals: false }}
          aria-label="Число пациентов по месяцам"
        />
      </Card>
    </SimpleGrid>
  );
}

/** One end of the report's period: a whole month, typed or picked in the native month input. */
function MonthInput({
  onChange,
  ...props
}: {
  label: string;
  value: string;
  min?: string;
  max?: string;
  onChange: (value: string) => void;
  error: string | undefined;
  'data-testid': string;
}) {
  return (
    <TextInput
      type="month"
      description="Месяц, включительно"
      placeholder="ГГГГ-ММ"
      onChange={(e) => onChange(e.currentTarget.value)}
      w={{ base: '100%', xs: 200 }}
      {...props}
    />
  );
}

function Report({ clinicId }: { clinicId: string }) {
  const current = moscowDate(new Date()).slice(0, 7);
  const [input, setInput] = useState<ReportPeriod>({ from: monthsBefore(current, 11), to: current });
  const [period, setPeriod] = useState<ReportPeriod>(input);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const report = useMonthlyReport(clinicId, period);

  const change = (key: 'from' | 'to', value: string) => {
    const next = { ...input, [key]: value };
    setInput(next);
    const found: typeof errors = {};
    if (!MONTH_RE.test(next.from)) found.from = 'Выберите месяц начала';
    if (!MONTH_RE.test(next.to)) found.to = 'Выберите месяц конца';
    if (!found.from && !found.to && next.from > next.to) found.from = 'Начало периода позже его конца';
    if (!found.from && !found.to && next.from < monthsBefore(next.to, REPORT_MAX_MONTHS - 1))
      found.from = `Период не длиннее ${REPORT_MAX_MONTHS} месяцев`;
    setErrors(found);
    if (!found.from && !found.to) setPeriod(next);
  };
  const serverFields = isApiError(report.error) ? report.error.fields : {};

  const empty = report.data && report.data.total.patients === 0;
  return (
    <>
      <Card withBorder padding="md">
        <Group align="flex-end" wrap="wrap" gap="md">
          <MonthInput
            label="Начало периода"
            value={input.from}
            max={input.to}
            onChange={(v) => change('from', v)}
            error={errors.from ?? serverFields.from}
            data-testid="report-from"
          />
          <MonthInput
            label="Конец периода"
            value={input.to}
            min={input.from}
            onChange={(v) => change('to', v)}
            error={errors.to ?? serverFields.to}
            data-testid="report-to"
          />
          <Button
            component="a"
            href={xlsxUrl(clinicId, period)}
            download
            variant="light"
            leftSection={<IconDownload size={18} aria-hidden />}
            data-testid="report-xlsx"
          >
            Скачать XLSX
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          Месяц — по дате чека. Деньги — по чекам, одобренным полностью или частично, включая выплаченные.
        </Text>
      </Card>
      {report.isError && !Object.keys(serverFields).length && (
        <QueryError error={report.error} retry={() => report.refetch()} />
      )}
      {report.isPending && <Skeleton h={300} />}
      {report.data && (
        <Stack gap="md" data-testid="report" style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
          <Totals report={report.data} />
          {empty ? (
            <Alert color="gray" data-testid="report-empty">
              За {monthTitle(report.data.from)} — {monthTitle(report.data.to)} пациенты не приносили чеков
              этой клиники. Выберите другой период.
            </Alert>
          ) : (
            <Charts report={report.data} />
          )}
          <ReportTable report={report.data} />
        </Stack>
      )}
    </>
  );
}

export function ReportsPage() {
  return (
    <CabinetPage
      title="Отчёты"
      intro="Пациенты по гарантийным письмам, что они заплатили, что им возместила страховая и сколько кэшбэка клиника должна по бонусной программе."
      testId="page-reports"
    >
      {(clinic) => <Report clinicId={clinic.id} />}
    </CabinetPage>
  );
}
