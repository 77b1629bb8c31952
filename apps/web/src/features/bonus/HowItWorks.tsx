import { Card, List, Title } from '@mantine/core';
import { cashbackExample } from './api.ts';

/** What cashback is, who pays it, what it gives the clinic, and an example in rubles at the current percent. */
export function HowItWorks({ percent }: { percent: number | null }) {
  const shown = percent ?? 5;
  const example = cashbackExample(shown);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Как работает бонусная программа
      </Title>
      <List spacing={6} size="sm">
        <List.Item>
          Застрахованный получает кэшбэк — процент от суммы, которую он заплатил в клинике за услуги из
          гарантийного письма, — сверх возмещения страховой. Кэшбэк оплачивает клиника: сумма к выплате есть в
          разделе «Отчёты».
        </List.Item>
        <List.Item>
          Чем выше процент, тем выше клиника в списке, который врач медицинского пульта видит, когда выбирает
          клинику для пациента. Процент также входит в рейтинг клиники.
        </List.Item>
        <List.Item>
          Процент записывается в гарантийное письмо в день выдачи: изменение действует для писем, выданных с
          выбранной даты, и не меняет уже выданные. Задним числом изменить процент нельзя.
        </List.Item>
        <List.Item>
          Пример: при кэшбэке {shown} % пациент, оплативший приём за {example.paid}, получит {example.back}.
        </List.Item>
      </List>
    </Card>
  );
}
