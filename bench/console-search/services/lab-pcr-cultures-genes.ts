/**
 * Services of the console search benchmark. Laboratory, third part: PCR by material, cultures, genetic
 * polymorphisms.
 */
import { add, hash } from './builder.ts';

// --- Laboratory: PCR, cultures, genetics.
const PATHOGENS: [genitive: string, short: string][] = [
  ['хламидии трахоматис (Chlamydia trachomatis)', 'Chlamydia trachomatis'],
  ['микоплазмы гениталиум (Mycoplasma genitalium)', 'Mycoplasma genitalium'],
  ['микоплазмы хоминис (Mycoplasma hominis)', 'Mycoplasma hominis'],
  ['уреаплазм (Ureaplasma spp.)', 'Ureaplasma spp.'],
  ['гонококка (Neisseria gonorrhoeae)', 'Neisseria gonorrhoeae'],
  ['трихомонас вагиналис (Trichomonas vaginalis)', 'Trichomonas vaginalis'],
  ['вируса папилломы человека (Papilloma virus) высокого онкогенного риска', 'ВПЧ высокого риска'],
  ['вируса простого герпеса 1 и 2 типов (Herpes simplex virus types 1, 2)', 'ВПГ 1/2'],
  ['цитомегаловируса (Cytomegalovirus)', 'ЦМВ'],
  ['вируса Эпштейна-Барр (Epstein-Barr virus)', 'ВЭБ'],
  ['гарднереллы вагиналис (Gardnerella vaginalis)', 'Gardnerella vaginalis'],
  ['грибов рода кандида (Candida spp.)', 'Candida spp.'],
  ['стрептококка группы B (Streptococcus agalactiae)', 'Streptococcus agalactiae'],
  ['коронавируса SARS-CoV-2', 'SARS-CoV-2'],
  ['вируса гриппа A и B', 'грипп A/B'],
  ['респираторно-синцитиального вируса', 'РС-вирус'],
  ['аденовируса', 'аденовирус'],
  ['возбудителя коклюша (Bordetella pertussis)', 'Bordetella pertussis'],
  ['микобактерий туберкулеза (Mycobacterium tuberculosis complex)', 'M. tuberculosis'],
  ['вируса гепатита C (Hepatitis C virus), качественное', 'HCV РНК'],
  ['вируса гепатита B (Hepatitis B virus), качественное', 'HBV ДНК'],
  ['вируса иммунодефицита человека ВИЧ-1, количественное', 'ВИЧ РНК'],
];
const MATERIALS: [prefix: string, genitive: string, short: string][] = [
  ['A26.20', 'отделяемого слизистых оболочек женских половых органов', 'соскоб урогенитальный (ж)'],
  ['A26.21', 'отделяемого из уретры', 'соскоб из уретры (м)'],
  ['A26.08', 'мазков со слизистой оболочки носоглотки', 'мазок из носоглотки'],
  ['A26.05', 'крови', 'кровь'],
  ['A26.28', 'мочи', 'моча'],
  ['A26.07', 'слюны', 'слюна'],
];
for (const [prefix, material, mshort] of MATERIALS)
  for (const [gen, short] of PATHOGENS.filter((_, i) => hash(prefix + i) % 10 < 7))
    add(
      'lab',
      prefix,
      undefined,
      [
        `Молекулярно-биологическое исследование ${material} на ${gen}`,
        `ПЦР ${short}, ${mshort}`,
        `${short} (ПЦР), ${mshort}`,
        `Выявление ДНК/РНК ${short} методом ПЦР (${mshort})`,
      ],
      [350, 1500],
    );
const CULTURE: [prefix: string, genitive: string, short: string][] = [
  ['A26.08', 'слизи с миндалин и задней стенки глотки', 'зева'],
  ['A26.08', 'слизи и пленок с миндалин', 'с миндалин'],
  ['A26.08', 'отделяемого из носа', 'из носа'],
  ['A26.28', 'мочи', 'мочи'],
  ['A26.19', 'фекалий', 'кала'],
  ['A26.20', 'отделяемого женских половых органов', 'из влагалища'],
  ['A26.21', 'отделяемого из уретры', 'из уретры'],
  ['A26.25', 'отделяемого из ушей', 'из уха'],
  ['A26.26', 'отделяемого конъюнктивы', 'с конъюнктивы'],
  ['A26.09', 'мокроты', 'мокроты'],
  ['A26.01', 'гнойного отделяемого', 'раневого отделяемого'],
  ['A26.05', 'крови', 'крови на стерильность'],
  ['A26.21', 'эякулята', 'эякулята'],
  ['A26.30', 'желчи', 'желчи'],
];
for (const [prefix, gen, short] of CULTURE) {
  add(
    'lab',
    prefix,
    undefined,
    [
      `Микробиологическое (культуральное) исследование ${gen} на аэробные и факультативно-анаэробные микроорганизмы`,
      `Посев ${short} на флору с определением чувствительности к антибиотикам`,
      `Бакпосев ${short}`,
    ],
    [700, 1800],
  );
  add(
    'lab',
    prefix,
    undefined,
    [
      `Микробиологическое (культуральное) исследование ${gen} на грибы рода кандида (Candida spp.)`,
      `Посев ${short} на грибы рода Candida`,
      `Посев ${short} на кандиды`,
    ],
    [500, 1200],
  );
}
const GENES: [string, string][] = [
  ['F2 (протромбин), G20210A', 'F2'],
  ['F5 (фактор Лейдена), G1691A', 'F5 Лейден'],
  ['MTHFR, C677T', 'MTHFR C677T'],
  ['MTHFR, A1298C', 'MTHFR A1298C'],
  ['PAI-1 (SERPINE1), 5G/4G', 'PAI-1'],
  ['FGB (фибриноген), G-455A', 'FGB'],
  ['ITGA2, C807T', 'ITGA2'],
  ['ITGB3, T1565C', 'ITGB3'],
  ['F7, G10976A', 'F7'],
  ['F13A1, G103T', 'F13'],
  ['MTR, A2756G', 'MTR'],
  ['MTRR, A66G', 'MTRR'],
  ['HLA-B27', 'HLA-B27'],
  ['LCT (лактазная недостаточность), C-13910T', 'LCT'],
  ['UGT1A1 (синдром Жильбера)', 'UGT1A1'],
  ['CYP2C9 и VKORC1 (чувствительность к варфарину)', 'варфарин'],
  ['HFE (гемохроматоз), C282Y, H63D', 'HFE'],
  ['BRCA1 и BRCA2, основные мутации', 'BRCA1/2'],
];
for (const [gene, short] of GENES)
  add(
    'lab',
    'A27.05',
    undefined,
    [
      `Молекулярно-генетическое исследование полиморфизма гена ${gene} в крови`,
      `Генетический тест ${short}`,
      `Полиморфизм ${short}`,
    ],
    [1200, 6000],
  );
