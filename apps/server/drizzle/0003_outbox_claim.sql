ALTER TABLE "outbox_messages" DROP CONSTRAINT "outbox_messages_status_ck";--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_messages_pending_idx" ON "outbox_messages" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_status_ck" CHECK ("outbox_messages"."status" in ('pending','sending','sent','demo','failed'));