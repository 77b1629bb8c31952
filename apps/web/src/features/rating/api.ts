import type { ClinicFeedbackView, ClinicRatingView } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export const useClinicRating = (clinicId: string) =>
  useQuery({
    queryKey: ['clinics', clinicId, 'rating'],
    queryFn: () => api.get<ClinicRatingView>(`/api/clinics/${clinicId}/rating`),
  });

export const useClinicFeedback = (clinicId: string) =>
  useQuery({
    queryKey: ['clinics', clinicId, 'feedback'],
    queryFn: () => api.get<ClinicFeedbackView>(`/api/clinics/${clinicId}/feedback`),
  });

/** 7.4 → «7,4». */
export const decimal = (n: number, digits = 1) =>
  n.toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });
