import { type MantineSize, Text } from '@mantine/core';
import { ANSWER_LABELS } from './api.ts';

/** A request for help as the person wrote it: the complaint, then each answer under its question's name. */
export function RequestWords({
  complaint,
  answers,
  complaintSize,
  gap,
}: {
  complaint: string;
  answers: Record<string, string>;
  complaintSize: MantineSize;
  gap: number;
}) {
  return (
    <>
      <Text size={complaintSize} mt={gap} style={{ whiteSpace: 'pre-wrap' }}>
        {complaint}
      </Text>
      {Object.entries(answers).map(([k, v]) => (
        <Text key={k} size="sm" c="dimmed">
          {ANSWER_LABELS[k] ?? k}: {v}
        </Text>
      ))}
    </>
  );
}
