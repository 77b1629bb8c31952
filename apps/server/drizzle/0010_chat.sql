CREATE TABLE "chat_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"message_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	CONSTRAINT "chat_attachments_size_ck" CHECK ("chat_attachments"."size" > 0 and "chat_attachments"."size" <= 10485760)
);
--> statement-breakpoint
CREATE TABLE "chat_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "chat_messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"thread_id" uuid NOT NULL,
	"author_id" uuid,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"client_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_messages_side_ck" CHECK ("chat_messages"."side" in ('clinic','service')),
	CONSTRAINT "chat_messages_body_ck" CHECK (char_length("chat_messages"."body") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "chat_read_markers" (
	"user_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"side" text NOT NULL,
	"last_read_seq" bigint NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_read_markers_pk" PRIMARY KEY("user_id","thread_id"),
	CONSTRAINT "chat_read_markers_side_ck" CHECK ("chat_read_markers"."side" in ('clinic','service'))
);
--> statement-breakpoint
CREATE TABLE "chat_threads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"clinic_id" uuid,
	"department" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"last_message_seq" bigint,
	"last_message_at" timestamp with time zone,
	"emailed_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "chat_threads_kind_ck" CHECK ("chat_threads"."kind" in ('clinic')),
	CONSTRAINT "chat_threads_clinic_ck" CHECK ("chat_threads"."kind" <> 'clinic' or "chat_threads"."clinic_id" is not null),
	CONSTRAINT "chat_threads_department_ck" CHECK ("chat_threads"."department" in ('general','contracts','planning','expertise'))
);
--> statement-breakpoint
CREATE TABLE "department_contacts" (
	"department" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"person_name" text DEFAULT '' NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"hours" text NOT NULL,
	"topics" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "department_contacts_department_ck" CHECK ("department_contacts"."department" in ('general','contracts','planning','expertise')),
	CONSTRAINT "department_contacts_phone_ck" CHECK ("department_contacts"."phone" ~ '^\+7\d{10}$'),
	CONSTRAINT "department_contacts_email_ck" CHECK ("department_contacts"."email" = lower("department_contacts"."email") and "department_contacts"."email" like '%@%')
);
--> statement-breakpoint
ALTER TABLE "chat_attachments" ADD CONSTRAINT "chat_attachments_message_id_chat_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."chat_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_thread_id_chat_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."chat_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_read_markers" ADD CONSTRAINT "chat_read_markers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_read_markers" ADD CONSTRAINT "chat_read_markers_thread_id_chat_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."chat_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_threads" ADD CONSTRAINT "chat_threads_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_threads" ADD CONSTRAINT "chat_threads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_contacts" ADD CONSTRAINT "department_contacts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_attachments_message_idx" ON "chat_attachments" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_messages_seq_uq" ON "chat_messages" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_messages_client_uq" ON "chat_messages" USING btree ("author_id","client_id");--> statement-breakpoint
CREATE INDEX "chat_messages_thread_seq_idx" ON "chat_messages" USING btree ("thread_id","seq");--> statement-breakpoint
CREATE INDEX "chat_read_markers_thread_idx" ON "chat_read_markers" USING btree ("thread_id","side");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_threads_clinic_department_uq" ON "chat_threads" USING btree ("clinic_id","department") WHERE "chat_threads"."kind" = 'clinic';--> statement-breakpoint
CREATE INDEX "chat_threads_last_message_idx" ON "chat_threads" USING btree ("last_message_at");