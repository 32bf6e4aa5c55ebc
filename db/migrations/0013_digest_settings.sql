ALTER TABLE "comune_settings" ADD COLUMN "digest_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "comune_settings" ADD COLUMN "digest_cron" text;