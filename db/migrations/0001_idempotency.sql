CREATE TABLE "issue_locks" (
	"customer_uid" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "issue_attempts" ADD COLUMN "error_message" text;