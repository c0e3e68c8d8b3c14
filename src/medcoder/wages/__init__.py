"""Market wages (BLS OEWS), the articles' claims, and the salary estimator built on both."""
