import { Skeleton } from '@mantine/core';
import { CabinetPage } from '../../app/CabinetPage.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { useClinicFeedback, useClinicRating } from './api.ts';
import { HowRatingIsComputed } from './HowRatingIsComputed.tsx';
import { PatientFeedback } from './PatientFeedback.tsx';
import { RatingComponents } from './RatingComponents.tsx';
import { RatingScore } from './RatingScore.tsx';

function ClinicRating({ clinicId }: { clinicId: string }) {
  const rating = useClinicRating(clinicId);
  const feedback = useClinicFeedback(clinicId);
  return (
    <>
      {rating.isError && <QueryError error={rating.error} retry={() => rating.refetch()} />}
      {rating.isPending && <Skeleton h={160} />}
      {rating.data && <RatingScore view={rating.data} />}
      {rating.data?.components && <RatingComponents components={rating.data.components} />}
      <HowRatingIsComputed />
      {feedback.isError && <QueryError error={feedback.error} retry={() => feedback.refetch()} />}
      {feedback.isPending && <Skeleton h={200} />}
      {feedback.data && <PatientFeedback feedback={feedback.data} />}
    </>
  );
}

export function RatingPage() {
  return (
    <CabinetPage
      title="Рейтинг клиники"
      intro="Как клиника выглядит среди других: по этому рейтингу, цене и кэшбэку врач медицинского пульта выбирает, куда направить пациента."
      testId="page-rating"
    >
      {(clinic) => <ClinicRating clinicId={clinic.id} />}
    </CabinetPage>
  );
}
