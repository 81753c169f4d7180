"""The Thai-aware site search: segmentation (``thai``), indexed fields (``fields``), the search backend
that segments every query (``backend``), text extraction from uploaded files (``extract``) and the
public search page (``views``). docs/search.md explains how they fit together.
"""
