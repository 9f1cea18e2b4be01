"""Fuzz targets for the table readers (danvan.tables): NOT DONE, a marked place for them.

The readers come from another branch. When they land, add here, with the ``fuzz``
fixture of conftest.py as the other targets do:

- each reader over arbitrary cells and over valid tables mutated one cell at a time
  (a danvan error or a dataset; no other exception);
- read -> write -> read gives the same bytes;
- ``fuzz.linear`` on a table of n rows.
"""
