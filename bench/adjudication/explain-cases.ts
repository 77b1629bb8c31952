/**
 * Shows how the engine reads the cases named: each letter line and receipt item as kind, object and
 * qualifiers, and what each item matched. For tuning the lexicon on a wrong receipt of the scorer.
 * Run: cd bench && npx tsx adjudication/explain-cases.ts adjudication/corpus clean-001 variant-010
 */
import { readdirSync, readFileSync } from 'node:fs';
import { matchItem, prepareLines, readServiceName } from '@remed/core';

const [dir, ...rest] = process.argv.slice(2);
const ids = new Set(rest);
for (const f of readdirSync(dir!).filter((x) => x.endsWith('.json'))) {
  for (const c of JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))) {
    if (!ids.has(c.id)) continue;
    console.log(
      `== ${c.id}: ${c.expected.map((e: { status: string; note: string; labels?: unknown }) => `${e.status} ${JSON.stringify(e.labels)} ${e.note}`).join(' / ')}`,
    );
    const lines = prepareLines(c.letter.items);
    for (const l of lines)
      console.log(
        `  L${l.item.line} ${l.code ?? ''} ${l.item.price} «${l.item.name}» ${l.name.kind} [${l.name.object}] ${JSON.stringify(l.name.qualifiers)}`,
      );
    for (const r of c.receipts)
      for (const it of r.items) {
        const n = readServiceName(it.name);
        console.log(
          `   - «${it.name}» ${it.price} → ${JSON.stringify(matchItem(it, lines))}  ${n.kind} [${n.object}] ${JSON.stringify(n.qualifiers)}${n.generic ? ' G' : ''}`,
        );
      }
  }
}
