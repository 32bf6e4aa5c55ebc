CREATE TABLE "alert_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"msg_type" text NOT NULL,
	"sent" timestamp with time zone NOT NULL,
	"snapshot" jsonb NOT NULL,
	"notification_id" uuid,
	"published_by" uuid,
	CONSTRAINT "alert_messages_identifier_unique" UNIQUE("identifier")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"level" text NOT NULL,
	"phase" text,
	"risks" jsonb NOT NULL,
	"headline" text NOT NULL,
	"description" text NOT NULL,
	"comune_actions" text DEFAULT '' NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"source_url" text,
	"issuer" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"zone_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"custom_polygon" jsonb,
	"waiting_area_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"drafted_by" uuid,
	"approved_by" uuid,
	"override" boolean DEFAULT false NOT NULL,
	"override_reason" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "alerts_identifier_unique" UNIQUE("identifier")
);
--> statement-breakpoint
CREATE TABLE "citizen_zones" (
	"citizen_id" uuid NOT NULL,
	"zone_id" integer NOT NULL,
	CONSTRAINT "citizen_zones_citizen_id_zone_id_pk" PRIMARY KEY("citizen_id","zone_id")
);
--> statement-breakpoint
CREATE TABLE "risk_templates" (
	"risk" text PRIMARY KEY NOT NULL,
	"instructions_it" text NOT NULL,
	"instructions_en" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waiting_areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"zone_id" integer,
	"notes" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"polygon" jsonb NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zones_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "alert_messages" ADD CONSTRAINT "alert_messages_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_messages" ADD CONSTRAINT "alert_messages_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_messages" ADD CONSTRAINT "alert_messages_published_by_staff_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_drafted_by_staff_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_approved_by_staff_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_zones" ADD CONSTRAINT "citizen_zones_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_zones" ADD CONSTRAINT "citizen_zones_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_areas" ADD CONSTRAINT "waiting_areas_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_messages_alert" ON "alert_messages" USING btree ("alert_id","id");--> statement-breakpoint
CREATE INDEX "alerts_state_valid_until" ON "alerts" USING btree ("state","valid_until");--> statement-breakpoint
CREATE INDEX "citizen_zones_zone" ON "citizen_zones" USING btree ("zone_id");