"""How the e-service page types reach their views without importing them.

The views of a service (``eservices.<service>.views``) import the models, so the models must not import
the views, not even lazily. Instead each page route calls a view by name, and the views module
registers its functions on the page type with ``@PageType.view("name")``; ``EservicesConfig.ready``
imports the views modules, so every route is registered before the first request.
"""


class RegisteredViewsMixin:
    """A page type whose routes call views registered by name from its service's package."""

    registered_views = {}

    @classmethod
    def view(cls, name):
        """Decorator: register ``function(page, request)`` as the view ``name`` of this page type."""

        def register(function):
            cls.registered_views = {**cls.__dict__.get("registered_views", {}), name: function}
            return function

        return register

    def call_view(self, name, request):
        try:
            function = type(self).registered_views[name]
        except KeyError:
            raise LookupError(f"{type(self).__name__} has no view {name!r}: is its views module loaded?") from None
        return function(self, request)
