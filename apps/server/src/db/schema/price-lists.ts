import type { PriceListIssue } from '@remed/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, oneOf, ref, requiredRef, updatedAt } from './columns.ts';
import { clinics } from './organisations.ts';
import { users } from './users.ts';

/**
 * One version of a clinic's price list. A draft is being prepared (uploaded or edited); a published version
 * applies from `effective_from` until the next published version's date; a superseded one was replaced
 * before it came into force and never applies.
 */
export const priceListVersions = pgTable(
  'price_list_versions',
  {
    id: id(),
    clinicId: requiredRef('clinic_id', () => clinics.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… within the clinic. */
    number: integer('number').notNull(),
    status: text('status').$type<'draft' | 'published' | 'superseded'>().notNull(),
    effectiveFrom: date('effective_from'),
    source: text('source').$type<'file' | 'editor' | 'migration'>().notNull(),
    sourceFileName: text('source_file_name'),
    storageKey: text('storage_key'),
    /** SHA-256 of the uploaded file: the same file uploaded again finds its open draft. */
    fileSha256: text('file_sha256'),
    /** The version a draft made in the editor was copied from (its number within the clinic). */
    basedOnNumber: integer('based_on_number'),
    importStatus: text('import_status').$type<'queued' | 'running' | 'done' | 'failed'>().notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    /** Runs of the import started so far; the sweep gives up after a few (a file that kills the worker). */
    importAttempts: integer('import_attempts').notNull().default(0),
    /** While running: the worker renews this as it goes; past it, the worker is taken for dead. */
    importLeaseUntil: at('import_lease_until'),
    rowCount: integer('row_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    warningCount: integer('warning_count').notNull().default(0),
    /** The report of the last check, first issues only (the counts above are complete). */
    issues: jsonb('issues').$type<PriceListIssue[]>().notNull().default([]),
    createdBy: ref('created_by', () => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedBy: ref('published_by', () => users.id, { onDelete: 'set null' }),
    publishedAt: at('published_at'),
  },
  (t) => [
    unique('price_list_versions_number_uq').on(t.clinicId, t.number),
    // Two published versions of a clinic never start on the same day: the one in force is always one.
    uniqueIndex('price_list_versions_effective_uq')
      .on(t.clinicId, t.effectiveFrom)
      .where(sql`${t.status} = 'published'`),
    index('price_list_versions_clinic_idx').on(t.clinicId, t.status, t.effectiveFrom),
    oneOf('price_list_versions_status_ck', t.status, ['draft', 'published', 'superseded']),
    oneOf('price_list_versions_source_ck', t.source, ['file', 'editor', 'migration']),
    check(
      'price_list_versions_import_status_ck',
      sql`${t.importStatus} in ('queued','running','done','failed')`,
    ),
    check('price_list_versions_file_ck', sql`${t.source} <> 'file' or ${t.sourceFileName} is not null`),
    check('price_list_versions_draft_date_ck', sql`(${t.status} = 'draft') = (${t.effectiveFrom} is null)`),
    check(
      'price_list_versions_published_ck',
      sql`${t.status} = 'draft' or (${t.publishedAt} is not null and ${t.importStatus} = 'done' and ${t.errorCount} = 0)`,
    ),
    check(
      'price_list_versions_counts_ck',
      sql`${t.number} > 0 and ${t.rowCount} >= 0 and ${t.errorCount} >= 0 and ${t.warningCount} >= 0 and ${t.processedRows} >= 0 and ${t.totalRows} >= 0`,
    ),
  ],
);

/** Rows of a draft as the accountant typed them: any text, possibly wrong; `price` is null when unreadable. */
export const priceListDraftRows = pgTable(
  'price_list_draft_rows',
  {
    id: id(),
    versionId: requiredRef('version_id', () => priceListVersions.id, { onDelete: 'cascade' }),
    /** The row's line in the uploaded file (the header is line 1); rows added later continue the count. */
    line: integer('line').notNull(),
    clinicCode: text('clinic_code').notNull(),
    serviceCode: text('service_code').notNull(),
    name: text('name').notNull(),
    priceText: text('price_text').notNull(),
    price: bigint('price', { mode: 'number' }),
    note: text('note'),
  },
  (t) => [
    unique('price_list_draft_rows_line_uq').on(t.versionId, t.line),
    check('price_list_draft_rows_price_ck', sql`${t.price} > 0`),
  ],
);

/** The services and prices of a published (or superseded) version: checked, one row per 804н code. */
export const priceListItems = pgTable(
  'price_list_items',
  {
    id: id(),
    versionId: requiredRef('version_id', () => priceListVersions.id, { onDelete: 'cascade' }),
    /** Order of the rows as in the file (1, 2, 3…). */
    position: integer('position').notNull(),
    clinicCode: text('clinic_code').notNull(),
    serviceCode: text('service_code').notNull(),
    name: text('name').notNull(),
    price: bigint('price', { mode: 'number' }).notNull(),
    note: text('note'),
  },
  (t) => [
    unique('price_list_items_version_code_uq').on(t.versionId, t.serviceCode),
    // Prices of a code across clinics (the console's search and ranking) read from the index alone.
    index('price_list_items_code_version_idx').on(t.serviceCode, t.versionId, t.price),
    check('price_list_items_price_ck', sql`${t.price} > 0`),
    check('price_list_items_code_ck', sql`${t.serviceCode} ~ '^[AB]\\d{2}\\.\\d{2,3}\\.\\d{3}(\\.\\d{3})?$'`),
  ],
);

/**
 * Every distinct (804н code, name) pair ever published: the catalogue the console's service search looks
 * through first, a few tens of thousands of rows where the price lists hold millions. Written when a version
 * is published (same transaction, `on conflict do nothing`); never pruned, so the search checks that a code
 * is offered on the day through `price_list_items`.
 */
export const serviceNames = pgTable(
  'service_names',
  {
    serviceCode: text('service_code').notNull(),
    name: text('name').notNull(),
    /**
     * The name as words: lower case, ё as е, every run of other characters one space, a space at each end
     * («УЗ-исследование печени» → « уз исследование печени »). Trigrams of `like '% уз %'` on it find a
     * short word that a regular expression with \m…\M cannot give the trigram index.
     */
    words: text('words')
      .notNull()
      .generatedAlwaysAs(
        sql`' ' || regexp_replace(translate(lower(name), 'ё', 'е'), '[^a-zа-я0-9]+', ' ', 'g') || ' '`,
      ),
  },
  (t) => [
    primaryKey({ name: 'service_names_pk', columns: [t.serviceCode, t.name] }),
    index('service_names_words_trgm_idx').using('gin', sql`${t.words} gin_trgm_ops`),
    index('service_names_code_prefix_idx').on(t.serviceCode.op('text_pattern_ops')),
  ],
);
