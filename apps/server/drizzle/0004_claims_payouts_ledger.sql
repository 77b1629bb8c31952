CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"insured_person_id" uuid NOT NULL,
	"letter_id" uuid NOT NULL,
	"fn" text NOT NULL,
	"fd" text NOT NULL,
	"fp" text NOT NULL,
	"operation_type" smallint NOT NULL,
	"qr_sum" bigint NOT NULL,
	"qr_date_time" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"receipt" jsonb,
	"decision" jsonb,
	"explanation" jsonb,
	"reimbursement" bigint DEFAULT 0 NOT NULL,
	"cashback" bigint DEFAULT 0 NOT NULL,
	"fetch_attempts" integer DEFAULT 0 NOT NULL,
	"last_fetch_error" text,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"adjudicated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "claims_receipt_uq" UNIQUE("fn","fd"),
	CONSTRAINT "claims_status_ck" CHECK ("claims"."status" in ('waiting_receipt','manual_review','approved','partially_approved','rejected','payout_pending','paid','payout_failed')),
	CONSTRAINT "claims_source_ck" CHECK ("claims"."source" in ('camera','photo','manual')),
	CONSTRAINT "claims_amounts_ck" CHECK ("claims"."reimbursement" >= 0 and "claims"."cashback" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"insured_person_id" uuid NOT NULL,
	"claim_id" uuid,
	"payout_id" uuid,
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_entries_kind_ck" CHECK ("ledger_entries"."kind" in ('reimbursement','cashback','payout','clawback','repayment'))
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"insured_person_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"idempotence_key" text NOT NULL,
	"provider_id" text,
	"status" text NOT NULL,
	"phone" text NOT NULL,
	"bank_id" text NOT NULL,
	"cancel_reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payouts_status_ck" CHECK ("payouts"."status" in ('created','pending','succeeded','canceled')),
	CONSTRAINT "payouts_amount_ck" CHECK ("payouts"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "insured_persons" ADD COLUMN "payout_phone" text;--> statement-breakpoint
ALTER TABLE "insured_persons" ADD COLUMN "payout_bank_id" text;--> statement-breakpoint
ALTER TABLE "insured_persons" ADD COLUMN "payout_bank_name" text;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_insured_person_id_insured_persons_id_fk" FOREIGN KEY ("insured_person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_letter_id_guarantee_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."guarantee_letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_insured_person_id_insured_persons_id_fk" FOREIGN KEY ("insured_person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_insured_person_id_insured_persons_id_fk" FOREIGN KEY ("insured_person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claims_person_idx" ON "claims" USING btree ("insured_person_id","created_at");--> statement-breakpoint
CREATE INDEX "claims_letter_idx" ON "claims" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "claims_status_idx" ON "claims" USING btree ("status");--> statement-breakpoint
CREATE INDEX "ledger_entries_person_idx" ON "ledger_entries" USING btree ("insured_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_claim_kind_uq" ON "ledger_entries" USING btree ("claim_id","kind") WHERE "ledger_entries"."kind" in ('reimbursement','cashback');--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_payout_uq" ON "ledger_entries" USING btree ("payout_id") WHERE "ledger_entries"."kind" = 'payout';--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_idempotence_key_uq" ON "payouts" USING btree ("idempotence_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_provider_id_uq" ON "payouts" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_claim_live_uq" ON "payouts" USING btree ("claim_id") WHERE "payouts"."status" in ('created','pending','succeeded');