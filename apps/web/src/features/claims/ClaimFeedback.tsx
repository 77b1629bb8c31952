import { Badge, Button, Card, Collapse, Group, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ClaimFeedbackView, type ClaimView, COMPLAINT_STATUS_TITLES } from '@remed/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api.ts';
import { FormError } from '../../ui/FormError.tsx';
import { useCheckedSave } from '../../ui/useCheckedSave.ts';
import { claimsKey } from './api.ts';

/** With the claim's status: when the receipt is approved, what the person may do changes, so ask again. */
const feedbackKey = (claimId: string, status: ClaimView['status']) =>
  [...claimsKey, claimId, 'feedback', status] as const;

const STAR_WORDS = ['', 'очень плохо', 'плохо', 'нормально', 'хорошо', 'отлично'];

function RateForm({ claimId, onSaved }: { claimId: string; onSaved: (v: ClaimFeedbackView) => void }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const { errors, saving, save } = useCheckedSave(['stars', 'comment'], 'Не удалось отправить оценку');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return save({ stars: stars ? undefined : 'Поставьте оценку от 1 до 5 звёзд' }, async () => {
      const saved = await api.post<ClaimFeedbackView>(`/api/me/claims/${claimId}/rating`, {
        stars,
        comment: comment.trim() || null,
      });
      onSaved(saved);
      notifications.show({ color: 'teal', message: 'Спасибо за оценку!' });
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="rate-form">
      <Stack gap="sm">
        <FormError message={errors.form ?? null} />
        <Stack gap={4}>
          <Text fw={600} id="rate-label">
            Как прошёл визит?
          </Text>
          <Group gap="sm">
            <Rating
              value={stars}
              onChange={setStars}
              size="xl"
              aria-labelledby="rate-label"
              getSymbolLabel={(n) => `${n} из 5: ${STAR_WORDS[n]}`}
              data-testid="rate-stars"
            />
            {stars > 0 && <Text c="dimmed">{STAR_WORDS[stars]}</Text>}
          </Group>
          {errors.stars && (
            <Text c="red" size="sm" role="alert">
              {errors.stars}
            </Text>
          )}
        </Stack>
        <Textarea
          label="Комментарий (необязательно)"
          description="Клиника увидит оценку и комментарий без вашего имени"
          autosize
          minRows={2}
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errors.comment}
          data-testid="rate-comment"
        />
        <Group>
          <Button type="submit" loading={saving} data-testid="rate-submit">
            Отправить оценку
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ComplaintForm({ claimId, onSaved }: { claimId: string; onSaved: (v: ClaimFeedbackView) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const { errors, saving, save } = useCheckedSave(['text'], 'Не удалось отправить жалобу');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const tooShort = text.trim().length < 10;
    return save(
      { text: tooShort ? 'Опишите, что случилось, хотя бы в одном предложении' : undefined },
      async () => {
        onSaved(
          await api.post<ClaimFeedbackView>(`/api/me/claims/${claimId}/complaint`, { text: text.trim() }),
        );
        notifications.show({ color: 'teal', message: 'Жалоба отправлена врачу медицинского пульта' });
      },
    );
  };

  return (
    <Stack gap="xs">
      <Button
        variant="subtle"
        color="red"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        w="fit-content"
        px={0}
        data-testid="complaint-open"
      >
        Пожаловаться на клинику
      </Button>
      <Collapse in={open}>
        <form onSubmit={submit} noValidate data-testid="complaint-form">
          <Stack gap="sm">
            <FormError message={errors.form ?? null} />
            <Textarea
              label="Что случилось"
              description="Жалобу рассмотрит врач медицинского пульта и ответит здесь. Клиника не увидит ваше имя"
              autosize
              minRows={3}
              maxLength={2000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errors.text}
              data-testid="complaint-text"
            />
            <Group>
              <Button
                type="submit"
                color="red"
                variant="light"
                loading={saving}
                data-testid="complaint-submit"
              >
                Отправить жалобу
              </Button>
            </Group>
          </Stack>
        </form>
      </Collapse>
    </Stack>
  );
}

/** After a visit: rate the clinic once, and complain about it if something went wrong. */
export function ClaimFeedback({ claimId, status }: { claimId: string; status: ClaimView['status'] }) {
  const queryClient = useQueryClient();
  const feedback = useQuery({
    queryKey: feedbackKey(claimId, status),
    queryFn: () => api.get<ClaimFeedbackView>(`/api/me/claims/${claimId}/feedback`),
  });
  const saved = (v: ClaimFeedbackView) => queryClient.setQueryData(feedbackKey(claimId, status), v);
  const f = feedback.data;
  if (!f || (!f.canRate && !f.rating && !f.canComplain && !f.complaint)) return null;

  return (
    <Card withBorder padding="lg" data-testid="claim-feedback">
      <Stack gap="md">
        <Title order={2} size="h3">
          Ваш отзыв о клинике
        </Title>
        {f.rating ? (
          <Stack gap={4} data-testid="rate-done">
            <Group gap="sm">
              <Rating value={f.rating.stars} readOnly aria-label={`Ваша оценка: ${f.rating.stars} из 5`} />
              <Text c="dimmed">Ваша оценка</Text>
            </Group>
            {f.rating.comment && <Text>{f.rating.comment}</Text>}
          </Stack>
        ) : f.canRate ? (
          <RateForm claimId={claimId} onSaved={saved} />
        ) : (
          status === 'manual_review' && (
            <Text c="dimmed">Оценить визит можно, когда врач-эксперт одобрит чек.</Text>
          )
        )}
        {f.complaint ? (
          <Stack gap={4} data-testid="complaint-done">
            <Group gap="xs">
              <Text fw={600}>Ваша жалоба</Text>
              <Badge
                variant="light"
                color={f.complaint.status === 'new' ? 'yellow' : 'gray'}
                style={{ textTransform: 'none' }}
              >
                {COMPLAINT_STATUS_TITLES[f.complaint.status]}
              </Badge>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {f.complaint.text}
            </Text>
            {f.complaint.decisionReason && <Text size="sm">Ответ пульта: {f.complaint.decisionReason}</Text>}
          </Stack>
        ) : (
          f.canComplain && <ComplaintForm claimId={claimId} onSaved={saved} />
        )}
      </Stack>
    </Card>
  );
}
