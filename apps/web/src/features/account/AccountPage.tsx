import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { roleLabel, userRoles } from '../../app/navigation.ts';
import { useUser } from '../../app/session.tsx';
import { PayoutDetailsForm } from '../claims/PayoutDetailsForm.tsx';
import { EmployerConsentSection } from '../insured/EmployerConsentSection.tsx';
import { SecondFactorSection } from '../second-factor/SecondFactorSection.tsx';
import { ApiTokensSection } from './ApiTokensSection.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function AccountPage() {
  const user = useUser();
  const canUseTokens = user.roles.some((r) => r !== 'insured');
  const orgs = [...user.clinics.map((c) => c.name), user.insurer?.name, user.policyholder?.name].filter(
    Boolean,
  );
  return (
    <Stack gap="lg" data-testid="page-account">
      <Title order={1} fz={{ base: 24, sm: 30 }}>
        Учётная запись
      </Title>
      <Card withBorder>
        <Text fw={600}>{user.fullName}</Text>
        <Text size="sm" c="dimmed">
          {userRoles(user)
            .map((r) => roleLabel(user, r))
            .join(', ')}
        </Text>
        {user.email && <Text size="sm">E-mail: {user.email}</Text>}
        {user.phone && <Text size="sm">Телефон: {user.phone}</Text>}
        {orgs.length > 0 && <Text size="sm">Организация: {orgs.join('; ')}</Text>}
      </Card>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          Смена пароля
        </Title>
        <ChangePasswordForm />
      </Card>
      {!user.roles.includes('insured') && <SecondFactorSection />}
      {user.roles.includes('insured') && (
        <Card withBorder data-testid="payout-details">
          <Title order={2} size="h3" mb={4}>
            Куда переводить деньги
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Возмещение и кэшбэк приходят по Системе быстрых платежей (СБП) на счёт, привязанный к телефону.
          </Text>
          <PayoutDetailsForm />
        </Card>
      )}
      {user.roles.includes('insured') && <EmployerConsentSection />}
      {user.roles.includes('insured') && (
        <Card withBorder>
          <Text>
            Все ваши согласия, журнал «Кто смотрел мои данные» и выгрузка данных — в разделе{' '}
            <Anchor component={Link} to="/my-data">
              «Мои данные и согласия»
            </Anchor>
            .
          </Text>
        </Card>
      )}
      {canUseTokens && <ApiTokensSection />}
    </Stack>
  );
}
