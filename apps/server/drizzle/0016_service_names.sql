CREATE TABLE "service_names" (
	"service_code" text NOT NULL,
	"name" text NOT NULL,
	"words" text GENERATED ALWAYS AS (' ' || regexp_replace(translate(lower(name), 'ё', 'е'), '[^a-zа-я0-9]+', ' ', 'g') || ' ') STORED NOT NULL,
	CONSTRAINT "service_names_pk" PRIMARY KEY("service_code","name")
);
--> statement-breakpoint
-- Hand-written backfill (drizzle-kit does not move data): every (code, name) pair of the published and
-- superseded versions already in the database, before the indexes are built over them.
INSERT INTO "service_names" ("service_code", "name")
SELECT DISTINCT "service_code", "name" FROM "price_list_items"
ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE INDEX "service_names_words_trgm_idx" ON "service_names" USING gin ("words" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "service_names_code_prefix_idx" ON "service_names" USING btree ("service_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "price_list_items_code_version_idx" ON "price_list_items" USING btree ("service_code","version_id","price");--> statement-breakpoint
DROP INDEX "price_list_items_code_idx";--> statement-breakpoint
DROP INDEX "price_list_items_name_trgm_idx";
