CREATE TABLE "user_agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"text_version" text NOT NULL,
	"text_hash" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"confirmed_contact" text,
	"otp_code_id" uuid,
	CONSTRAINT "user_agreements_user_clinic_version_uq" UNIQUE("user_id","clinic_id","text_version"),
	CONSTRAINT "user_agreements_text_hash_ck" CHECK ("user_agreements"."text_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "user_agreements" ADD CONSTRAINT "user_agreements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_agreements" ADD CONSTRAINT "user_agreements_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_agreements" ADD CONSTRAINT "user_agreements_otp_code_id_otp_codes_id_fk" FOREIGN KEY ("otp_code_id") REFERENCES "public"."otp_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_agreements_clinic_idx" ON "user_agreements" USING btree ("clinic_id");