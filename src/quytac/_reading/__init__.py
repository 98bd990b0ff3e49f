"""
The reading layer below ``quytac._yaml``: the strict YAML (and JSON) reader in its parts.

- ``_common``: the limits, the parsers, what a reading gives (``RawDocument``, ``Span``,
  ``Marks``) and the problems of the text itself (a byte that is not UTF-8, a wrong encoding).
- ``_scalars``: what a plain or tagged scalar is (booleans, nulls, the core schema's numbers).
- ``_walk``: the event walk that builds plain data, and the second pass that locates values.
- ``_syntax``: the table of YAML syntax errors and the problems they become.
- ``_json``: the JSON reader.
- ``_extents``: where values are in a text, for editing it in place.

``quytac._yaml`` is the entry to all of it; the modules here and ``_yaml`` (with ``_sources``
below them) are the only ones that import PyYAML.
"""
