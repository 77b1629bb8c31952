import { Alert, Anchor, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ClaimView } from '@remed/core';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { BackLink } from '../../ui/BackLink.tsx';
import { useLetter } from '../letters/api.ts';
import { useReviews } from './api.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { LetterCard } from './LetterCard.tsx';
import { ReasonBadges } from './ReasonBadges.tsx';
import { ReceiptCard } from './ReceiptCard.tsx';

function Review({ claim }: { claim: ClaimView }) {
  const letter = useLetter(claim.letterId);
  return (
    <>
      {claim.summary && (
        <Alert color="yellow" title="Почему чек на ручной проверке" data-testid="review-summary">
          <Text size="sm">{claim.summary}</Text>
          <ReasonBadges reasons={claim.reasons} variant="white" mt={6} />
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ReceiptCard claim={claim} />
        {letter.isError ? (
          <QueryError error={letter.error} retry={() => letter.refetch()} />
        ) : letter.isPending ? (
          <Skeleton h={240} />
        ) : (
          <LetterCard letter={letter.data} />
        )}
      </SimpleGrid>
      {letter.data && <DecisionForm claim={claim} letter={letter.data} />}
    </>
  );
}

/** A receipt the engine referred to a person: the receipt next to its letter, and the decision on it. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const reviews = useReviews();
  const claim = reviews.data?.find((c) => c.id === id);
  return (
    <Stack gap="md" maw={1200} data-testid="page-review">
      <BackLink to="/console/reviews">Все чеки на проверке</BackLink>
      <Title order={1} fz={{ base: 24, sm: 30 }}>
        Проверка чека
      </Title>
      {reviews.isError && <QueryError error={reviews.error} retry={() => reviews.refetch()} />}
      {reviews.isPending && <Skeleton h={300} />}
      {reviews.data && !claim && (
        <Alert color="gray" title="Чек уже не на проверке">
          По этому чеку решение уже принято или его нет.{' '}
          <Anchor component={Link} to="/console/reviews">
            Вернуться к списку
          </Anchor>
        </Alert>
      )}
      {claim && <Review claim={claim} />}
    </Stack>
  );
}
