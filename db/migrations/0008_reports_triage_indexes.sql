-- Custom SQL (drizzle cannot declare an index on reports from outside db/schema/reports.ts).
-- The staff triage list of open reports, in its own order (priority, due date, newest first):
-- the first page is read straight off this index instead of sorting every open report.
CREATE INDEX IF NOT EXISTS "reports_open_triage" ON "reports" ((CASE "priority" WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END), "due_date", "created_at" DESC) WHERE "state" <> 'closed';
--> statement-breakpoint
-- The same order within one office (office staff always see their own) and one category (a common filter).
CREATE INDEX IF NOT EXISTS "reports_open_triage_office" ON "reports" ("office_id", (CASE "priority" WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END), "due_date", "created_at" DESC) WHERE "state" <> 'closed';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reports_open_triage_category" ON "reports" ("category_id", (CASE "priority" WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END), "due_date", "created_at" DESC) WHERE "state" <> 'closed';
--> statement-breakpoint
-- Open311 GET requests and servicerequestupdates read a window of creation dates, newest first.
CREATE INDEX IF NOT EXISTS "reports_created_at" ON "reports" ("created_at" DESC);
