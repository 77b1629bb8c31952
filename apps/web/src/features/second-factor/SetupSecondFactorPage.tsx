import { zodResolver } from '@hookform/resolvers/zod';
import {
  Anchor,
  Button,
  Center,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { confirmEnrolmentRequestSchema } from '@remed/core';
import { IconCheck, IconCopy, IconShieldLock } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import type { z } from 'zod';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { useServerForm } from '../../app/forms.ts';
import { useSession, useUser } from '../../app/session.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { confirmEnrolment, groupSecret, secondFactorKey, startEnrolment } from './api.ts';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';

type CodeForm = z.input<typeof confirmEnrolmentRequestSchema>;

/** Staff see this before anything else until the authenticator is set up; others may come from «Учётная запись». */
export function SetupSecondFactorPage() {
  const user = useUser();
  const { refresh, signOut } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const enrolment = useQuery({
    // Not under secondFactorKey: refreshing the status must not start the set-up again.
    queryKey: ['second-factor-enrolment'],
    queryFn: startEnrolment,
    enabled: user.secondFactor !== 'enrolled',
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const form = useServerForm<CodeForm>(
    { resolver: zodResolver(confirmEnrolmentRequestSchema), defaultValues: { code: '' } },
    ['code'],
  );
  const { field, formError } = form;
  const { isSubmitting } = form.formState;

  if (user.secondFactor === 'enrolled' && !codes) return <Navigate to="/account" replace />;
  const login = user.email ?? user.phone ?? user.fullName;

  const onSubmit = form.submit(async ({ code }) => {
    setCodes((await confirmEnrolment(code)).recoveryCodes);
  });

  const finish = async () => {
    await queryClient.invalidateQueries({ queryKey: secondFactorKey });
    await refresh();
    navigate('/', { replace: true });
  };

  return (
    <Center mih="100dvh" p={{ base: 'xs', sm: 'md' }} bg="gray.0">
      <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} w="100%" maw={560} radius="lg">
        {codes ? (
          <RecoveryCodesPanel
            codes={codes}
            login={login}
            onDone={finish}
            doneLabel="Готово, коды сохранены"
          />
        ) : (
          <Stack gap="lg" data-testid="page-second-factor-setup">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon size={44} radius="xl" color="teal" variant="light">
                <IconShieldLock size={26} />
              </ThemeIcon>
              <div>
                <Title order={1} fz={{ base: 22, sm: 26 }}>
                  Вход с кодом из телефона
                </Title>
                <Text size="sm" c="dimmed">
                  Сотрудники входят в два шага: пароль и код из приложения на телефоне. Так под вашим именем
                  никто не войдёт, даже если узнает пароль.
                </Text>
              </div>
            </Group>
            <List type="ordered" spacing="lg" size="sm">
              <List.Item>
                Установите на телефон приложение-аутентификатор: Яндекс Ключ, Google Authenticator, Microsoft
                Authenticator или другое.
              </List.Item>
              <List.Item>
                <Text size="sm" mb="xs">
                  Добавьте в приложении новую запись и отсканируйте QR-код:
                </Text>
                {enrolment.isPending && <Loader aria-label="Загрузка" />}
                {enrolment.isError && (
                  <QueryError error={enrolment.error} retry={() => enrolment.refetch()} />
                )}
                {enrolment.data && (
                  <Stack gap="xs">
                    <Image
                      src={enrolment.data.qrDataUrl}
                      alt="QR-код для приложения-аутентификатора"
                      w={188}
                      h={188}
                      bg="white"
                      data-testid="second-factor-qr"
                    />
                    <Text size="sm">Не получается отсканировать? Введите ключ вручную:</Text>
                    <Group gap="xs" align="center">
                      <Code
                        fz="md"
                        p="xs"
                        style={{ wordSpacing: '0.2em' }}
                        data-testid="second-factor-secret"
                      >
                        {groupSecret(enrolment.data.secret)}
                      </Code>
                      <CopyButton value={enrolment.data.secret}>
                        {({ copied, copy }) => (
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            onClick={copy}
                            leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                          >
                            {copied ? 'Скопирован' : 'Копировать'}
                          </Button>
                        )}
                      </CopyButton>
                    </Group>
                    <Text size="xs" c="dimmed">
                      Тип — по времени, 6 цифр. Учётная запись: {login}
                    </Text>
                  </Stack>
                )}
              </List.Item>
              <List.Item>
                <Text size="sm" mb="xs">
                  Введите шесть цифр, которые сейчас показывает приложение:
                </Text>
                <form onSubmit={onSubmit} noValidate>
                  <Stack gap="sm" maw={{ base: '100%', xs: 260 }}>
                    <FormError message={formError} data-testid="second-factor-setup-error" />
                    <TextInput
                      label="Код из приложения"
                      placeholder="123456"
                      inputMode="numeric"
                      autoComplete="one-time-code"
                      maxLength={7}
                      size="md"
                      {...field('code')}
                    />
                    <Button type="submit" loading={isSubmitting} disabled={!enrolment.data}>
                      Подтвердить
                    </Button>
                  </Stack>
                </form>
              </List.Item>
            </List>
            {user.secondFactor === 'setup_required' ? (
              <Text size="sm" c="dimmed">
                Нет смартфона или что-то не получается? Обратитесь к администратору.{' '}
                <Anchor component="button" type="button" size="sm" onClick={() => signOut()}>
                  Выйти
                </Anchor>
              </Text>
            ) : (
              <Anchor component={Link} to="/account" size="sm">
                Вернуться в учётную запись
              </Anchor>
            )}
          </Stack>
        )}
      </Paper>
    </Center>
  );
}
