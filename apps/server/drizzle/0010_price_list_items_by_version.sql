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