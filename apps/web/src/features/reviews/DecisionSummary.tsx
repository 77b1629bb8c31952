import { Alert, Loader, Text } from '@mantine/core';
import { formatRub } from '@remed/core';
import type { ApiError } from '../../app/api.ts';
import type { Preview } from './decisionLines.ts';

/** «Итог решения»: the reimbursement and cashback the current choices give, or why they cannot be decided. */
export function DecisionSummary({
  preview,
  error,
}: {
  preview: Preview | undefined;
  error: ApiError | null;
}) {
  return (
    <Alert
      color={error ? 'red' : preview?.status === 'rejected' ? 'orange' : 'teal'}
      title="Итог решения"
      data-testid="review-preview"
    >
      {error ? (
        error.message
      ) : preview ? (
        <>
          <Text size="sm" fw={700}>
            Возмещение {formatRub(preview.reimbursement)}, кэшбэк {formatRub(preview.cashback)}
          </Text>
          <Text size="sm">{preview.summary}</Text>
        </>
      ) : (
        <Loader size="sm" />
      )}
    </Alert>
  );
}
