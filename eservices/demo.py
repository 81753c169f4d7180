"""Demo content of the e-services: each service brings its own loader module."""

from . import survey_demo


def load(builder):
    survey_demo.load(builder)
