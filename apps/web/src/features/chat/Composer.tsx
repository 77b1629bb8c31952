import { ActionIcon, Alert, Box, Button, FileButton, Group, Text, Textarea, Tooltip } from '@mantine/core';
import { CHAT_ATTACHMENT_ACCEPT, CHAT_MESSAGE_MAX, type ChatThreadView } from '@remed/core';
import { IconPaperclip, IconSend } from '@tabler/icons-react';
import type { ChatScope } from './api.ts';
import { PendingFiles } from './PendingFiles.tsx';
import { useComposer } from './useComposer.ts';

/** The message form under a conversation: text, files, and Enter to send (Shift+Enter for a new line). */
export function Composer({ scope, thread }: { scope: ChatScope; thread: ChatThreadView }) {
  const c = useComposer(scope, thread);
  return (
    <Box component="form" onSubmit={c.submit} pt="xs" data-testid="chat-composer" noValidate>
      {c.error && (
        <Alert color="red" role="alert" mb="xs" py={6} withCloseButton onClose={() => c.setError(null)}>
          {c.error}
        </Alert>
      )}
      <PendingFiles files={c.files} onRemove={c.removeFile} />
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <FileButton onChange={c.addFiles} accept={CHAT_ATTACHMENT_ACCEPT} multiple resetRef={c.resetFiles}>
          {(props) => (
            <Tooltip label="Приложить файлы: фото, PDF, Word, Excel — до 5 файлов по 10 МБ">
              <ActionIcon
                {...props}
                variant="default"
                size={36}
                aria-label="Приложить файлы"
                data-testid="chat-attach"
              >
                <IconPaperclip size={20} />
              </ActionIcon>
            </Tooltip>
          )}
        </FileButton>
        <Textarea
          aria-label="Сообщение"
          placeholder="Сообщение (Shift+Enter — новая строка)"
          autosize
          minRows={1}
          maxRows={6}
          maxLength={CHAT_MESSAGE_MAX}
          value={c.text}
          onChange={(e) => c.setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              c.submit();
            }
          }}
          style={{ flex: 1 }}
          data-testid="chat-input"
        />
        <Button
          type="submit"
          loading={c.sending}
          leftSection={<IconSend size={18} />}
          px="sm"
          aria-label="Отправить"
        >
          <Text span visibleFrom="xs">
            Отправить
          </Text>
        </Button>
      </Group>
    </Box>
  );
}
