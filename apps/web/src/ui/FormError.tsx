import { Alert, type AlertProps } from '@mantine/core';

/** Why the whole form was refused (what did not belong to one field); nothing while there is no failure. */
export function FormError({
  message,
  ...props
}: { message: string | null; 'data-testid'?: string } & Pick<AlertProps, 'mb' | 'p' | 'icon'>) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" {...props}>
      {message}
    </Alert>
  );
}
