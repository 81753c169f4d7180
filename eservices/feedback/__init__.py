"""Comments and questions from the public (MOIT 2.1.8): the form, the answer in the admin, the published Q&A."""
