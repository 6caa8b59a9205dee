-- description: deadline status unresolved: a relative date with no base date
-- A deadline's status, relative to a day: a relative date on a page with no date of its
-- own (今年10月底前, precision unresolved) has no date, but is no open-ended one either.
CREATE OR REPLACE VIEW v_deadlines AS
    SELECT d.doc_id, doc.title, doc.doc_number, d.text, d.kind, d.date, d.start_date, d.precision,
           CASE WHEN d.kind = 'recurring' THEN 'recurring'
                WHEN d.precision = 'unresolved' THEN 'unresolved'
                WHEN d.date IS NULL THEN 'open'
                WHEN d.date < current_date THEN 'overdue'
                ELSE 'upcoming' END AS status,
           d.date - current_date AS days_left, d.context
    FROM deadlines d JOIN documents doc USING (doc_id);
CREATE OR REPLACE MACRO deadlines_as_of(as_of) AS TABLE
    SELECT d.doc_id, doc.title, d.text, d.kind, d.date,
           CASE WHEN d.kind = 'recurring' THEN 'recurring'
                WHEN d.precision = 'unresolved' THEN 'unresolved'
                WHEN d.date IS NULL THEN 'open'
                WHEN d.date < CAST(as_of AS DATE) THEN 'overdue'
                ELSE 'upcoming' END AS status,
           d.date - CAST(as_of AS DATE) AS days_left, d.context
    FROM deadlines d JOIN documents doc USING (doc_id);
