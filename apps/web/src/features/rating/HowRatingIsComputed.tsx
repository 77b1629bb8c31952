import { Accordion, Stack, Text } from '@mantine/core';
import { RATING_CONSTANTS } from '@remed/core';

/** The formula in words, folded away until asked for. */
export function HowRatingIsComputed() {
  const C = RATING_CONSTANTS;
  return (
    <Accordion variant="contained">
      <Accordion.Item value="formula">
        <Accordion.Control>Как считается рейтинг</Accordion.Control>
        <Accordion.Panel>
          <Stack gap={6}>
            <Text size="sm">
              Рейтинг — от 0 до 10 баллов: сумма пяти частей. У каждой части свой максимум: оценки пациентов —
              3 балла, обоснованные жалобы — 2, цены — 2, кэшбэк — 1,5, услуги не из письма — 1,5.
            </Text>
            <Text size="sm">
              Учитываются последние 12 месяцев. Чтобы одна случайная оценка не подняла и не уронила клинику, к
              её оценкам добавляются {C.satisfactionPriorCount} условных оценок на уровне средней по всем
              клиникам, к визитам и чекам — по {C.complaintsPriorVisits} условных со средними по сети
              показателями (пока данных по сети мало, средние берутся близкими к типичным). Чем больше у
              клиники своих данных, тем меньше влияет поправка.
            </Text>
            <Text size="sm">
              Цены сравниваются с медианой цен других клиник на те же услуги (по номенклатуре 804н), на
              которые пульт выдавал гарантийные письма. Рейтинг пересчитывается каждую ночь и после новых
              оценок, решений по жалобам, чеков и изменения кэшбэка.
            </Text>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
