"""Visit statistics counted by the site itself (R1.16): the counting middleware, the public counter, the
monthly and daily figures and the admin report."""
