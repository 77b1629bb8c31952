import { notifications } from '@mantine/notifications';
import type { PriceListRowView } from '@remed/core';
import { useState } from 'react';
import { api, isApiError } from '../../app/api.ts';
import { priceListsUrl, useRefreshPriceLists } from './api.ts';

/** Which row is open for editing ('new' for one being added), and deleting a row. */
export function useRowEditing(clinicId: string, versionId: string) {
  const refresh = useRefreshPriceLists(clinicId);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  /** The form closed: the saved row's edit button takes the focus back. */
  const done = (savedId: string | null) => {
    setEditing(null);
    if (savedId)
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-edit-row="${savedId}"]`)?.focus(),
      );
  };

  const remove = async (row: PriceListRowView) => {
    setDeleting(row.id);
    try {
      await api.delete(priceListsUrl(clinicId, `/${versionId}/rows/${row.id}`));
      await refresh();
      notifications.show({ color: 'teal', message: `Строка ${row.line} удалена` });
    } catch (e) {
      notifications.show({ color: 'red', message: isApiError(e) ? e.message : 'Не удалось удалить строку' });
    } finally {
      setDeleting(null);
    }
  };

  return { editing, setEditing, deleting, done, remove };
}

export type RowEditing = ReturnType<typeof useRowEditing>;
