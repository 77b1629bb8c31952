ALTER TABLE "clinics" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "head_name" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "head_post" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "bik" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "bank_name" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "correspondent_account" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "settlement_account" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "registered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_kpp_ck" CHECK ("clinics"."kpp" ~ '^\d{4}[\dA-Z]{2}\d{3}$');--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_ogrn_ck" CHECK ("clinics"."ogrn" ~ '^\d{13}(\d{2})?$');--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_bik_ck" CHECK ("clinics"."bik" ~ '^\d{9}$');--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_correspondent_account_ck" CHECK ("clinics"."correspondent_account" ~ '^\d{20}$');--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_settlement_account_ck" CHECK ("clinics"."settlement_account" ~ '^\d{20}$');