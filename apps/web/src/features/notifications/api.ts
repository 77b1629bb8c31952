import type { NotificationList } from '@remed/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

const notificationsKey = ['me', 'notifications'] as const;

/** New notices appear without a reload: the bell asks every 20 s, and at once when the tab comes back. */
export const useNotifications = (limit = 30) =>
  useQuery({
    queryKey: [...notificationsKey, limit],
    queryFn: () => api.get<NotificationList>(`/api/me/notifications?limit=${limit}`),
    refetchInterval: 20_000,
    refetchOnWindowFocus: true,
  });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api.post('/api/me/notifications/read', ids ? { ids } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
