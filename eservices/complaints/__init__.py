"""Complaints (R1.5–R1.6, R1.9): codes and rules at the bottom, then forms and the notify service, then the
public views and the admin on top. Nothing here imports upwards; ``eservices.models`` imports only
``codes`` and ``rules``."""
