CREATE TABLE "health_data_views" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "health_data_views_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"insured_person_id" uuid NOT NULL,
	"viewer_user_id" uuid,
	"viewer_name" text NOT NULL,
	"viewer_role" text NOT NULL,
	"organisation" text,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"record_label" text,
	"purpose" text NOT NULL,
	"request_id" text,
	"ip" text,
	CONSTRAINT "health_data_views_record_ck" CHECK ("health_data_views"."record_type" in ('letter','case','request','claim'))
);
--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "method" text DEFAULT 'registration' NOT NULL;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "withdrawn_method" text;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "withdrawn_ip" text;--> statement-breakpoint
ALTER TABLE "insured_persons" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "health_data_views" ADD CONSTRAINT "health_data_views_insured_person_id_insured_persons_id_fk" FOREIGN KEY ("insured_person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_data_views" ADD CONSTRAINT "health_data_views_viewer_user_id_users_id_fk" FOREIGN KEY ("viewer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "health_data_views_person_idx" ON "health_data_views" USING btree ("insured_person_id","at","id");--> statement-breakpoint
CREATE INDEX "health_data_views_viewer_idx" ON "health_data_views" USING btree ("viewer_user_id","at","id");--> statement-breakpoint
CREATE INDEX "health_data_views_at_idx" ON "health_data_views" USING btree ("at","id");--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_method_ck" CHECK ("consents"."method" in ('registration','account','written'));--> statement-breakpoint
-- Consents withdrawn before this migration were withdrawn in the account: the only way there was.
UPDATE "consents" SET "withdrawn_method" = 'account' WHERE "withdrawn_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawn_ck" CHECK (("consents"."withdrawn_at" is null) = ("consents"."withdrawn_method" is null) and "consents"."withdrawn_method" in ('account','written','erasure'));