"""readsite: turn a pile of raw articles into a calm, fast, cross-linked reading site."""

__version__ = "0.1.0"
