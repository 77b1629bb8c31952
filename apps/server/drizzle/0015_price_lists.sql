CREATE TABLE "price_list_draft_rows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"clinic_code" text NOT NULL,
	"service_code" text NOT NULL,
	"name" text NOT NULL,
	"price_text" text NOT NULL,
	"price" bigint,
	"note" text,
	CONSTRAINT "price_list_draft_rows_line_uq" UNIQUE("version_id","line"),
	CONSTRAINT "price_list_draft_rows_price_ck" CHECK ("price_list_draft_rows"."price" > 0)
);
--> statement-breakpoint
CREATE TABLE "price_list_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"effective_from" date,
	"source" text NOT NULL,
	"source_file_name" text,
	"storage_key" text,
	"file_sha256" text,
	"based_on_number" integer,
	"import_status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"warning_count" integer DEFAULT 0 NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	CONSTRAINT "price_list_versions_number_uq" UNIQUE("clinic_id","number"),
	CONSTRAINT "price_list_versions_status_ck" CHECK ("price_list_versions"."status" in ('draft','published','superseded')),
	CONSTRAINT "price_list_versions_source_ck" CHECK ("price_list_versions"."source" in ('file','editor','migration')),
	CONSTRAINT "price_list_versions_import_status_ck" CHECK ("price_list_versions"."import_status" in ('queued','running','done','failed')),
	CONSTRAINT "price_list_versions_file_ck" CHECK ("price_list_versions"."source" <> 'file' or "price_list_versions"."source_file_name" is not null),
	CONSTRAINT "price_list_versions_draft_date_ck" CHECK (("price_list_versions"."status" = 'draft') = ("price_list_versions"."effective_from" is null)),
	CONSTRAINT "price_list_versions_published_ck" CHECK ("price_list_versions"."status" = 'draft' or ("price_list_versions"."published_at" is not null and "price_list_versions"."import_status" = 'done' and "price_list_versions"."error_count" = 0)),
	CONSTRAINT "price_list_versions_counts_ck" CHECK ("price_list_versions"."number" > 0 and "price_list_versions"."row_count" >= 0 and "price_list_versions"."error_count" >= 0 and "price_list_versions"."warning_count" >= 0 and "price_list_versions"."processed_rows" >= 0 and "price_list_versions"."total_rows" >= 0)
);
--> statement-breakpoint
ALTER TABLE "price_list_items" ADD COLUMN "version_id" uuid;--> statement-breakpoint
ALTER TABLE "price_list_items" ADD COLUMN "position" integer;--> statement-breakpoint
ALTER TABLE "price_list_items" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "price_list_draft_rows" ADD CONSTRAINT "price_list_draft_rows_version_id_price_list_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."price_list_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_versions" ADD CONSTRAINT "price_list_versions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_versions" ADD CONSTRAINT "price_list_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_versions" ADD CONSTRAINT "price_list_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "price_list_versions_effective_uq" ON "price_list_versions" USING btree ("clinic_id","effective_from") WHERE "price_list_versions"."status" = 'published';--> statement-breakpoint
CREATE INDEX "price_list_versions_clinic_idx" ON "price_list_versions" USING btree ("clinic_id","status","effective_from");--> statement-breakpoint
ALTER TABLE "price_list_items" ADD CONSTRAINT "price_list_items_version_id_price_list_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."price_list_versions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Hand-written data migration (drizzle-kit does not move data). Each day on which a clinic's dated price
-- rows changed (a valid_from, or the day after a valid_to) becomes a published version holding the rows in
-- force that day (the latest valid_from wins for a code, as prices were read before), so every day keeps
-- the prices it had. The dated rows are replaced by the rows of the versions.
INSERT INTO "price_list_versions" ("id", "clinic_id", "number", "status", "effective_from", "source", "import_status", "created_at", "updated_at", "published_at")
SELECT gen_random_uuid(), b."clinic_id", row_number() OVER (PARTITION BY b."clinic_id" ORDER BY b."day"), 'published', b."day", 'migration', 'done', now(), now(), now()
FROM (
	SELECT "clinic_id", "valid_from" AS "day" FROM "price_list_items"
	UNION
	SELECT "clinic_id", "valid_to" + 1 FROM "price_list_items" WHERE "valid_to" IS NOT NULL
) b;--> statement-breakpoint
INSERT INTO "price_list_items" ("id", "clinic_id", "version_id", "position", "clinic_code", "service_code", "name", "price", "valid_from", "valid_to")
SELECT gen_random_uuid(), s."clinic_id", s."version_id", row_number() OVER (PARTITION BY s."version_id" ORDER BY s."clinic_code", s."service_code"), s."clinic_code", s."service_code", s."name", s."price", s."valid_from", s."valid_to"
FROM (
	SELECT DISTINCT ON (v."id", i."service_code") v."id" AS "version_id", i."clinic_id", i."clinic_code", i."service_code", i."name", i."price", i."valid_from", i."valid_to"
	FROM "price_list_versions" v
	JOIN "price_list_items" i ON i."clinic_id" = v."clinic_id" AND i."version_id" IS NULL
		AND i."valid_from" <= v."effective_from" AND (i."valid_to" IS NULL OR i."valid_to" >= v."effective_from")
	ORDER BY v."id", i."service_code", i."valid_from" DESC
) s;--> statement-breakpoint
DELETE FROM "price_list_items" WHERE "version_id" IS NULL;--> statement-breakpoint
UPDATE "price_list_versions" v SET "row_count" = (SELECT count(*) FROM "price_list_items" i WHERE i."version_id" = v."id");
--> statement-breakpoint
ALTER TABLE "price_list_items" DROP CONSTRAINT "price_list_items_dates_ck";--> statement-breakpoint
ALTER TABLE "price_list_items" DROP CONSTRAINT "price_list_items_clinic_id_clinics_id_fk";
--> statement-breakpoint
DROP INDEX "price_list_items_clinic_idx";--> statement-breakpoint
ALTER TABLE "price_list_items" ALTER COLUMN "version_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "price_list_items" ALTER COLUMN "position" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "price_list_items" DROP COLUMN "clinic_id";--> statement-breakpoint
ALTER TABLE "price_list_items" DROP COLUMN "valid_from";--> statement-breakpoint
ALTER TABLE "price_list_items" DROP COLUMN "valid_to";--> statement-breakpoint
ALTER TABLE "price_list_items" ADD CONSTRAINT "price_list_items_version_code_uq" UNIQUE("version_id","service_code");