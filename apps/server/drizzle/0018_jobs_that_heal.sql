ALTER TABLE "payouts" ADD COLUMN "review_reason" text;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "review_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "insured_imports" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "insured_imports" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "price_list_versions" ADD COLUMN "import_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "price_list_versions" ADD COLUMN "import_lease_until" timestamp with time zone;