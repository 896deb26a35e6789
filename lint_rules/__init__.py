"""acu-lint's built-in rules: one module per rule id (``absolute-claim`` ->
``absolute_claim.py``), registered through the ``acu_lint.rules`` entry points
exactly as a third-party rule package would be."""
