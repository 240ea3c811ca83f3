"""PostgreSQL: a signed session's clinical record cannot be changed, even by hand.

Refuses UPDATE of a signed session's clinical columns (status back to draft, signer,
time, knowledge version, assessment, patient) and any INSERT or UPDATE of lines and
points of a signed session. SQLite relies on the actions alone.
"""

from django.db import migrations

GUARD = """
CREATE OR REPLACE FUNCTION treatments_refuse_signed_session_update() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'signed' AND (
       NEW.status IS DISTINCT FROM OLD.status
    OR NEW.signed_at IS DISTINCT FROM OLD.signed_at
    OR NEW.signed_by_id IS DISTINCT FROM OLD.signed_by_id
    OR NEW.knowledge_version IS DISTINCT FROM OLD.knowledge_version
    OR NEW.assessment::text IS DISTINCT FROM OLD.assessment::text
    OR NEW.patient_id IS DISTINCT FROM OLD.patient_id
    OR NEW.version IS DISTINCT FROM OLD.version) THEN
    RAISE EXCEPTION 'treatments: session % is signed; add an addendum instead', OLD.id;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER treatments_session_signed_guard BEFORE UPDATE ON treatments_session
FOR EACH ROW EXECUTE FUNCTION treatments_refuse_signed_session_update();

CREATE OR REPLACE FUNCTION treatments_refuse_signed_line_write() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM treatments_session WHERE id = NEW.session_id AND status = 'signed')
  THEN
    RAISE EXCEPTION 'treatments: session % is signed; add an addendum instead', NEW.session_id;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER treatments_line_signed_guard BEFORE INSERT OR UPDATE ON treatments_treatmentline
FOR EACH ROW EXECUTE FUNCTION treatments_refuse_signed_line_write();

CREATE OR REPLACE FUNCTION treatments_refuse_signed_point_write() RETURNS trigger AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM treatments_treatmentline l JOIN treatments_session s ON s.id = l.session_id
    WHERE l.id = NEW.line_id AND s.status = 'signed')
  THEN
    RAISE EXCEPTION 'treatments: point % belongs to a signed session', NEW.id;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER treatments_point_signed_guard BEFORE INSERT OR UPDATE ON treatments_injectionpoint
FOR EACH ROW EXECUTE FUNCTION treatments_refuse_signed_point_write();
"""

UNGUARD = """
DROP TRIGGER IF EXISTS treatments_point_signed_guard ON treatments_injectionpoint;
DROP TRIGGER IF EXISTS treatments_line_signed_guard ON treatments_treatmentline;
DROP TRIGGER IF EXISTS treatments_session_signed_guard ON treatments_session;
DROP FUNCTION IF EXISTS treatments_refuse_signed_point_write();
DROP FUNCTION IF EXISTS treatments_refuse_signed_line_write();
DROP FUNCTION IF EXISTS treatments_refuse_signed_session_update();
"""


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GUARD, params=None)


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNGUARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("treatments", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
