import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

/**
 * The filter, the typed search and the page of a list kept on the screen: the search goes to the server
 * 300 ms after the last key (`q`), and any change of what is shown starts again from the first page.
 */
export function useListFilter<F extends object>(initial: F) {
  const [filter, setFilter] = useState<F>(initial);
  const [search, setSearchText] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const change = (next: Partial<F>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };
  const setSearch = (text: string) => {
    setSearchText(text);
    setPage(1);
  };
  return { filter, change, search, setSearch, q, page, setPage };
}
