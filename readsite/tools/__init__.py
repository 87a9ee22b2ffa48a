"""Developer tools that measure readsite rather than run a site (not part of the CLI).

`score_import` is the measuring stick of `readsite import` on clippings: the importers and the
normaliser are tuned against its figures, so it lives beside them and uses their public API.
"""
