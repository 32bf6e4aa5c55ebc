ALTER TABLE "alert_messages" ADD COLUMN "cap_xml" text;--> statement-breakpoint
ALTER TABLE "alert_messages" ADD COLUMN "override" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_messages" ADD COLUMN "override_reason" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "return_note" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "returned_by" uuid;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_returned_by_staff_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;