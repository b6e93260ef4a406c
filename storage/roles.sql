-- Who may do what in Ziffer's team register: three group roles, enforced by the server's grants.
-- Run as the register's owner (the role whose Ziffer first opened the database and made its tables),
-- e.g. psql "postgresql://ziffer_owner@server/ziffer" -f roles.sql, again after an upgrade of Ziffer.
-- Each person then logs in with a role of their own in one group (the history names that role):
--   CREATE ROLE anna LOGIN PASSWORD '…' IN ROLE ziffer_officer;   -- or: … IN ROLE ziffer_clerk
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ziffer_reader') THEN CREATE ROLE ziffer_reader NOLOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ziffer_officer') THEN CREATE ROLE ziffer_officer NOLOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ziffer_clerk') THEN CREATE ROLE ziffer_clerk NOLOGIN; END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO ziffer_reader, ziffer_officer, ziffer_clerk', current_database());
END
$$;
GRANT USAGE ON SCHEMA public TO ziffer_reader, ziffer_officer, ziffer_clerk;

-- reader: read and export, nothing else
GRANT SELECT ON ALL TABLES IN SCHEMA public TO ziffer_reader;

-- officer: everything but deleting (prints, material, imported files) and touching the history
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO ziffer_officer;
GRANT DELETE ON points, answer_items, answer_item_points, citations, material_links, contributions,
    internal_deadlines, prints_fts, points_fts, material_fts, passages_fts TO ziffer_officer;
REVOKE UPDATE ON events FROM ziffer_officer;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ziffer_officer;

-- clerk: all of it
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ziffer_clerk;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ziffer_clerk;

-- the schema is the owner's: nobody else changes the bookkeeping of its migrations
REVOKE INSERT, UPDATE, DELETE ON ziffer_migrations, ziffer_info FROM ziffer_officer, ziffer_clerk;
