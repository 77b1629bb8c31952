import { notifications } from '@mantine/notifications';
import { type ClaimView, formatRub } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { decideReview, type ReviewAction, reviewsKey, usePreview } from './api.ts';
import { initialChoices, type LineChoice, toLines } from './decisionLines.ts';

interface DecisionErrors {
  note?: string;
  form?: string;
  lines?: Record<string, string>;
}

/** The reviewer's decision on a receipt: a choice per line, the reason, the preview, and saving it. */
export function useDecision(claim: ClaimView) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<LineChoice[]>(() => initialChoices(claim));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<DecisionErrors>({});
  const [busy, setBusy] = useState<ReviewAction | null>(null);
  const preview = usePreview(claim, choices);
  const previewError = preview.error && isApiError(preview.error) ? preview.error : null;
  const lineError = (n: number) =>
    errors.lines?.[`lines.${claim.lines[n]!.item}`] ?? previewError?.fields[`lines.${claim.lines[n]!.item}`];
  const change = (n: number, patch: Partial<LineChoice>) =>
    setChoices((all) => all.map((c, k) => (k === n ? { ...c, ...patch } : c)));

  const decide = async (action: ReviewAction) => {
    if (note.trim().length < 3) {
      setErrors({ note: 'Укажите причину решения — её увидит застрахованный' });
      return;
    }
    setBusy(action);
    try {
      await decideReview(claim.id, {
        action,
        note: note.trim(),
        ...(action === 'approve' ? { lines: toLines(claim, choices) } : {}),
      });
      notifications.show({
        color: 'teal',
        message:
          action === 'approve'
            ? `Решение сохранено: возмещение ${formatRub(preview.data?.reimbursement ?? 0)}`
            : 'В возмещении отказано',
      });
      await queryClient.invalidateQueries({ queryKey: reviewsKey });
      navigate('/console/reviews');
    } catch (e) {
      setErrors({
        note: isApiError(e) ? e.fields.note : undefined,
        lines: isApiError(e) ? e.fields : undefined,
        form: isApiError(e) ? e.message : 'Не удалось сохранить решение',
      });
      setBusy(null);
    }
  };

  return { choices, change, note, setNote, errors, busy, preview, previewError, lineError, decide };
}
