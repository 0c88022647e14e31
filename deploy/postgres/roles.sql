-- One PostgreSQL role per ORcast service; only audit may write the audit tables.
--
--   psql -v ON_ERROR_STOP=1 -d orcast -f deploy/postgres/roles.sql   (as the database owner)
--   ALTER ROLE orcast_<service> PASSWORD '…';                        (out of band, per role)
--
-- Each service logs in as its own role (ORCAST_DATABASE_URL from the Secret
-- orcast-db-<service>) and creates its tables through its own migrations, so it owns
-- them and no other service holds any privilege on them: a compromised cases or
-- approval pod cannot insert, update or delete a row of audit_records or
-- audit_checkpoints. deidentify and viewer keep no tables and get no role.
-- (audit, as the owner of its tables, could still drop their append-only triggers; the
-- checkpoints anchored in the witness file and on audit.checkpoints expose that.)
-- Idempotent: safe to run again after adding a service.

DO $$
DECLARE
  service text;
BEGIN
  FOREACH service IN ARRAY ARRAY['cases', 'ingest', 'approval', 'publisher', 'audit', 'signin'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'orcast_' || service) THEN
      EXECUTE format('CREATE ROLE %I LOGIN NOINHERIT', 'orcast_' || service);
    END IF;
  END LOOP;
END $$;

-- Tables are created in `public` by their owner only.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public
  TO orcast_cases, orcast_ingest, orcast_approval, orcast_publisher, orcast_audit,
  orcast_signin;

-- Shared bookkeeping (services/common/store.py), owned by the database owner so that
-- no service owns it. Each service sees and records only its own migrations.
CREATE TABLE IF NOT EXISTS orcast_migrations (
  service VARCHAR(32) NOT NULL,
  version INTEGER NOT NULL,
  name VARCHAR(200) NOT NULL,
  applied_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
  PRIMARY KEY (service, version)
);
CREATE TABLE IF NOT EXISTS orcast_consumed_events (
  consumer VARCHAR(64) NOT NULL,
  event_id VARCHAR(128) NOT NULL,
  PRIMARY KEY (consumer, event_id)
);
REVOKE ALL ON orcast_migrations, orcast_consumed_events FROM PUBLIC;
GRANT SELECT, INSERT ON orcast_migrations, orcast_consumed_events
  TO orcast_cases, orcast_ingest, orcast_approval, orcast_publisher, orcast_audit,
  orcast_signin;
ALTER TABLE orcast_migrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE orcast_consumed_events ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own_migrations ON orcast_migrations;
CREATE POLICY own_migrations ON orcast_migrations
  USING ('orcast_' || service = current_user) WITH CHECK ('orcast_' || service = current_user);
DROP POLICY IF EXISTS own_claims ON orcast_consumed_events;
CREATE POLICY own_claims ON orcast_consumed_events
  USING ('orcast_' || consumer = current_user) WITH CHECK ('orcast_' || consumer = current_user);

-- The audit tables (audit_records, audit_checkpoints, audit_head) are created by
-- orcast_audit's migrations and owned by it. Grant nothing on them to anyone else;
-- should a DBA ever grant a read role, it must be SELECT only.
ALTER DEFAULT PRIVILEGES FOR ROLE orcast_audit REVOKE ALL ON TABLES FROM PUBLIC;
