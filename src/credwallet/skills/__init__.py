"""Skills: the vocabulary (canonical ids, aliases, broader links, external codes) and extraction.

`vocabulary.load_vocabulary(wallet_home)` gives the vocabulary; `extract.extract_skills` the claims of
one credential; `extract.wallet_skills` the skills a set of credentials evidences. Submodules are
imported directly so that importing this package stays cheap.
"""
