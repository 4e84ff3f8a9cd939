CREATE TABLE "qa_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"actor_id" text,
	"channels" jsonb NOT NULL,
	"scenarios" jsonb NOT NULL,
	"issue_timeout_ms" integer NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"results" jsonb NOT NULL,
	"cleanup" jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE INDEX "qa_runs_created_idx" ON "qa_runs" USING btree ("created_at" DESC NULLS LAST,"id");