"""The demo hospital: ``load_demo_data`` builds it (DEBUG only)."""
