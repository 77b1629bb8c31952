import { Button, type ButtonProps } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ComponentPropsWithoutRef } from 'react';

type AnchorProps = Omit<ComponentPropsWithoutRef<'a'>, keyof ButtonProps | 'download'>;

/** A link that saves a file the server makes, shaped as a button with the download arrow. */
export function DownloadButton({
  iconSize,
  ...props
}: ButtonProps & AnchorProps & { iconSize: number; 'data-testid'?: string; 'data-disabled'?: boolean }) {
  return <Button component="a" download leftSection={<IconDownload size={iconSize} />} {...props} />;
}
