import { Anchor, Group, Image, Stack, Text } from '@mantine/core';
import { type ChatMessageView, isChatImage } from '@remed/core';
import { IconFile } from '@tabler/icons-react';
import { formatBytes } from '../../app/format.ts';
import { attachmentUrl, type ChatScope } from './api.ts';

/** A message's files: photos shown in place, other files as links to download. */
export function MessageAttachments({ scope, message }: { scope: ChatScope; message: ChatMessageView }) {
  if (!message.attachments.length) return null;
  return (
    <Stack gap={6} mt={message.body ? 6 : 0}>
      {message.attachments.map((a) => {
        const url = attachmentUrl(scope, a.id);
        return isChatImage(a.contentType) ? (
          <Anchor key={a.id} href={url} target="_blank" rel="noopener" aria-label={`Открыть ${a.fileName}`}>
            <Image
              src={url}
              alt={a.fileName}
              maw={240}
              mah={240}
              fit="contain"
              radius="sm"
              loading="lazy"
              data-testid="chat-image"
            />
          </Anchor>
        ) : (
          <Anchor key={a.id} href={url} download={a.fileName} size="sm" data-testid="chat-file">
            <Group gap={6} wrap="nowrap">
              <IconFile size={18} aria-hidden style={{ flexShrink: 0 }} />
              <Text span size="sm" style={{ wordBreak: 'break-all' }}>
                {a.fileName}
              </Text>
              <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatBytes(a.size)}
              </Text>
            </Group>
          </Anchor>
        );
      })}
    </Stack>
  );
}
