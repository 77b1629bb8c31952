CREATE SEQUENCE "public"."clinic_contract_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."clinic_supplement_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "clinic_contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"supplement_type" text,
	"parent_id" uuid,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"document_date" date NOT NULL,
	"valid_until" date,
	"effective_from" date,
	"cashback_percent" smallint,
	"content" jsonb NOT NULL,
	"pdf_key" text NOT NULL,
	"pdf_sha256" text NOT NULL,
	"signed_pdf_key" text,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_by_side" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	CONSTRAINT "clinic_contracts_kind_ck" CHECK ("clinic_contracts"."kind" in ('contract','supplement')),
	CONSTRAINT "clinic_contracts_status_ck" CHECK ("clinic_contracts"."status" in ('draft','sent','signed_by_clinic','signed','cancelled')),
	CONSTRAINT "clinic_contracts_shape_ck" CHECK (("clinic_contracts"."kind" = 'contract' and "clinic_contracts"."parent_id" is null and "clinic_contracts"."supplement_type" is null and "clinic_contracts"."valid_until" is not null)
        or ("clinic_contracts"."kind" = 'supplement' and "clinic_contracts"."parent_id" is not null and "clinic_contracts"."supplement_type" in ('prolongation','requisites','cashback'))),
	CONSTRAINT "clinic_contracts_terms_ck" CHECK ("clinic_contracts"."supplement_type" is distinct from 'prolongation' or "clinic_contracts"."valid_until" is not null),
	CONSTRAINT "clinic_contracts_cashback_ck" CHECK ("clinic_contracts"."supplement_type" is distinct from 'cashback' or ("clinic_contracts"."cashback_percent" between 2 and 10 and "clinic_contracts"."effective_from" is not null)),
	CONSTRAINT "clinic_contracts_sha_ck" CHECK ("clinic_contracts"."pdf_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "clinic_contracts_side_ck" CHECK ("clinic_contracts"."created_by_side" in ('service','clinic')),
	CONSTRAINT "clinic_contracts_signed_ck" CHECK (("clinic_contracts"."status" = 'signed') = ("clinic_contracts"."signed_at" is not null)),
	CONSTRAINT "clinic_contracts_cancelled_ck" CHECK (("clinic_contracts"."status" = 'cancelled') = ("clinic_contracts"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "clinic_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"sender_side" text NOT NULL,
	"type" text NOT NULL,
	"number" text NOT NULL,
	"document_date" date NOT NULL,
	"period_from" date,
	"period_to" date,
	"comment" text,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"signed_pdf_key" text,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone,
	"received_by" uuid,
	"rejected_at" timestamp with time zone,
	"reject_reason" text,
	CONSTRAINT "clinic_documents_side_ck" CHECK ("clinic_documents"."sender_side" in ('service','clinic')),
	CONSTRAINT "clinic_documents_type_ck" CHECK ("clinic_documents"."type" in ('act','registry','report','letter','other')),
	CONSTRAINT "clinic_documents_status_ck" CHECK ("clinic_documents"."status" in ('sent','received','signed','rejected')),
	CONSTRAINT "clinic_documents_sha_ck" CHECK ("clinic_documents"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "clinic_documents_size_ck" CHECK ("clinic_documents"."size" > 0),
	CONSTRAINT "clinic_documents_period_ck" CHECK ("clinic_documents"."period_from" is null or "clinic_documents"."period_to" is null or "clinic_documents"."period_to" >= "clinic_documents"."period_from"),
	CONSTRAINT "clinic_documents_rejected_ck" CHECK (("clinic_documents"."status" = 'rejected') = ("clinic_documents"."rejected_at" is not null and "clinic_documents"."reject_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "edo_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"contract_id" uuid,
	"document_id" uuid,
	"action" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"actor_side" text,
	"details" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "edo_events_target_ck" CHECK (("edo_events"."contract_id" is null) <> ("edo_events"."document_id" is null)),
	CONSTRAINT "edo_events_action_ck" CHECK ("edo_events"."action" in ('created','sent','regenerated','cancelled','code_requested','signed','received','rejected'))
);
--> statement-breakpoint
CREATE TABLE "edo_signatures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid,
	"document_id" uuid,
	"side" text NOT NULL,
	"signer_user_id" uuid,
	"signer_name" text NOT NULL,
	"signer_post" text NOT NULL,
	"document_sha256" text NOT NULL,
	"otp_code_id" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"ip" text,
	CONSTRAINT "edo_signatures_target_ck" CHECK (("edo_signatures"."contract_id" is null) <> ("edo_signatures"."document_id" is null)),
	CONSTRAINT "edo_signatures_side_ck" CHECK ("edo_signatures"."side" in ('service','clinic')),
	CONSTRAINT "edo_signatures_sha_ck" CHECK ("edo_signatures"."document_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "clinic_contracts" ADD CONSTRAINT "clinic_contracts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_contracts" ADD CONSTRAINT "clinic_contracts_parent_id_clinic_contracts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."clinic_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_contracts" ADD CONSTRAINT "clinic_contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_documents" ADD CONSTRAINT "clinic_documents_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_documents" ADD CONSTRAINT "clinic_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_documents" ADD CONSTRAINT "clinic_documents_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edo_events" ADD CONSTRAINT "edo_events_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edo_events" ADD CONSTRAINT "edo_events_contract_id_clinic_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."clinic_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edo_events" ADD CONSTRAINT "edo_events_document_id_clinic_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."clinic_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edo_events" ADD CONSTRAINT "edo_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edo_signatures" ADD CONSTRAINT "edo_signatures_contract_id_clinic_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."clinic_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edo_signatures" ADD CONSTRAINT "edo_signatures_document_id_clinic_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."clinic_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edo_signatures" ADD CONSTRAINT "edo_signatures_signer_user_id_users_id_fk" FOREIGN KEY ("signer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edo_signatures" ADD CONSTRAINT "edo_signatures_otp_code_id_otp_codes_id_fk" FOREIGN KEY ("otp_code_id") REFERENCES "public"."otp_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_contracts_number_uq" ON "clinic_contracts" USING btree ("number");--> statement-breakpoint
CREATE INDEX "clinic_contracts_clinic_idx" ON "clinic_contracts" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "clinic_contracts_parent_idx" ON "clinic_contracts" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_contracts_live_contract_uq" ON "clinic_contracts" USING btree ("clinic_id") WHERE "clinic_contracts"."kind" = 'contract' and "clinic_contracts"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "clinic_documents_clinic_idx" ON "clinic_documents" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "edo_events_clinic_idx" ON "edo_events" USING btree ("clinic_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "edo_signatures_contract_side_uq" ON "edo_signatures" USING btree ("contract_id","side");--> statement-breakpoint
CREATE UNIQUE INDEX "edo_signatures_document_side_uq" ON "edo_signatures" USING btree ("document_id","side");--> statement-breakpoint
CREATE UNIQUE INDEX "edo_signatures_code_uq" ON "edo_signatures" USING btree ("otp_code_id");