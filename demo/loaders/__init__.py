"""The demo's loaders, one per area, in the order ``load_demo_data`` runs them.

Each has ``load(builder)``; an area may link to what later areas created in an optional second phase
``finish(builder)``. The hospital's own part (``hospital``) runs first and finishes last.
"""

from demo.loaders import complaints, disclosure, disclosure_ita, hospital, manuals, procurement, publishing, survey

# The order of the apps in INSTALLED_APPS, as the loader ran them when each app carried its own part.
AREAS = [disclosure, disclosure_ita, procurement, manuals, publishing, complaints, survey]

__all__ = ["AREAS", "hospital"]
