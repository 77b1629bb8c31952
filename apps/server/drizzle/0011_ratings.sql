CREATE TABLE "clinic_complaints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"insured_person_id" uuid NOT NULL,
	"text" text NOT NULL,
	"status" text NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clinic_complaints_status_ck" CHECK ("clinic_complaints"."status" in ('new','justified','unjustified')),
	CONSTRAINT "clinic_complaints_text_ck" CHECK (length("clinic_complaints"."text") between 1 and 2000),
	CONSTRAINT "clinic_complaints_decision_ck" CHECK (("clinic_complaints"."status" = 'new') = ("clinic_complaints"."decided_at" is null and "clinic_complaints"."decided_by" is null and "clinic_complaints"."decision_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "clinic_rating_snapshots" (
	"clinic_id" uuid NOT NULL,
	"day" date NOT NULL,
	"rating" numeric(3, 1) NOT NULL,
	"place" integer NOT NULL,
	"clinics_count" integer NOT NULL,
	"components" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clinic_rating_snapshots_pk" PRIMARY KEY("clinic_id","day"),
	CONSTRAINT "clinic_rating_snapshots_rating_ck" CHECK ("clinic_rating_snapshots"."rating" between 0 and 10),
	CONSTRAINT "clinic_rating_snapshots_place_ck" CHECK ("clinic_rating_snapshots"."place" >= 1 and "clinic_rating_snapshots"."place" <= "clinic_rating_snapshots"."clinics_count")
);
--> statement-breakpoint
CREATE TABLE "visit_ratings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"insured_person_id" uuid NOT NULL,
	"stars" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_ratings_stars_ck" CHECK ("visit_ratings"."stars" between 1 and 5),
	CONSTRAINT "visit_ratings_comment_ck" CHECK ("visit_ratings"."comment" is null or length("visit_ratings"."comment") between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "clinic_complaints" ADD CONSTRAINT "clinic_complaints_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_complaints" ADD CONSTRAINT "clinic_complaints_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_complaints" ADD CONSTRAINT "clinic_complaints_insured_person_id_insured_persons_id_fk" FOREIGN KEY ("insured_person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_complaints" ADD CONSTRAINT "clinic_complaints_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_rating_snapshots" ADD CONSTRAINT "clinic_rating_snapshots_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_ratings" ADD CONSTRAINT "visit_ratings_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_ratings" ADD CONSTRAINT "visit_ratings_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_ratings" ADD CONSTRAINT "visit_ratings_insured_person_id_insured_persons_id_fk" FOREIGN KEY ("insured_person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_complaints_claim_uq" ON "clinic_complaints" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "clinic_complaints_clinic_idx" ON "clinic_complaints" USING btree ("clinic_id","status");--> statement-breakpoint
CREATE INDEX "clinic_complaints_status_idx" ON "clinic_complaints" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_ratings_claim_uq" ON "visit_ratings" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "visit_ratings_clinic_idx" ON "visit_ratings" USING btree ("clinic_id","created_at");