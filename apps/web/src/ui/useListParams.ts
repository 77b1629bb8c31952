import { useSearchParams } from 'react-router';

/**
 * A list's filter and page kept in the address, so that a link or the back button shows the same list:
 * `set({ key: value })` puts the values in (an empty one removes its key) and, unless the page itself
 * changes, goes back to the first page. The history is replaced, not added to, while filtering.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const set = (values: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(values)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in values)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  return { params, page, set };
}
