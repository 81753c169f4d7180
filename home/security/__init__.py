"""Staff-account and site-wide security (README "Security").

- ``lockout``: django-axes behind the proxy, its Thai lockout page and the admin's unlock screen.
- ``two_factor``: the admin needs a code from an authenticator app (TOTP) or a recovery code.
- ``passwords``: the validator refusing the hospital's own words.
- ``csp``: Content-Security-Policy with a nonce per response, strict on the public site.
- ``conflicts``: a page edit form older than the page's latest revision is refused, not saved over it.
"""
