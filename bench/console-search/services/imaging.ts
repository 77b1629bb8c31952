/**
 * Services of the console search benchmark. X-ray, MRI and CT by zone, and the X-ray studies that have no
 * zone.
 */
import { add } from './builder.ts';

// --- X-ray, MRI and CT by zone.
const ZONES: [sys: string, genitive: string, xray: boolean, mri: boolean, ct: boolean, core: boolean][] = [
  ['23', 'головного мозга', false, true, true, true],
  ['23', 'гипофиза', false, true, false, false],
  ['03', 'шейного отдела позвоночника', true, true, true, true],
  ['03', 'грудного отдела позвоночника', true, true, true, true],
  ['03', 'поясничного отдела позвоночника', true, true, true, true],
  ['03', 'пояснично-крестцового отдела позвоночника', true, true, true, false],
  ['03', 'крестца и копчика', true, true, false, false],
  ['04', 'коленного сустава', true, true, true, true],
  ['04', 'тазобедренного сустава', true, true, true, true],
  ['04', 'плечевого сустава', true, true, true, true],
  ['04', 'локтевого сустава', true, true, true, false],
  ['04', 'голеностопного сустава', true, true, true, true],
  ['04', 'лучезапястного сустава', true, true, false, false],
  ['03', 'кисти', true, true, false, false],
  ['03', 'стопы', true, true, false, true],
  ['03', 'черепа', true, false, true, false],
  ['03', 'ключицы', true, false, false, false],
  ['03', 'ребер', true, false, true, false],
  ['03', 'костей таза', true, true, true, false],
  ['03', 'бедренной кости', true, true, false, false],
  ['03', 'костей голени', true, true, false, false],
  ['03', 'плечевой кости', true, false, false, false],
  ['03', 'костей предплечья', true, false, false, false],
  ['03', 'пяточной кости', true, false, false, false],
  ['03', 'нижней челюсти', true, false, true, false],
  ['08', 'придаточных пазух носа', true, true, true, true],
  ['08', 'носоглотки', true, true, false, false],
  ['25', 'височной кости', true, false, true, false],
  ['26', 'орбит', false, true, true, false],
  ['09', 'органов грудной клетки', true, false, true, true],
  ['10', 'сердца', false, true, true, false],
  ['16', 'пищевода', true, false, false, false],
  ['16', 'желудка и двенадцатиперстной кишки', true, false, false, false],
  ['30', 'органов брюшной полости', true, true, true, true],
  ['30', 'забрюшинного пространства', false, true, true, false],
  ['28', 'почек', true, true, true, false],
  ['30', 'органов малого таза', false, true, true, true],
  ['20', 'молочных желез', false, true, false, false],
  ['14', 'печени', false, true, true, false],
  ['12', 'сосудов головного мозга', false, true, true, false],
  ['01', 'мягких тканей', false, true, false, false],
  ['11', 'средостения', false, true, true, false],
  ['22', 'надпочечников', false, true, true, false],
];
const REAL: Record<string, string> = {
  'xray органов грудной клетки': 'A06.09.007',
  'mri головного мозга': 'A05.23.009',
  'mric головного мозга': 'A05.23.009.001',
  'ct головного мозга': 'A06.23.004',
  'xray шейного отдела позвоночника': 'A06.03.002',
  'xray поясничного отдела позвоночника': 'A06.03.015',
  'xray коленного сустава': 'A06.04.005',
  'mri коленного сустава': 'A05.04.001',
  'ct органов грудной клетки': 'A06.09.005',
  'xray придаточных пазух носа': 'A06.08.003',
};
for (const [sys, gen, xray, mri, ct, core] of ZONES) {
  if (xray)
    add(
      'xray',
      `A06.${sys}`,
      REAL[`xray ${gen}`],
      [
        `Рентгенография ${gen}`,
        `Рентген ${gen}`,
        `Рентгенография ${gen} в двух проекциях`,
        `Обзорная рентгенография ${gen}`,
        `R-графия ${gen}`,
      ],
      [1000, 3000],
      core,
    );
  if (mri) {
    add(
      'mri',
      `A05.${sys}`,
      REAL[`mri ${gen}`],
      [
        `Магнитно-резонансная томография ${gen}`,
        `МРТ ${gen}`,
        `МР-томография ${gen}`,
        `МРТ ${gen} (1,5 Тесла)`,
      ],
      [4000, 9000],
      core,
    );
    add(
      'mri',
      `A05.${sys}`,
      REAL[`mric ${gen}`],
      [
        `Магнитно-резонансная томография ${gen} с контрастированием`,
        `МРТ ${gen} с контрастом`,
        `МРТ ${gen} с внутривенным контрастированием`,
      ],
      [7000, 16000],
    );
  }
  if (ct) {
    add(
      'ct',
      `A06.${sys}`,
      REAL[`ct ${gen}`],
      [
        `Компьютерная томография ${gen}`,
        `КТ ${gen}`,
        `МСКТ ${gen}`,
        `Спиральная компьютерная томография ${gen}`,
      ],
      [3500, 8000],
      core,
    );
    add(
      'ct',
      `A06.${sys}`,
      undefined,
      [
        `Компьютерная томография ${gen} с внутривенным болюсным контрастированием`,
        `КТ ${gen} с контрастированием`,
        `МСКТ ${gen} с в/в контрастом`,
      ],
      [6000, 14000],
    );
  }
}
for (const [code, names, core] of [
  ['A06.20.004', ['Маммография', 'Маммография обеих молочных желез в двух проекциях'], true],
  ['A06.09.006', ['Флюорография легких', 'Флюорография', 'ФЛГ органов грудной клетки'], true],
  ['A06.07.004', ['Ортопантомография', 'ОПТГ', 'Панорамный снимок зубов'], false],
  [
    'A06.07.003',
    ['Прицельная внутриротовая контактная рентгенография', 'Рентген зуба (прицельный снимок)', 'Визиограмма'],
    false,
  ],
  ['A06.03.061', ['Рентгеноденситометрия', 'Денситометрия'], false],
  ['A06.10.006', ['Коронарография', 'Рентгенография коронарных артерий (коронарография)'], false],
] as [string, string[], boolean][])
  add('xray', code.slice(0, 6), code, names, [1200, 3500], core);
