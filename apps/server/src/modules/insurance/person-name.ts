/** «Фамилия Имя Отчество», without the patronymic when there is none. */
export const fullNameOf = (p: { lastName: string; firstName: string; middleName: string | null }) =>
  [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
