import { ActionIcon, Group, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconSearch, IconWifiOff } from '@tabler/icons-react';
import { useChatLive } from './live.tsx';

/** The conversation's title bar: back to the list on a phone, the search switch, and a mark when offline. */
export function ConversationHeader({
  heading,
  searching,
  onToggleSearch,
  onBack,
}: {
  heading: string;
  searching: boolean;
  onToggleSearch: () => void;
  onBack?: () => void;
}) {
  const live = useChatLive();
  const searchLabel = searching ? 'Закрыть поиск' : 'Поиск по переписке';
  return (
    <Group gap="xs" wrap="nowrap" pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      {onBack && (
        <ActionIcon
          variant="subtle"
          size="lg"
          onClick={onBack}
          aria-label="Назад к списку переписок"
          hiddenFrom="sm"
        >
          <IconArrowLeft size={20} />
        </ActionIcon>
      )}
      <Title order={2} size="h4" style={{ flex: 1, minWidth: 0 }} lineClamp={1}>
        {heading}
      </Title>
      <Tooltip label={searchLabel}>
        <ActionIcon
          variant={searching ? 'light' : 'subtle'}
          size="lg"
          onClick={onToggleSearch}
          aria-label={searchLabel}
          aria-pressed={searching}
        >
          <IconSearch size={18} />
        </ActionIcon>
      </Tooltip>
      {!live && (
        <Tooltip label="Нет связи для мгновенных обновлений, переподключаемся. Сообщения отправляются как обычно">
          <IconWifiOff size={18} color="var(--mantine-color-yellow-7)" aria-label="Обновления с задержкой" />
        </Tooltip>
      )}
    </Group>
  );
}
