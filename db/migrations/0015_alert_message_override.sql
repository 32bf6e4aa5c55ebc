ALTER TABLE "alert_messages" ADD COLUMN "override" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_messages" ADD COLUMN "override_reason" text;