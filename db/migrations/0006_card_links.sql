CREATE TABLE "card_link_hits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "card_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"customer_uid" text NOT NULL,
	"pg" text NOT NULL,
	"channel_key" text,
	"test_channel" boolean NOT NULL,
	"app_mode" text NOT NULL,
	"replace_confirmed" boolean DEFAULT false NOT NULL,
	"customer_id" text,
	"customer_name" text,
	"customer_tel" text,
	"customer_email" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"claimed_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"locked_at" timestamp with time zone,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"deliveries" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "issue_attempts" ADD COLUMN "entered_by" text;--> statement-breakpoint
ALTER TABLE "issue_attempts" ADD COLUMN "link_id" uuid;--> statement-breakpoint
CREATE INDEX "card_link_hits_ip_idx" ON "card_link_hits" USING btree ("ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "card_links_token_hash_idx" ON "card_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "card_links_created_idx" ON "card_links" USING btree ("created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "card_links_created_by_idx" ON "card_links" USING btree ("created_by","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "card_links_uid_idx" ON "card_links" USING btree ("customer_uid","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "card_links_status_idx" ON "card_links" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "issue_attempts_link_idx" ON "issue_attempts" USING btree ("link_id","started_at");