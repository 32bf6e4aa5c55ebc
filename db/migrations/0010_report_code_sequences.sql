-- Public codes move from a counter row (locked until each report's commit reached the disk) to
-- one sequence per year; the numbers already handed out carry over.
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT year, last FROM report_code_counters WHERE last > 0 LOOP
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', 'report_code_' || r.year);
    PERFORM setval(format('%I', 'report_code_' || r.year)::regclass, r.last);
  END LOOP;
END $$;--> statement-breakpoint
DROP TABLE "report_code_counters" CASCADE;
