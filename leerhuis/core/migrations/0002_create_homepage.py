from django.conf import settings
from django.db import migrations

from leerhuis.core.addresses import site_address


def create_homepage(apps, schema_editor=None):
    """Replace Wagtail's welcome page by the Leerhuis home page and point the Site at it.

    Also called by the test fixtures after a database flush (live-server tests), so it
    works with both historical and current models.
    """
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("core.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    if HomePage.objects.exists():
        return
    locale, _ = Locale.objects.get_or_create(language_code="nl")
    Page.objects.filter(depth=2, slug="home").delete()
    root = Page.objects.filter(depth=1).first()
    if root is None:
        page_ct, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
        root = Page.objects.create(
            title="Root", slug="root", content_type=page_ct, path="0001", depth=1,
            numchild=0, url_path="/", locale=locale,
        )
    homepage_ct, _ = ContentType.objects.get_or_create(app_label="core", model="homepage")
    # The first free child position of the root (treebeard paths, four characters a level).
    taken = set(Page.objects.filter(depth=2).values_list("path", flat=True))
    path = next(f"{root.path}{n:04d}" for n in range(1, 10_000) if f"{root.path}{n:04d}" not in taken)
    home = HomePage.objects.create(
        title="Digitale Leerhuis",
        draft_title="Digitale Leerhuis",
        slug="home",
        content_type=homepage_ct,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        intro="<p>Het platform van de gemeentelijke projectbureaus.</p>",
    )
    Page.objects.filter(pk=root.pk).update(numchild=Page.objects.filter(depth=2).count())
    # The site's own address, so the sitemap and feeds link to where it is served.
    hostname, port = site_address(settings.BASE_URL)
    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    Site.objects.create(
        hostname=hostname,
        port=port,
        root_page=home,
        is_default_site=True,
        site_name="Digitale Leerhuis",
    )


def remove_homepage(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    apps.get_model("core.HomePage").objects.all().delete()
    for root in Page.objects.filter(depth=1):
        Page.objects.filter(pk=root.pk).update(
            numchild=Page.objects.filter(depth=2, path__startswith=root.path).count()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
