from wagtail.documents.forms import BaseDocumentForm

from members.access import Visibility


class DocumentForm(BaseDocumentForm):
    """The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE).

    Uploading several files at once posts only title and collection; a required visibility
    would make every upload fail, so a missing one keeps what the document has (public for
    a new one), and staff set it when they edit the document.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "visibility" in self.fields:
            self.fields["visibility"].required = False

    def clean_visibility(self):
        return (
            self.cleaned_data.get("visibility")
            or getattr(self.instance, "visibility", "")
            or Visibility.PUBLIC
        )
