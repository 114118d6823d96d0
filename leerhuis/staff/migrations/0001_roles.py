"""The four roles (leerhuis/staff/roles.py) from the groups before them, keeping their
members: Editors → Redactie, Organisatoren → Evenementen, Moderators into Moderatie (with the
review tasks of begrippen and praktijkcasussen), Ledenbeheer stays. Each gets exactly the
permissions its role names. Going back leaves the roles as they are."""

from django.db import migrations

from leerhuis.staff.setup import apply


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("core", "0009_group_visibility"),
        ("members", "0004_groups"),
        ("glossary", "0005_admin_labels_in_plain_dutch"),
        ("events", "0016_auditentry"),
        ("knowledge", "0008_case_document_label"),
        ("community", "0003_moderatie_without_groups"),
    ]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]
