import type { HelpRequestView, MyInsurance } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

interface ConsentState {
  kind: 'data_processing' | 'employer_sharing';
  version: string;
  acceptedAt: string;
  withdrawnAt: string | null;
}

interface ConsentText {
  kind: 'data_processing' | 'employer_sharing';
  version: string;
  title: string;
  text: string;
}

export const myRequestsKey = ['me', 'requests'] as const;
export const myConsentsKey = ['me', 'consents'] as const;

export const useMyInsurance = () =>
  useQuery({ queryKey: ['me', 'insurance'], queryFn: () => api.get<MyInsurance>('/api/me/insurance') });

export const useMyRequests = () =>
  useQuery({
    queryKey: myRequestsKey,
    queryFn: () => api.get<HelpRequestView[]>('/api/me/requests'),
    // The status is changed by the console, not here.
    staleTime: 0,
  });

export const useMyConsents = () =>
  useQuery({ queryKey: myConsentsKey, queryFn: () => api.get<ConsentState[]>('/api/me/consents') });

/** The consent texts with their versions; public, the same for everyone. */
export const useConsentTexts = () =>
  useQuery({
    queryKey: ['consent-texts'],
    queryFn: () => api.get<ConsentText[]>('/api/onboarding/consents'),
    staleTime: 60 * 60_000,
  });

export const REQUEST_STATUS: Record<
  HelpRequestView['status'],
  { label: string; color: string; hint: string }
> = {
  new: { label: 'Получено', color: 'blue', hint: 'Врач пульта скоро посмотрит обращение и позвонит вам.' },
  in_work: { label: 'В работе', color: 'yellow', hint: 'Врач пульта разбирается и подбирает клинику.' },
  closed: { label: 'Завершено', color: 'teal', hint: 'По обращению всё сделано.' },
};

export const ANSWER_LABELS: Record<string, string> = {
  since: 'Беспокоит с',
  temperature: 'Температура',
  preferredArea: 'Удобный район',
  contactTime: 'Когда звонить',
};
