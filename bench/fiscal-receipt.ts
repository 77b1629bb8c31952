/** The sums of a fiscal receipt paid in full by card (kopecks), and its items, in FNS naming. */
export function paidByCard<T extends { sum: number }>(items: T[]) {
  const total = items.reduce((s, it) => s + it.sum, 0);
  return {
    totalSum: total,
    cashTotalSum: 0,
    ecashTotalSum: total,
    prepaidSum: 0,
    creditSum: 0,
    provisionSum: 0,
    items,
  };
}
