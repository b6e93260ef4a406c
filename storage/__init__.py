"""The only place that speaks SQL (schema, migrations, repository, full-text index).

Filled by the register issue; see ../shared/DESIGN.md.
"""
