"""
Renderings of findings, scores and syntheses: ``text`` for a terminal, ``json`` for other
software, ``markdown`` and ``html`` for the report a department hands to the city.
"""
