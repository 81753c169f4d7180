"""The Thai-aware site search: segmentation (``thai``), indexed fields (``fields``), the search backend
that segments every query (``backend``), text extraction from uploaded files (``extract``) and the
public search page (``views``). README's "Search in Thai" section explains how they fit together.
"""
