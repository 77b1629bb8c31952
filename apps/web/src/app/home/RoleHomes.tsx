import { Anchor, Text } from '@mantine/core';
import {
  IconBuildingBank,
  IconCash,
  IconChartBar,
  IconFileCertificate,
  IconMessages,
  IconReceipt,
  IconShieldCheck,
  IconStethoscope,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { useUser } from '../session.tsx';
import { EmptySection, HomeHeader, SectionGrid } from './parts.tsx';

function TokensHint() {
  return (
    <Text size="sm" mt="md">
      Для интеграции ваших систем выпустите API-токен в разделе{' '}
      <Anchor component={Link} to="/account">
        «Учётная запись»
      </Anchor>
      .
    </Text>
  );
}

export function DoctorHome() {
  return (
    <section data-testid="home-console_doctor">
      <HomeHeader
        title="Медицинский пульт"
        subtitle="Здесь врач пульта разбирает обращения застрахованных и выдаёт гарантийные письма."
      />
      <SectionGrid>
        <EmptySection
          icon={IconMessages}
          title="Обращений пока нет"
          text="Очередь обращений застрахованных появится здесь, когда раздел будет запущен."
        />
        <EmptySection
          icon={IconFileCertificate}
          title="Гарантийных писем пока нет"
          text="Выдача гарантийных писем с выбором услуг и клиники ещё в разработке."
        />
      </SectionGrid>
    </section>
  );
}

export function InsuredHome() {
  const user = useUser();
  const firstName = user.fullName.split(/\s+/)[1] ?? user.fullName;
  return (
    <section data-testid="home-insured">
      <HomeHeader
        title="Личный кабинет застрахованного"
        subtitle={`Здравствуйте, ${firstName}! Здесь будут ваш полис, направления в клиники и возврат денег за лечение.`}
      />
      <SectionGrid>
        <EmptySection
          icon={IconShieldCheck}
          title="Полис ДМС"
          text="Сведения о полисе и программе страхования появятся, когда страховая компания загрузит договор."
        />
        <EmptySection
          icon={IconFileCertificate}
          title="Гарантийных писем пока нет"
          text="Когда врач пульта согласует вам приём, направление в клинику появится здесь."
        />
        <EmptySection
          icon={IconReceipt}
          title="Чеки"
          text="Сканирование QR-кода с чека появится в следующей версии приложения."
        />
        <EmptySection
          icon={IconCash}
          title="Выплат пока нет"
          text="Деньги за оплаченное лечение будут приходить по СБП на ваш телефон."
        />
      </SectionGrid>
    </section>
  );
}

export function InsurerHome() {
  const user = useUser();
  return (
    <section data-testid="home-insurer_user">
      <HomeHeader title="Страховая компания" subtitle={user.insurer?.name ?? 'Организация не указана'} />
      <SectionGrid>
        <EmptySection
          icon={IconUsersGroup}
          title="Договоров и списков застрахованных пока нет"
          text="Загрузка договоров, программ и списков застрахованных ещё в разработке."
        />
        <EmptySection
          icon={IconChartBar}
          title="Реестры и отчёты"
          text="Реестры оказанных услуг и отчёты появятся здесь после запуска расчётов."
        />
      </SectionGrid>
      <TokensHint />
    </section>
  );
}

export function PolicyholderHome() {
  const user = useUser();
  return (
    <section data-testid="home-policyholder_user">
      <HomeHeader title="Страхователь" subtitle={user.policyholder?.name ?? 'Организация не указана'} />
      <SectionGrid>
        <EmptySection
          icon={IconCash}
          title="Выплат сотрудникам пока нет"
          text="Вы увидите выплаты тех сотрудников, кто дал согласие; по остальным — только общие цифры."
        />
        <EmptySection
          icon={IconBuildingBank}
          title="Договоры ДМС"
          text="Сведения о договорах со страховой компанией появятся после их загрузки."
        />
      </SectionGrid>
      <TokensHint />
    </section>
  );
}

export function OmsHome() {
  const user = useUser();
  return (
    <section data-testid="home-oms_rep">
      <HomeHeader
        title={`Страховой представитель ОМС · уровень ${user.omsLevel ?? '—'}`}
        subtitle="Журнал обращений граждан, эскалация, информирование и опросы."
      />
      <SectionGrid>
        <EmptySection
          icon={IconMessages}
          title="Обращений пока нет"
          text="Журнал обращений и их эскалация между уровнями ещё в разработке."
        />
        <EmptySection
          icon={IconStethoscope}
          title="Экспертизы и опросы"
          text="Жалобы с экспертизой, информирование и опросы появятся в следующих версиях."
        />
      </SectionGrid>
      <TokensHint />
    </section>
  );
}
