import { CloseButton, Group, Paper, Text } from '@mantine/core';
import { formatBytes, keyed } from '../../app/format.ts';

/** The files picked for the message not yet sent, each with a way to take it back. */
export function PendingFiles({ files, onRemove }: { files: File[]; onRemove: (file: File) => void }) {
  if (files.length === 0) return null;
  return (
    <Group gap={6} mb={6} aria-label="Файлы к сообщению">
      {keyed(files, (f) => f.name).map(({ key, item: f }) => (
        <Paper key={key} withBorder px={8} py={2} radius="xl" data-testid="chat-pending-file">
          <Group gap={4} wrap="nowrap">
            <Text size="xs" maw={180} truncate>
              {f.name}
            </Text>
            <Text size="xs" c="dimmed">
              {formatBytes(f.size)}
            </Text>
            <CloseButton size="xs" aria-label={`Убрать файл ${f.name}`} onClick={() => onRemove(f)} />
          </Group>
        </Paper>
      ))}
    </Group>
  );
}
