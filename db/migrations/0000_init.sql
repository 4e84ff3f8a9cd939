CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"actor_email" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"ip" text,
	"result" text NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "billing_key_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_uid" text NOT NULL,
	"pg_provider" text NOT NULL,
	"pg_id" text NOT NULL,
	"card_name" text,
	"card_code" text,
	"card_number_masked" text,
	"card_type" smallint,
	"iamport_inserted_at" timestamp with time zone NOT NULL,
	"iamport_updated_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_by" text
);
--> statement-breakpoint
CREATE TABLE "billing_keys" (
	"customer_uid" text PRIMARY KEY NOT NULL,
	"pg_provider" text NOT NULL,
	"pg_id" text NOT NULL,
	"sandbox" boolean,
	"app_mode" text NOT NULL,
	"card_name" text,
	"card_code" text,
	"card_number_masked" text,
	"card_last4" text,
	"card_type" smallint,
	"card_issuer_code" text,
	"card_issuer_name" text,
	"card_publisher_code" text,
	"card_publisher_name" text,
	"customer_id" text,
	"customer_name" text,
	"customer_tel" text,
	"customer_email" text,
	"customer_addr" text,
	"customer_postcode" text,
	"channel_key" text,
	"iamport_inserted_at" timestamp with time zone NOT NULL,
	"iamport_updated_at" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" text,
	"status" text DEFAULT 'active' NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" text,
	"delete_reason" text,
	"live_state" text DEFAULT 'unchecked' NOT NULL,
	"live_checked_at" timestamp with time zone,
	"live_state_acknowledged_at" timestamp with time zone,
	"live_state_acknowledged_by" text
);
--> statement-breakpoint
CREATE TABLE "issue_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_uid" text NOT NULL,
	"requested_pg" text,
	"channel_key" text,
	"pg_provider" text,
	"pg_id" text,
	"app_mode" text NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"error_code" text,
	"iamport_code" integer,
	"iamport_message" text,
	"pg_code" text,
	"replaced" boolean,
	"duration_ms" integer,
	"actor_id" text,
	"idempotency_key" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sandbox_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"annotation" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("target_type","target_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "billing_key_history_uid_idx" ON "billing_key_history" USING btree ("customer_uid","replaced_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "billing_keys_issued_at_idx" ON "billing_keys" USING btree ("issued_at" DESC NULLS LAST,"customer_uid");--> statement-breakpoint
CREATE INDEX "billing_keys_updated_at_idx" ON "billing_keys" USING btree ("updated_at" DESC NULLS LAST,"customer_uid");--> statement-breakpoint
CREATE INDEX "billing_keys_pg_idx" ON "billing_keys" USING btree ("pg_provider","pg_id","issued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "billing_keys_card_code_idx" ON "billing_keys" USING btree ("card_code","issued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "billing_keys_status_idx" ON "billing_keys" USING btree ("status","issued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "billing_keys_issued_by_idx" ON "billing_keys" USING btree ("issued_by","issued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "billing_keys_last4_idx" ON "billing_keys" USING btree ("card_last4");--> statement-breakpoint
CREATE INDEX "billing_keys_live_state_idx" ON "billing_keys" USING btree ("live_state");--> statement-breakpoint
CREATE INDEX "billing_keys_uid_trgm_idx" ON "billing_keys" USING gin ("customer_uid" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "billing_keys_name_trgm_idx" ON "billing_keys" USING gin ("customer_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "billing_keys_tel_trgm_idx" ON "billing_keys" USING gin ("customer_tel" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "billing_keys_email_trgm_idx" ON "billing_keys" USING gin ("customer_email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "issue_attempts_started_idx" ON "issue_attempts" USING btree ("started_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "issue_attempts_uid_idx" ON "issue_attempts" USING btree ("customer_uid","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "issue_attempts_outcome_idx" ON "issue_attempts" USING btree ("outcome","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "issue_attempts_pg_idx" ON "issue_attempts" USING btree ("pg_provider","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "issue_attempts_pg_code_idx" ON "issue_attempts" USING btree ("pg_code","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "issue_attempts_actor_idx" ON "issue_attempts" USING btree ("actor_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "issue_attempts_idempotency_idx" ON "issue_attempts" USING btree ("idempotency_key");