"""The ITA/MOIT status of a fiscal year: for every MOIT item and due period, is the evidence there?

One package computes what the admin dashboard, the public ITA page, the exports and the compliance
provider (``home.compliance``) show, so they never disagree. It reads ``disclosure.models``; the models
never import it (the ITA year page is handed ``views`` at start-up). Rules (README "ITA/MOIT dashboard"):

* Each item's due periods come from ``MoitItem.due_periods()``: 12 months, 4 quarters, the quarters of
  a yearly or half-yearly item, or the period up to a fixed date.
* Evidence (``ITAEvidence`` rows of the fiscal year's published ITA page) answers a period when it is
  tagged with that month, or with that quarter (or a month of it). Evidence without a period answers an
  item with a single period; for items with several periods it is listed as standing evidence only.
* Evidence counts only when the public can open it: its page is live, public and not expired; its
  document is not in a private collection. Evidence whose data period does not cover the period it
  answers (for single-period items: the fiscal year or the year before it, which MOIT 1.2, 3 and 7 report
  on), or that was published before that window, is *out of date*.
* A period without valid evidence is *overdue* after its due day, *due soon* within N days of it
  (setting ``ITA_DUE_SOON_DAYS``), *missing* while it runs, and *not yet due* before it starts.

Modules: ``statuses`` (period and item statuses), ``evidence`` (each piece of evidence judged),
``report`` (``year_report``: the year's status), ``completeness`` (website completeness checks, R3.4),
``access`` (who may see the dashboard and follow its fix links), ``export`` (XLSX/CSV for MITAS),
``provider`` (the ``home.compliance`` provider) and ``views`` (the dashboard and the public page).
"""
