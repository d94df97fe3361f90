"""Programme evaluation: staggered difference-in-differences and the displacement test.

Plain functions over plain data (panels of numbers, counts), so each method can be checked
against a known answer without a database.
"""
