"""PDPA duties over the complaint and feedback records: retention (``retention``), erasure
(``erasure``), data-subject search and export (``search``, ``exports``) and the admin screen (``views``)."""
