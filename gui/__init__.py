"""The only place that imports Qt. Filled by the desktop issue; see ../shared/DESIGN.md."""
