/** What to tell a person whose payout the СБП network refused, and what to fix. */
export function cancelAdvice(reason: string): string {
  if (reason === 'recipient_not_found')
    return 'в выбранном банке нет счёта, привязанного к этому телефону. Проверьте банк и номер для СБП';
  if (reason === 'recipient_check_failed')
    return 'банк не подтвердил получателя. Проверьте ФИО и номер телефона для СБП';
  return 'банк отклонил перевод. Проверьте данные для СБП или выберите другой банк';
}
