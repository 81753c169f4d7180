"""The e-services part of the demo hospital (``load_demo_data``). Each service loads its own part."""

from eservices import complaints_demo, survey_demo


def load(builder):
    complaints_demo.load(builder)
    survey_demo.load(builder)
