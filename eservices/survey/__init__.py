"""The satisfaction survey (R1.16): the public form, the results by fiscal-year round, the admin report and
its XLSX file."""
