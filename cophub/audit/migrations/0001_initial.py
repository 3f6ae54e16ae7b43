from django.db import migrations, models

import django.utils.timezone

# The log is append-only: the database itself refuses to change or remove a row, whoever asks.
POSTGRES_TRIGGERS = """
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
"""
POSTGRES_DROP = "DROP FUNCTION audit_refuse_change() CASCADE;"

# SQLite has no TRUNCATE: DELETE without WHERE runs the DELETE trigger.
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
    f"BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: {op} on {table} refused'); END"
    for table in ("audit_entry", "audit_seal")
    for op in ("UPDATE", "DELETE")
]


def create_tables(apps, schema_editor):
    for name in ("Entry", "Seal"):
        schema_editor.create_model(apps.get_model("audit", name))
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_TRIGGERS, params=None)
    else:
        for statement in SQLITE_TRIGGERS:
            schema_editor.execute(statement)


def drop_tables(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)
    else:
        for table in ("audit_entry", "audit_seal"):
            for op in ("update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_{op}")
    for name in ("Seal", "Entry"):
        schema_editor.delete_model(apps.get_model("audit", name))


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Entry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="when")),
                ("actor_id", models.BigIntegerField(blank=True, null=True, verbose_name="account number")),
                ("actor", models.CharField(blank=True, max_length=254, verbose_name="who")),
                ("role", models.CharField(blank=True, max_length=20, verbose_name="role")),
                ("action", models.CharField(max_length=20, verbose_name="action")),
                ("model", models.CharField(blank=True, max_length=100, verbose_name="kind of record")),
                ("object_pk", models.CharField(blank=True, max_length=64, verbose_name="record number")),
                ("object_label", models.CharField(blank=True, max_length=255, verbose_name="record")),
                ("changes", models.JSONField(blank=True, default=dict, verbose_name="changes")),
                ("method", models.CharField(blank=True, max_length=10, verbose_name="method")),
                ("path", models.CharField(blank=True, max_length=500, verbose_name="address")),
                ("status", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="answer")),
                ("request_id", models.CharField(blank=True, max_length=32, verbose_name="request")),
                ("digest", models.CharField(editable=False, max_length=64, verbose_name="digest")),
            ],
            options={
                "managed": False,
                "db_table": "audit_entry",
                "ordering": ["-id"],
                "verbose_name": "audit entry",
                "verbose_name_plural": "audit entries",
                "indexes": [
                    models.Index(fields=["at"], name="audit_entry_at"),
                    models.Index(fields=["actor_id", "at"], name="audit_entry_actor"),
                    models.Index(fields=["model", "object_pk"], name="audit_entry_object"),
                    models.Index(fields=["action", "at"], name="audit_entry_action"),
                ],
            },
        ),
        migrations.CreateModel(
            name="Seal",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sealed_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="sealed at")),
                ("last_entry_id", models.BigIntegerField(verbose_name="last entry")),
                ("entry_count", models.BigIntegerField(verbose_name="entries")),
                ("chain", models.CharField(max_length=64, verbose_name="chain")),
            ],
            options={
                "managed": False,
                "db_table": "audit_seal",
                "ordering": ["last_entry_id"],
                "verbose_name": "audit seal",
                "verbose_name_plural": "audit seals",
            },
        ),
        migrations.RunPython(create_tables, drop_tables),
    ]
