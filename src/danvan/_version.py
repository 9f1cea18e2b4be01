"""The version of danvan, read by the build (``[tool.hatch.version]``) and by ``danvan.__version__``."""

__version__ = "0.1.0"
