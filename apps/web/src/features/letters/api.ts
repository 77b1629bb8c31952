import type { LetterView } from '@remed/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export const lettersKey = ['letters'] as const;

// Letters are issued by someone else (the console): always check for new ones when a page opens.
export const useLetters = () =>
  useQuery({ queryKey: lettersKey, queryFn: () => api.get<LetterView[]>('/api/letters'), staleTime: 0 });

export const useLetter = (id: string) =>
  useQuery({ queryKey: [...lettersKey, id], queryFn: () => api.get<LetterView>(`/api/letters/${id}`) });

export const letterPdfUrl = (id: string) => `/api/letters/${id}/pdf`;
export const letterJsonUrl = (id: string) => `/api/letters/${id}/export.json`;
