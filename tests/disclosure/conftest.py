"""Fixtures the disclosure tests share."""

import pytest

from disclosure.models import ITAIndexPage
from tests.conftest import add_page
from tests.disclosure import factories


@pytest.fixture
def site_tree(home_page):
    """The disclosure sections of the site, with the ITA section and an owner unit."""
    tree = factories.sections()
    tree["ita"] = add_page(tree["transparency"], ITAIndexPage, title="ITA", slug="ita")
    tree["owner"] = factories.department()
    return tree
