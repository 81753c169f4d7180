"""The paperwork the process prints, read from the records the process leaves (R2.7, R3.1).

A *publication* is either a Wagtail workflow that ran to the end (the submitter's request, the head's
approval and the webmaster's publication are its task states) or an urgent publication on verbal
approval (``UrgentPublication``, with the written approval that follows). Nothing is copied into a
table of our own: the request form and the reports are built from those records whenever they are
asked for, so they cannot disagree with the audit trail.

One module per job:

* ``records`` — the publications of a page, and who may print their request forms;
* ``request_form`` — ``request_form_data(record)``, everything the publication request form shows;
* ``report`` — ``report_data(start, end)``, everything the monthly (or, over a fiscal year, annual)
  report shows;
* ``people`` — names, the positions printed under them, the report's recipients;
* ``page_facts`` — a page's section (category) and MOIT item;
* ``periods`` — the month or fiscal year typed by a person, month bounds, durations.

The data are plain strings and numbers, read by the admin page, the PDF and the spreadsheet alike
(``publishing.exports``).
"""
