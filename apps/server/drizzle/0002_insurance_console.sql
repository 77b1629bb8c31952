CREATE SEQUENCE "public"."guarantee_letter_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "guarantee_letter_items" (
	"letter_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"service_code" text NOT NULL,
	"clinic_code" text NOT NULL,
	"name" text NOT NULL,
	"price" bigint NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "guarantee_letter_items_pk" PRIMARY KEY("letter_id","line"),
	CONSTRAINT "guarantee_letter_items_qty_ck" CHECK ("guarantee_letter_items"."quantity" > 0),
	CONSTRAINT "guarantee_letter_items_price_ck" CHECK ("guarantee_letter_items"."price" > 0)
);
--> statement-breakpoint
CREATE TABLE "guarantee_letters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"case_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"insured_person_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"branch_id" uuid,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"status" text NOT NULL,
	"franchise_percent" smallint NOT NULL,
	"cashback_percent" smallint NOT NULL,
	"remaining_limit" bigint,
	"total" bigint NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	CONSTRAINT "guarantee_letters_dates_ck" CHECK ("guarantee_letters"."valid_until" >= "guarantee_letters"."valid_from"),
	CONSTRAINT "guarantee_letters_status_ck" CHECK ("guarantee_letters"."status" in ('issued','cancelled')),
	CONSTRAINT "guarantee_letters_total_ck" CHECK ("guarantee_letters"."total" >= 0)
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"insured_person_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"complaint" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"photo_key" text,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "help_requests_channel_ck" CHECK ("help_requests"."channel" in ('app','phone')),
	CONSTRAINT "help_requests_status_ck" CHECK ("help_requests"."status" in ('new','in_work','closed'))
);
--> statement-breakpoint
CREATE TABLE "medical_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"insured_person_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"doctor_id" uuid NOT NULL,
	"complaints" text NOT NULL,
	"icd10_code" text,
	"icd10_text" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "medical_cases_status_ck" CHECK ("medical_cases"."status" in ('open','letter_issued','closed')),
	CONSTRAINT "medical_cases_icd10_ck" CHECK ("medical_cases"."icd10_code" ~ '^[A-Z]\d{2}(\.\d{1,2})?$')
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"insured_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text_version" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"ip" text,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consents_kind_ck" CHECK ("consents"."kind" in ('data_processing','employer_sharing'))
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"insurer_id" uuid NOT NULL,
	"policyholder_id" uuid NOT NULL,
	"number" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contracts_insurer_number_uq" UNIQUE("insurer_id","number"),
	CONSTRAINT "contracts_dates_ck" CHECK ("contracts"."valid_to" >= "contracts"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "insured_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"detached" integer DEFAULT 0 NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "insured_imports_status_ck" CHECK ("insured_imports"."status" in ('queued','running','done','rejected','failed')),
	CONSTRAINT "insured_imports_mode_ck" CHECK ("insured_imports"."mode" in ('all_or_nothing','valid_rows'))
);
--> statement-breakpoint
CREATE TABLE "insured_persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"middle_name" text,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"phone" text,
	"email" text,
	"user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "insured_persons_sex_ck" CHECK ("insured_persons"."sex" in ('male','female')),
	CONSTRAINT "insured_persons_phone_ck" CHECK ("insured_persons"."phone" ~ '^\+7\d{10}$')
);
--> statement-breakpoint
CREATE TABLE "otp_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"target" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"program_id" uuid NOT NULL,
	"insured_person_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"detached_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policies_dates_ck" CHECK ("policies"."valid_to" >= "policies"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "program_clinics" (
	"program_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	CONSTRAINT "program_clinics_pk" PRIMARY KEY("program_id","clinic_id")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"covered_prefixes" text[] DEFAULT '{}'::text[] NOT NULL,
	"covered_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"exclusion_prefixes" text[] DEFAULT '{}'::text[] NOT NULL,
	"approval_prefixes" text[] DEFAULT '{}'::text[] NOT NULL,
	"annual_limit" bigint,
	"group_limits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"franchise_percent" smallint DEFAULT 0 NOT NULL,
	"any_clinic" boolean DEFAULT false NOT NULL,
	"access_types" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "programs_contract_code_uq" UNIQUE("contract_id","code"),
	CONSTRAINT "programs_franchise_ck" CHECK ("programs"."franchise_percent" between 0 and 100),
	CONSTRAINT "programs_limit_ck" CHECK ("programs"."annual_limit" is null or "programs"."annual_limit" > 0),
	CONSTRAINT "programs_access_ck" CHECK (cardinality("programs"."access_types") > 0 and "programs"."access_types" <@ array['letter','reimbursement']::text[])
);
--> statement-breakpoint
CREATE TABLE "clinic_branches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"district" text,
	"phone" text,
	"hours" text,
	"latitude" double precision,
	"longitude" double precision
);
--> statement-breakpoint
CREATE TABLE "clinic_cashback" (
	"clinic_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"percent" smallint NOT NULL,
	CONSTRAINT "clinic_cashback_pk" PRIMARY KEY("clinic_id","valid_from"),
	CONSTRAINT "clinic_cashback_percent_ck" CHECK ("clinic_cashback"."percent" between 2 and 10)
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "rating" numeric(3, 1);--> statement-breakpoint
ALTER TABLE "guarantee_letter_items" ADD CONSTRAINT "guarantee_letter_items_letter_id_guarantee_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."guarantee_letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_letters" ADD CONSTRAINT "guarantee_letters_case_id_medical_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."medical_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_letters" ADD CONSTRAINT "guarantee_letters_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_letters" ADD CONSTRAINT "guarantee_letters_insured_person_id_insured_persons_id_fk" FOREIGN KEY ("insured_person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_letters" ADD CONSTRAINT "guarantee_letters_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_letters" ADD CONSTRAINT "guarantee_letters_branch_id_clinic_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."clinic_branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee_letters" ADD CONSTRAINT "guarantee_letters_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_insured_person_id_insured_persons_id_fk" FOREIGN KEY ("insured_person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medical_cases" ADD CONSTRAINT "medical_cases_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medical_cases" ADD CONSTRAINT "medical_cases_insured_person_id_insured_persons_id_fk" FOREIGN KEY ("insured_person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medical_cases" ADD CONSTRAINT "medical_cases_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medical_cases" ADD CONSTRAINT "medical_cases_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_insured_person_id_insured_persons_id_fk" FOREIGN KEY ("insured_person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_insurer_id_insurers_id_fk" FOREIGN KEY ("insurer_id") REFERENCES "public"."insurers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_policyholder_id_policyholders_id_fk" FOREIGN KEY ("policyholder_id") REFERENCES "public"."policyholders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insured_imports" ADD CONSTRAINT "insured_imports_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insured_imports" ADD CONSTRAINT "insured_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insured_persons" ADD CONSTRAINT "insured_persons_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_insured_person_id_insured_persons_id_fk" FOREIGN KEY ("insured_person_id") REFERENCES "public"."insured_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_clinics" ADD CONSTRAINT "program_clinics_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_clinics" ADD CONSTRAINT "program_clinics_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_branches" ADD CONSTRAINT "clinic_branches_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_cashback" ADD CONSTRAINT "clinic_cashback_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "guarantee_letters_number_uq" ON "guarantee_letters" USING btree ("number");--> statement-breakpoint
CREATE INDEX "guarantee_letters_clinic_idx" ON "guarantee_letters" USING btree ("clinic_id","issued_at");--> statement-breakpoint
CREATE INDEX "guarantee_letters_person_idx" ON "guarantee_letters" USING btree ("insured_person_id","issued_at");--> statement-breakpoint
CREATE INDEX "help_requests_status_idx" ON "help_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "medical_cases_request_uq" ON "medical_cases" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "consents" USING btree ("insured_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "insured_persons_user_uq" ON "insured_persons" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "insured_persons_phone_idx" ON "insured_persons" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "otp_codes_target_idx" ON "otp_codes" USING btree ("purpose","target","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "policies_number_uq" ON "policies" USING btree ("number");--> statement-breakpoint
CREATE INDEX "policies_person_idx" ON "policies" USING btree ("insured_person_id");--> statement-breakpoint
CREATE INDEX "policies_program_idx" ON "policies" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "clinic_branches_clinic_idx" ON "clinic_branches" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "price_list_items_code_idx" ON "price_list_items" USING btree ("service_code");--> statement-breakpoint
CREATE INDEX "price_list_items_name_trgm_idx" ON "price_list_items" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_rating_ck" CHECK ("clinics"."rating" between 0 and 10);