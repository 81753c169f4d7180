"""Search fields whose text reaches the index already cut into Thai words.

``ThaiSearchMixin`` goes first in the bases of a model; it turns every ``index.SearchField`` and
``index.AutocompleteField`` of the model's ``search_fields`` (also inside ``RelatedFields``) into its
Thai version with the same name and boost, so the category apps keep declaring plain ``SearchField``s and still get Thai words.
The title stays the index's "title" column (and keeps its boost); filters are untouched.
"""

from django.utils.encoding import force_str

from wagtail.search import index

from home.search import thai

# The most text one field gives the index (a long PDF is cut here; the words that matter come first).
MAX_FIELD_CHARS = 100_000


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    return force_str(value)


class ThaiSearchField(index.SearchField):
    """A ``SearchField`` whose value is indexed as Thai words and sub-words (``home.search.thai``)."""

    def get_value(self, obj):
        return thai.index_text(_as_text(super().get_value(obj)), limit=MAX_FIELD_CHARS)


class ThaiAutocompleteField(index.AutocompleteField):
    """An ``AutocompleteField`` indexed as Thai words, so the admin's type-ahead finds words inside titles."""

    def get_value(self, obj):
        return thai.index_text(_as_text(super().get_value(obj)), limit=MAX_FIELD_CHARS)


def thai_field(field):
    if isinstance(field, ThaiSearchField | ThaiAutocompleteField):
        return field
    if isinstance(field, index.SearchField):
        return ThaiSearchField(field.field_name, boost=field.boost, **field.kwargs)
    if isinstance(field, index.AutocompleteField):
        return ThaiAutocompleteField(field.field_name, **field.kwargs)
    if isinstance(field, index.RelatedFields):
        return index.RelatedFields(field.field_name, [thai_field(sub) for sub in field.fields])
    return field


_converted = {}


class ThaiSearchMixin:
    """Put first in a model's bases: its search fields are indexed in Thai words."""

    @classmethod
    def get_search_fields(cls):
        if cls not in _converted:
            _converted[cls] = [thai_field(field) for field in super().get_search_fields()]
        return _converted[cls]
